"""A real `oaktree serve` process on the local cloud, real clients, and test data made
through openstacksdk (never through oaktree itself)."""
from __future__ import annotations

import dataclasses
import importlib.util
import json
import pathlib
import sys
import uuid

import grpc
import httpx
import openstack
import pytest
from oaktree_server import start_server, stop_server
from redis_server import start_redis, stop_redis

from oaktree.v1 import clouds_pb2_grpc, compute_pb2_grpc, image_pb2_grpc, network_pb2_grpc


@pytest.fixture(scope="session")
def server(clouds_yaml, tmp_path_factory):
    # These tests make their data with openstacksdk, behind oaktree's back, and expect to
    # see it at once: no list cache here (calls are still coalesced). The cache has its
    # own tests (test_cache_*).
    running = start_server(clouds_yaml, tmp_path_factory.mktemp("oaktree") / "oaktree.log",
                           "--cache", "none")
    yield running
    assert stop_server(running) == 0, running.log()


@pytest.fixture(scope="session")
def channel(server):
    with grpc.insecure_channel(server.grpc_target) as channel:
        yield channel


@dataclasses.dataclass
class Stubs:
    clouds: clouds_pb2_grpc.CloudsServiceStub
    compute: compute_pb2_grpc.ComputeServiceStub
    image: image_pb2_grpc.ImageServiceStub
    network: network_pb2_grpc.NetworkServiceStub


@pytest.fixture(scope="session")
def stubs(channel) -> Stubs:
    return Stubs(clouds_pb2_grpc.CloudsServiceStub(channel), compute_pb2_grpc.ComputeServiceStub(channel),
                 image_pb2_grpc.ImageServiceStub(channel), network_pb2_grpc.NetworkServiceStub(channel))


ROOT = pathlib.Path(__file__).resolve().parents[2]


def _load_conformance():
    path = ROOT / "tests" / "openapi" / "conformance.py"
    spec = importlib.util.spec_from_file_location("openapi_live_conformance", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def checked_operations() -> list:
    """operationIds whose live responses were validated against the OpenAPI 3.1 document."""
    return []


@pytest.fixture(scope="session")
def http(server, checked_operations):
    """An HTTP client whose every /v1 response is validated against openapi/oaktree.openapi.json,
    so any drift between the runtime and the document fails the test that saw it."""
    document = json.loads((ROOT / "openapi" / "oaktree.openapi.json").read_text())
    checker = _load_conformance().ResponseChecker(document)

    def validate(response: httpx.Response) -> None:
        if response.request.url.path.startswith("/v1/"):
            response.read()
            checked_operations.append(checker.validate(
                response.request.method, response.request.url.path, response.status_code,
                response.headers, response.content))

    with httpx.Client(base_url=server.base_url, timeout=60, event_hooks={"response": [validate]}) as client:
        yield client


@pytest.fixture(scope="session")
def demo(clouds_yaml):
    """openstacksdk as the `devcloud` user (project demo), RegionOne."""
    connection = openstack.connect(cloud="devcloud", region_name="RegionOne")
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def floating_ip(demo):
    """A floating IP on the local cloud's external network, made with openstacksdk."""
    network = demo.network.find_network("public", ignore_missing=False)
    ip = demo.network.create_ip(floating_network_id=network.id, description="oaktree test")
    yield ip
    demo.network.delete_ip(ip, ignore_missing=True)


@pytest.fixture(scope="session")
def duplicate_images(demo):
    """Two private images with the same name: Get by that name must be ambiguous."""
    name = f"oaktree-dup-{uuid.uuid4().hex[:8]}"
    images = [demo.image.create_image(name=name, disk_format="raw", container_format="bare",
                                      visibility="private", data=b"x" * 512, validate_checksum=False)
              for _ in range(2)]
    yield name, images
    for image in images:
        demo.image.delete_image(image, ignore_missing=True)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A real redis-server of our own (free port, temp dir), for the shared cache."""
    running = start_redis(tmp_path_factory.mktemp("redis"))
    yield running
    stop_redis(running)
