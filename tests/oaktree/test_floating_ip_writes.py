"""Floating IP create/delete and DeleteUnattached (dry run, then real) over gRPC and REST.

DeleteUnattached deletes *every* unattached floating IP of a project, and the local cloud
is shared with other test runs: so these tests work in a throwaway project (made with the
admin account, the demo user added as member) that oaktree reaches through
`location.project` — nobody else's floating IPs are ever at risk.
(Attach/detach is tested on the server in test_servers.py.)
"""
from __future__ import annotations

import uuid

import grpc
import openstack
import pytest

from oaktree.v1 import location_pb2, network_pb2

REGION_PATH = "/v1/clouds/devcloud/regions/RegionOne"


@pytest.fixture(scope="module")
def scratch(clouds_yaml):
    admin = openstack.connect(cloud="devcloud-admin", region_name="RegionOne")
    project = admin.identity.create_project(name=f"oaktree-test-fip-{uuid.uuid4().hex[:8]}",
                                            domain_id="default", description="oaktree test, throwaway")
    try:
        user = admin.identity.find_user("demo", domain_id="default", ignore_missing=False)
        role = admin.identity.find_role("member", ignore_missing=False)
        admin.identity.assign_project_role_to_user(project, user, role)
        where = location_pb2.Location(cloud="devcloud", region="RegionOne",
                                      project=location_pb2.Project(name=project.name, domain_id="default"))
        yield where, project
    finally:
        for ip in admin.network.ips(project_id=project.id):
            admin.network.delete_ip(ip, ignore_missing=True)
        admin.identity.delete_project(project, ignore_missing=True)
        admin.close()


def project_ips(demo, project) -> set[str]:
    # The demo user's own connection cannot list another project's IPs; admin can.
    admin = openstack.connect(cloud="devcloud-admin", region_name="RegionOne")
    try:
        return {ip.floating_ip_address for ip in admin.network.ips(project_id=project.id)}
    finally:
        admin.close()


def test_delete_unattached_dry_run_then_real(scratch, stubs, http, demo):
    where, project = scratch
    first = stubs.network.CreateFloatingIp(network_pb2.CreateFloatingIpRequest(location=where, network="public"),
                                           timeout=60)
    assert first.floating_ip_address and not first.is_attached
    assert first.location.project.id == project.id
    body = {"location": {"project": {"name": project.name, "domainId": "default"}}}
    reply = http.post(f"{REGION_PATH}/floatingIps", json={**body, "network": "public"})
    assert reply.status_code == 201, reply.text
    second = reply.json()
    left_behind = {first.floating_ip_address, second["floatingIpAddress"]}
    assert project_ips(demo, project) == left_behind

    dry = http.post(f"{REGION_PATH}/floatingIps:deleteUnattached", json={**body, "dryRun": True})
    assert dry.status_code == 200, dry.text
    assert dry.json()["dryRun"] is True and dry.json()["errors"] == []
    assert {ip["floatingIpAddress"] for ip in dry.json()["floatingIps"]} == left_behind
    assert project_ips(demo, project) == left_behind  # nothing deleted

    real = stubs.network.DeleteUnattachedFloatingIps(
        network_pb2.DeleteUnattachedFloatingIpsRequest(location=where), timeout=120)
    assert not real.dry_run and not real.errors
    assert {ip.floating_ip_address for ip in real.floating_ips} == left_behind
    assert project_ips(demo, project) == set()

    again = stubs.network.DeleteUnattachedFloatingIps(
        network_pb2.DeleteUnattachedFloatingIpsRequest(location=where), timeout=120)
    assert list(again.floating_ips) == []


def test_delete_one_by_address(scratch, stubs, http, demo):
    where, project = scratch
    before = project_ips(demo, project)
    ip = stubs.network.CreateFloatingIp(network_pb2.CreateFloatingIpRequest(location=where), timeout=60)
    # No network given: the cloud layer's NAT source (the only external network, `public`).
    assert ip.network_id == demo.network.find_network("public").id
    reply = http.delete(f"{REGION_PATH}/floatingIps/{ip.floating_ip_address}",
                        params={"location.project.name": project.name, "location.project.domainId": "default"})
    assert reply.status_code == 204, reply.text
    assert project_ips(demo, project) == before
    with pytest.raises(grpc.RpcError) as caught:
        stubs.network.DeleteFloatingIp(network_pb2.DeleteFloatingIpRequest(location=where, name_or_id=ip.id))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


def test_create_on_an_unknown_network_is_not_found(scratch, stubs):
    where, _ = scratch
    with pytest.raises(grpc.RpcError) as caught:
        stubs.network.CreateFloatingIp(network_pb2.CreateFloatingIpRequest(location=where, network="no-such-net"))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND, caught.value.details()
