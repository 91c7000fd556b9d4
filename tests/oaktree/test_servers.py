"""Servers on the local cloud (Nova's fake driver: servers go ACTIVE in seconds, no VM).

One server serves the whole module (servers are slow): created by name over gRPC with
CreateServerAndWait + auto_ip while REST watchers (NDJSON and SSE) follow the same
server from BUILD to ACTIVE; then reads, floating IP detach/attach, deadlines, and the
delete (with its floating IP) watched to DELETED.

What the local cloud cannot show: it has no network agents and no VMs, so ports and
floating IPs stay DOWN and nothing is reachable; the floating IP is really allocated and
associated in Neutron, which is what these tests check (public_v4 is the Neutron
association, whether or not Nova's own address list has caught up yet). Without a network
openstacksdk asks Nova for networks="auto", which this cloud cannot satisfy, so every
create passes `private`.
"""
from __future__ import annotations

import base64
import concurrent.futures
import ipaddress
import json
import uuid

import grpc
import httpx
import openstack
import pytest

from oaktree.v1 import compute_pb2, location_pb2, network_pb2

DEVCLOUD = location_pb2.Location(cloud="devcloud", region="RegionOne")
REGION_PATH = "/v1/clouds/devcloud/regions/RegionOne"
S = compute_pb2.ServerStatus
ACTIVE = S.Name(S.SERVER_STATUS_ACTIVE)


def cleanup_server(demo, server_id: str) -> None:
    """Delete the server and every floating IP on its ports, whatever the test did."""
    for port in demo.network.ports(device_id=server_id):
        for ip in demo.network.ips(port_id=port.id):
            demo.network.delete_ip(ip, ignore_missing=True)
    server = demo.compute.find_server(server_id, ignore_missing=True)
    if server is not None:
        demo.compute.delete_server(server, ignore_missing=True)
        demo.compute.wait_for_delete(server, wait=120)


def rest_stream(base_url: str, path: str, sse: bool, results: list, timeout: float = 150) -> int:
    """Read a server stream over REST into `results` (messages, then an error dict if any)."""
    headers = {"Accept": "text/event-stream"} if sse else {}
    with httpx.Client(base_url=base_url, timeout=timeout) as client, \
            client.stream("GET", path, headers=headers) as reply:
        event = "message"
        for line in reply.iter_lines():
            if not line:
                continue
            if sse:
                if line.startswith("event:"):
                    event = line.split(":", 1)[1].strip()
                elif line.startswith("data:"):
                    data = json.loads(line.split(":", 1)[1])
                    results.append({"error": data} if event == "error" else data)
                    event = "message"
            else:
                item = json.loads(line)
                results.append(item["result"] if "result" in item else item)
        return reply.status_code


@pytest.fixture(scope="module")
def created(stubs, server, demo):
    """The module's server: CreateServerAndWait over gRPC, watched meanwhile over REST."""
    name = f"oaktree-test-srv-{uuid.uuid4().hex[:8]}"
    request = compute_pb2.CreateServerRequest(
        location=DEVCLOUD, name=name, image="cirros-tiny", flavor="m1.tiny", networks=["private"],
        security_groups=["default"], key_name="demo-key", availability_zone="nova",
        user_data="#cloud-config\n", metadata={"purpose": "oaktree-test"}, auto_ip=True,
        # Not shade's default reuse: the demo project is shared with other test runs, whose
        # unattached floating IPs must not be taken.
        reuse_ips=False)
    stream = stubs.compute.CreateServerAndWait(request, timeout=240)
    snapshots = [next(stream)]
    server_id = snapshots[0].id
    rest = {"ndjson": [], "sse": []}
    try:
        watch_path = f"{REGION_PATH}/servers/{server_id}:watch"
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            watchers = {kind: pool.submit(rest_stream, server.base_url, watch_path, kind == "sse", rest[kind])
                        for kind in rest}
            snapshots.extend(stream)
            statuses = {kind: future.result(timeout=200) for kind, future in watchers.items()}
        yield {"name": name, "id": server_id, "snapshots": snapshots, "rest": rest,
               "rest_status": statuses}
    finally:
        cleanup_server(demo, server_id)


def test_create_and_wait_streams_build_to_active_with_a_floating_ip(created, demo):
    snapshots = created["snapshots"]
    first, last = snapshots[0], snapshots[-1]
    assert first.name == created["name"] and first.status == S.SERVER_STATUS_BUILD
    assert last.status == S.SERVER_STATUS_ACTIVE
    # Only changes are streamed: no two consecutive snapshots alike.
    keys = [(s.status, s.task_state, s.vm_state, s.power_state, tuple(a.address for a in s.addresses))
            for s in snapshots]
    assert all(a != b for a, b in zip(keys, keys[1:]))
    # auto_ip: a floating IP from `public` attached to the server's port, shown as public_v4.
    ports = list(demo.network.ports(device_id=created["id"]))
    ips = [ip for port in ports for ip in demo.network.ips(port_id=port.id)]
    assert len(ips) == 1, ips
    assert last.public_v4 == ips[0].floating_ip_address
    assert ipaddress.ip_address(last.public_v4) in ipaddress.ip_network("172.24.4.0/24")
    assert last.interface_ip == last.public_v4
    assert last.private_v4 == ips[0].fixed_ip_address
    assert ipaddress.ip_address(last.private_v4).is_private
    assert {(a.address, a.type) for a in last.addresses} >= {(last.private_v4, "fixed"),
                                                               (last.public_v4, "floating")}
    assert last.location.zone == "nova"  # the availability zone
    assert last.location.project.name == "demo"
    assert last.flavor_name == "m1.tiny" and last.image_id
    assert last.metadata["purpose"] == "oaktree-test"
    assert last.key_name == "demo-key" and list(last.security_groups) == ["default"]
    # User data reached Nova base64-encoded (only an admin may read it back).
    admin = openstack.connect(cloud="devcloud-admin", region_name="RegionOne")
    try:
        assert base64.b64decode(admin.compute.get_server(created["id"]).user_data) == b"#cloud-config\n"
    finally:
        admin.close()


@pytest.mark.parametrize("kind", ["ndjson", "sse"])
def test_rest_watch_follows_the_server_to_active(created, kind):
    assert created["rest_status"][kind] == 200
    seen = created["rest"][kind]
    assert seen and all("error" not in item for item in seen), seen
    assert seen[-1]["status"] == ACTIVE and seen[-1]["id"] == created["id"]
    # Started while the server was building; it may have seen BUILD first (depends on when
    # the shared poller's next list ran), never anything after ACTIVE.
    assert {s["status"] for s in seen[:-1]} <= {S.Name(S.SERVER_STATUS_BUILD)}


def test_get_and_list_over_both_protocols(created, stubs, http):
    by_name = stubs.compute.GetServer(compute_pb2.GetServerRequest(name_or_id=created["name"]))
    assert by_name.id == created["id"] and by_name.public_v4 == created["snapshots"][-1].public_v4
    listed = stubs.compute.ListServers(compute_pb2.ListServersRequest(
        location=location_pb2.Location(cloud="devcloud"), filters={"status": "ACTIVE"},
        name_or_id="oaktree-test-srv-*"))
    assert created["id"] in [s.id for s in listed.servers]
    # RegionTwo has no compute service: reported, not failing the call.
    assert [e.location.region for e in listed.errors] == ["RegionTwo"]
    reply = http.get(f"/v1/clouds/devcloud/servers/{created['name']}")
    assert reply.status_code == 200, reply.text
    assert reply.json()["publicV4"] == by_name.public_v4 and reply.json()["status"] == ACTIVE
    reply = http.get("/v1/servers", params={"nameOrId": created["name"]})
    assert [s["id"] for s in reply.json()["servers"]] == [created["id"]]


def test_watch_of_an_active_server_ends_at_once(created, stubs, http):
    snapshots = list(stubs.compute.WatchServer(
        compute_pb2.WatchServerRequest(location=DEVCLOUD, name_or_id=created["id"]), timeout=30))
    assert [s.status for s in snapshots] == [S.SERVER_STATUS_ACTIVE]
    # From the shared poller, with the floating IP (from Neutron if Nova does not list it yet).
    assert snapshots[0].public_v4 == created["snapshots"][-1].public_v4
    # By name, anywhere (the name is resolved over every cloud and region first).
    with http.stream("GET", f"/v1/servers/{created['name']}:watch") as reply:
        lines = [json.loads(line) for line in reply.iter_lines() if line]
    assert [(line["result"]["id"], line["result"]["status"]) for line in lines] == [(created["id"], ACTIVE)]


def test_watch_ends_with_deadline_exceeded_over_both_protocols(created, stubs, http):
    request = compute_pb2.WatchServerRequest(location=DEVCLOUD, name_or_id=created["id"],
                                             until=[S.SERVER_STATUS_SHUTOFF])
    # Watching by id, the first snapshot comes with the shared poller's next list (within
    # one 2 s interval): the deadline leaves room for it.
    seen = []
    with pytest.raises(grpc.RpcError) as caught:
        for snapshot in stubs.compute.WatchServer(request, timeout=8):
            seen.append(snapshot)
    assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    # ACTIVE throughout (another snapshot only if its addresses changed meanwhile).
    assert seen and {s.status for s in seen} == {S.SERVER_STATUS_ACTIVE}
    with http.stream("GET", f"{REGION_PATH}/servers/{created['id']}:watch",
                     params={"until": "SERVER_STATUS_SHUTOFF"}, headers={"Grpc-Timeout": "8S"}) as reply:
        lines = [json.loads(line) for line in reply.iter_lines() if line]
    assert lines[0]["result"]["status"] == ACTIVE
    assert lines[-1]["error"]["code"] == grpc.StatusCode.DEADLINE_EXCEEDED.value[0]


def test_detach_and_attach_the_floating_ip(created, stubs, http):
    address = created["snapshots"][-1].public_v4
    private = created["snapshots"][-1].private_v4
    detached = stubs.network.DetachFloatingIp(network_pb2.DetachFloatingIpRequest(
        location=DEVCLOUD, name_or_id=address))
    assert not detached.is_attached and detached.floating_ip_address == address
    # Detaching again changes nothing.
    again = http.post(f"{REGION_PATH}/floatingIps/{address}:detach", json={})
    assert again.status_code == 200, again.text
    assert again.json()["isAttached"] is False
    reply = http.post(f"{REGION_PATH}/floatingIps/{address}:attach", json={"server": created["name"]})
    assert reply.status_code == 200, reply.text
    assert reply.json()["isAttached"] is True and reply.json()["fixedIpAddress"] == private
    reply = http.post(f"{REGION_PATH}/floatingIps/{address}:detach", json={})
    assert reply.json()["isAttached"] is False
    attached = stubs.network.AttachFloatingIp(network_pb2.AttachFloatingIpRequest(
        location=DEVCLOUD, name_or_id=detached.id, server=created["id"]))
    assert attached.is_attached and attached.fixed_ip_address == private
    server = stubs.compute.GetServer(compute_pb2.GetServerRequest(location=DEVCLOUD, name_or_id=created["id"]))
    assert server.public_v4 == address


def test_errors_are_client_errors(stubs, http):
    bad_image = compute_pb2.CreateServerRequest(location=DEVCLOUD, name="oaktree-test-never",
                                                image="no-such-image", flavor="m1.tiny", networks=["private"])
    with pytest.raises(grpc.RpcError) as caught:
        stubs.compute.CreateServer(bad_image, timeout=60)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert "no-such-image" in caught.value.details()
    two_regions = compute_pb2.CreateServerRequest(location=location_pb2.Location(cloud="devcloud"),
                                                  name="x", image="cirros-tiny", flavor="m1.tiny")
    with pytest.raises(grpc.RpcError) as caught:
        stubs.compute.CreateServer(two_regions, timeout=60)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "RegionOne" in caught.value.details() and "RegionTwo" in caught.value.details()
    reply = http.post(f"{REGION_PATH}/servers", json={"name": "x", "image": "cirros-tiny"})
    assert reply.status_code == 400 and "flavor" in reply.json()["message"]
    missing = str(uuid.uuid4())
    reply = http.get(f"{REGION_PATH}/servers/{missing}:watch")
    assert reply.status_code == 404, reply.text
    reply = http.delete(f"{REGION_PATH}/servers/oaktree-test-no-such-server")
    assert reply.status_code == 404, reply.text


def test_delete_with_ips_watched_to_deleted(created, stubs, http, demo):
    """Last test of the module: the shared server goes."""
    address = created["snapshots"][-1].public_v4
    watch = stubs.compute.WatchServer(compute_pb2.WatchServerRequest(
        location=DEVCLOUD, name_or_id=created["id"], until=[S.SERVER_STATUS_DELETED]), timeout=150)
    assert next(watch).status == S.SERVER_STATUS_ACTIVE
    reply = http.delete(f"{REGION_PATH}/servers/{created['name']}", params={"deleteIps": "true"})
    assert reply.status_code == 204, reply.text
    rest = list(watch)
    assert rest[-1].status == S.SERVER_STATUS_DELETED and rest[-1].id == created["id"]
    assert not [ip for ip in demo.network.ips(floating_ip_address=address)]
    # Nova may still list it for a moment, as DELETED; never as anything else.
    try:
        after = stubs.compute.GetServer(compute_pb2.GetServerRequest(location=DEVCLOUD, name_or_id=created["id"]))
        assert after.status == S.SERVER_STATUS_DELETED
    except grpc.RpcError as error:
        assert error.code() == grpc.StatusCode.NOT_FOUND


@pytest.fixture
def huge_flavor(clouds_yaml):
    """A flavor within quota whose 10 PB disk no host has (made with the admin account): the
    scheduler puts a server of it in ERROR with a fault message — a real ERROR from the
    local cloud."""
    admin = openstack.connect(cloud="devcloud-admin", region_name="RegionOne")
    flavor = admin.compute.create_flavor(name=f"oaktree-test-huge-{uuid.uuid4().hex[:8]}",
                                         ram=64, vcpus=1, disk=10_000_000, is_public=True)
    yield flavor
    admin.compute.delete_flavor(flavor, ignore_missing=True)
    admin.close()


def test_a_server_in_error_ends_creates_and_watches_with_its_fault(huge_flavor, stubs, server, demo):
    """Four servers that go to ERROR (no host fits the flavor): CreateServerAndWait over
    both protocols, CreateServer over both protocols then watched over the other one."""
    prefix = f"oaktree-test-err-{uuid.uuid4().hex[:8]}"
    base = dict(image="cirros-tiny", flavor=huge_flavor.name, networks=["private"])

    def grpc_create_and_wait():
        seen = []
        request = compute_pb2.CreateServerRequest(location=DEVCLOUD, name=f"{prefix}-a", **base)
        with pytest.raises(grpc.RpcError) as caught:
            for snapshot in stubs.compute.CreateServerAndWait(request, timeout=180):
                seen.append(snapshot)
        return [S.Name(s.status) for s in seen], seen[-1].fault_message, caught.value.code(), caught.value.details()

    def rest_create_and_wait():
        with httpx.Client(base_url=server.base_url, timeout=180) as client, client.stream(
                "POST", f"{REGION_PATH}/servers:createAndWait", json={"name": f"{prefix}-b", **base}) as reply:
            assert reply.status_code == 200
            lines = [json.loads(line) for line in reply.iter_lines() if line]
        seen = [line["result"] for line in lines[:-1]]
        error = lines[-1]["error"]
        return [s["status"] for s in seen], seen[-1]["faultMessage"], error["code"], error["message"]

    def grpc_create_rest_watch():
        created = stubs.compute.CreateServer(compute_pb2.CreateServerRequest(
            location=DEVCLOUD, name=f"{prefix}-c", **base), timeout=60)
        assert created.status == S.SERVER_STATUS_BUILD
        results = []
        rest_stream(server.base_url, f"{REGION_PATH}/servers/{created.id}:watch", True, results)
        seen, error = results[:-1], results[-1]["error"]
        return [s["status"] for s in seen], seen[-1]["faultMessage"], error["code"], error["message"]

    def rest_create_grpc_watch():
        with httpx.Client(base_url=server.base_url, timeout=60) as client:
            reply = client.post(f"{REGION_PATH}/servers", json={"name": f"{prefix}-d", **base})
        assert reply.status_code == 201, reply.text
        assert reply.json()["status"] == S.Name(S.SERVER_STATUS_BUILD)
        seen = []
        with pytest.raises(grpc.RpcError) as caught:
            for snapshot in stubs.compute.WatchServer(compute_pb2.WatchServerRequest(
                    location=DEVCLOUD, name_or_id=reply.json()["id"]), timeout=180):
                seen.append(snapshot)
        return [S.Name(s.status) for s in seen], seen[-1].fault_message, caught.value.code(), caught.value.details()

    try:
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            futures = [pool.submit(f) for f in (grpc_create_and_wait, rest_create_and_wait,
                                                 grpc_create_rest_watch, rest_create_grpc_watch)]
            outcomes = [f.result(timeout=240) for f in futures]
        error_name = S.Name(S.SERVER_STATUS_ERROR)
        for statuses, fault, code, message in outcomes:
            assert statuses[-1] == error_name and set(statuses[:-1]) <= {S.Name(S.SERVER_STATUS_BUILD)}
            assert "No valid host" in fault
            assert code in (grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.FAILED_PRECONDITION.value[0])
            assert "went to ERROR" in message and "No valid host" in message
        # Deleting them over gRPC (the ERROR ones have no floating IP to take along).
        for server_ in demo.compute.servers(name=f"^{prefix}-"):
            stubs.compute.DeleteServer(compute_pb2.DeleteServerRequest(
                location=DEVCLOUD, name_or_id=server_.id, delete_ips=True), timeout=60)
    finally:
        for server_ in demo.compute.servers(name=f"^{prefix}-"):
            cleanup_server(demo, server_.id)


def test_create_and_wait_over_rest_with_an_ip_pool(server, stubs, demo):
    """The other protocol and shade's ip_pool path: a floating IP taken from `public`."""
    name = f"oaktree-test-pool-{uuid.uuid4().hex[:8]}"
    body = {"name": name, "image": "cirros-tiny", "flavor": "m1.tiny", "networks": ["private"],
            "ipPool": "public", "reuseIps": False}  # (shared project: see `created`)
    try:
        with httpx.Client(base_url=server.base_url, timeout=240) as client, client.stream(
                "POST", f"{REGION_PATH}/servers:createAndWait", json=body,
                headers={"Accept": "application/x-ndjson"}) as reply:
            assert reply.status_code == 200
            assert reply.headers["content-type"].startswith("application/x-ndjson")
            lines = [json.loads(line) for line in reply.iter_lines() if line]
        assert all("result" in line for line in lines), lines[-1]
        first, last = lines[0]["result"], lines[-1]["result"]
        assert first["status"] == S.Name(S.SERVER_STATUS_BUILD) and last["status"] == ACTIVE
        ips = [ip for port in demo.network.ports(device_id=last["id"]) for ip in demo.network.ips(port_id=port.id)]
        assert [ip.floating_ip_address for ip in ips] == [last["publicV4"]]
        assert ips[0].floating_network_id == demo.network.find_network("public").id
        stubs.compute.DeleteServer(compute_pb2.DeleteServerRequest(
            location=DEVCLOUD, name_or_id=last["id"], delete_ips=True), timeout=60)
        assert not list(demo.network.ips(floating_ip_address=last["publicV4"]))
    finally:
        for server_ in demo.compute.servers(name=f"^{name}$"):
            cleanup_server(demo, server_.id)
