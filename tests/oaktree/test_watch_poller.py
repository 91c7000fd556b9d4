"""One poller per (identity, cloud region): many concurrent watchers, one server list per
interval. Counted at the transport: a counting requests adapter mounted on the
keystoneauth session of the connection oaktree itself uses (oaktree runs in this process
for that), so every HTTP request to the cloud is seen, not just the poller's own count.
"""
from __future__ import annotations

import concurrent.futures
import time
import uuid

import grpc
import pytest
from inprocess import InProcessOaktree

from oaktree.v1 import compute_pb2, compute_pb2_grpc, location_pb2

S = compute_pb2.ServerStatus
WATCHERS = 30
INTERVAL = 0.5


@pytest.fixture(scope="module")
def quiet_server(clouds_yaml, demo):
    """An ACTIVE server made with openstacksdk (never through oaktree)."""
    server = demo.compute.create_server(
        name=f"oaktree-test-watch-{uuid.uuid4().hex[:8]}", image_id=demo.image.find_image("cirros-tiny").id,
        flavor_id=demo.compute.find_flavor("m1.tiny").id,
        networks=[{"uuid": demo.network.find_network("private").id}])
    try:
        demo.compute.wait_for_server(server, wait=180)
        yield server
    finally:
        demo.compute.delete_server(server, ignore_missing=True)
        demo.compute.wait_for_delete(server, wait=120)


def watch(stub, server_id: str, seconds: float) -> tuple[list, grpc.StatusCode]:
    request = compute_pb2.WatchServerRequest(
        location=location_pb2.Location(cloud="devcloud", region="RegionOne"), name_or_id=server_id,
        until=[S.SERVER_STATUS_DELETED])  # stays open on an ACTIVE server until the deadline
    seen = []
    try:
        for snapshot in stub.WatchServer(request, timeout=seconds):
            seen.append(snapshot.status)
    except grpc.RpcError as error:
        return seen, error.code()
    return seen, grpc.StatusCode.OK


def test_concurrent_watchers_share_one_poller(quiet_server):
    with InProcessOaktree(clouds=["devcloud"], watch_interval=INTERVAL) as oaktree, \
            grpc.insecure_channel(oaktree.grpc_target) as channel:
        adapter = oaktree.count_requests("devcloud", "RegionOne")
        stub = compute_pb2_grpc.ComputeServiceStub(channel)
        with concurrent.futures.ThreadPoolExecutor(WATCHERS) as pool:
            futures = [pool.submit(watch, stub, quiet_server.id, 6.0) for _ in range(WATCHERS)]
            pollers_seen = set()
            while not all(f.done() for f in futures):
                pollers_seen.add(oaktree.call(oaktree.hub.pollers))
                time.sleep(0.05)
            outcomes = [f.result() for f in futures]

        # Every watcher saw the ACTIVE server, then its own deadline.
        assert outcomes == [([S.SERVER_STATUS_ACTIVE], grpc.StatusCode.DEADLINE_EXCEEDED)] * WATCHERS
        lists = adapter.count("GET", "/servers/detail")
        polls = sum(oaktree.call(lambda: dict(oaktree.hub.polls)).values())
        # Each poll is exactly one list call at the transport, and nothing else listed servers.
        assert lists == polls
        # One poller for the location, whatever the number of watchers...
        assert pollers_seen <= {0, 1}
        # ...so the lists made are a handful of intervals' worth, not one per watcher per interval.
        assert 1 <= lists < WATCHERS
        # Watching by id costs no per-watcher request: the only compute calls were the lists.
        server_calls = sum(n for (method, path), n in adapter.counts.items() if "/servers" in path)
        assert server_calls == lists
        # The server has no floating IP: each poll may ask Neutron once for the project's
        # floating IPs (to see one appear), never once per watcher.
        assert adapter.count("GET", "/floatingips") <= lists

        # The last watcher gone, the poller stops: no more list calls.
        deadline = time.monotonic() + 10
        while oaktree.call(oaktree.hub.pollers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert oaktree.call(oaktree.hub.pollers) == 0
        settled = adapter.count("GET", "/servers/detail")
        time.sleep(3 * INTERVAL)
        assert adapter.count("GET", "/servers/detail") == settled


def test_watching_an_unknown_id_is_not_found(clouds_yaml):
    """An id the shared list does not have: NOT_FOUND after the first poll (a server deleted
    while watched takes the same path; test_servers.py watches one to DELETED)."""
    with InProcessOaktree(clouds=["devcloud"], watch_interval=INTERVAL) as oaktree, \
            grpc.insecure_channel(oaktree.grpc_target) as channel:
        stub = compute_pb2_grpc.ComputeServiceStub(channel)
        request = compute_pb2.WatchServerRequest(
            location=location_pb2.Location(cloud="devcloud", region="RegionOne"),
            name_or_id=str(uuid.uuid4()))
        with pytest.raises(grpc.RpcError) as caught:
            list(stub.WatchServer(request, timeout=30))
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
