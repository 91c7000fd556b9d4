"""Fixtures for the devcloud smoke tests: openstacksdk connections to the running devcloud.

The clouds come from OS_CLIENT_CONFIG_FILE (`eval $(tools/devcloud/devcloud env)`); the
root conftest's `clouds_yaml` fails the test when it is unset. A service missing from
the catalog fails the test too (`require`), it is never skipped.
"""
from __future__ import annotations

import json
import pathlib
import uuid

import openstack
import pytest

DEVCLOUD = pathlib.Path(__file__).resolve().parents[2] / "tools" / "devcloud" / "devcloud"


def _connect(clouds_yaml: pathlib.Path, cloud: str, region: str = "RegionOne"):
    config = openstack.config.OpenStackConfig(config_files=[str(clouds_yaml)])
    return openstack.connection.Connection(
        config=config.get_one(cloud=cloud, region_name=region))


@pytest.fixture(scope="session")
def demo(clouds_yaml):
    return _connect(clouds_yaml, "devcloud")


@pytest.fixture(scope="session")
def demo_region_two(clouds_yaml):
    return _connect(clouds_yaml, "devcloud", "RegionTwo")


@pytest.fixture(scope="session")
def alt(clouds_yaml):
    return _connect(clouds_yaml, "devcloud-alt")


@pytest.fixture(scope="session")
def admin(clouds_yaml):
    return _connect(clouds_yaml, "devcloud-admin")


@pytest.fixture(scope="session")
def catalog(admin) -> dict[str, set[str]]:
    """service type -> regions that have an endpoint for it."""
    regions: dict[str, set[str]] = {}
    services = {s.id: s.type for s in admin.identity.services()}
    for endpoint in admin.identity.endpoints():
        regions.setdefault(services[endpoint.service_id], set()).add(endpoint.region_id)
    return regions


@pytest.fixture(scope="session")
def require(catalog):
    """require("compute") fails the test unless the devcloud runs that service."""
    def check(service_type: str, region: str = "RegionOne") -> None:
        if region not in catalog.get(service_type, set()):
            pytest.fail(f"this devcloud has no {service_type} in {region} "
                        "(DEVCLOUD_SERVICES leaves it out?)")
    return check


@pytest.fixture(scope="session")
def app_credential(clouds_yaml) -> dict:
    path = clouds_yaml.parent / "app-credential.json"
    if not path.is_file():
        pytest.fail(f"{path} is missing: `devcloud up` writes it when seeding")
    return json.loads(path.read_text())


@pytest.fixture
def name() -> str:
    """A unique resource name, so reruns and parallel runs don't collide."""
    return f"smoke-{uuid.uuid4().hex[:8]}"
