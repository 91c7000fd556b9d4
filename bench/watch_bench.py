"""50 concurrent watchers of one cloud region: how many server lists reach the cloud per
poll interval (target: 1), against naive client-side polling measured in the same run.

    eval "$(tools/devcloud/devcloud env)"
    .venv/bin/python bench/watch_bench.py [--watchers 50] [--seconds 10] [--interval 1]

* oaktree: oaktree runs in this process (so a counting transport adapter can be mounted on
  the keystoneauth session of the very connection it uses); `--watchers` grpc.aio clients
  call WatchServer on one ACTIVE server (`until: DELETED`, so they stay open) for
  `--seconds`. Every HTTP request oaktree sends to the cloud is counted.
* naive baseline: the same number of clients each polling the server themselves, as
  openstacksdk's wait_for_server does: one GET per client per interval, so `--watchers`
  GETs per interval. One such round (every client's GET, concurrently) is run and counted
  the same way, to show what it costs the cloud (kept to one round: it loads a shared
  cloud's nova-api).

The server is created with openstacksdk (image cirros-tiny, flavor m1.tiny, network
private) and deleted at the end. Not a test: prints numbers and their ratio.
"""
from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import pathlib
import sys
import threading
import time
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
for extra in (ROOT, ROOT / "tests" / "oaktree"):
    sys.path.insert(0, str(extra))

import grpc  # noqa: E402
import openstack  # noqa: E402
from inprocess import CountingAdapter, InProcessOaktree  # noqa: E402

from oaktree.v1 import compute_pb2, compute_pb2_grpc, location_pb2  # noqa: E402

CLOUD, REGION = "devcloud", "RegionOne"


async def oaktree_watchers(target: str, server_id: str, watchers: int, seconds: float) -> list:
    request = compute_pb2.WatchServerRequest(
        location=location_pb2.Location(cloud=CLOUD, region=REGION), name_or_id=server_id,
        until=[compute_pb2.ServerStatus.SERVER_STATUS_DELETED])

    async def one(stub) -> tuple[int, str]:
        seen = 0
        try:
            async for _ in stub.WatchServer(request, timeout=seconds):
                seen += 1
        except grpc.aio.AioRpcError as error:
            return seen, error.code().name
        return seen, "OK"

    async with grpc.aio.insecure_channel(target) as channel:
        stub = compute_pb2_grpc.ComputeServiceStub(channel)
        return await asyncio.gather(*(one(stub) for _ in range(watchers)))


def naive_round(connection, server_id: str, watchers: int) -> None:
    """One interval of naive polling: every client GETs the server once, concurrently."""
    with concurrent.futures.ThreadPoolExecutor(watchers) as pool:
        for future in [pool.submit(connection.compute.get_server, server_id) for _ in range(watchers)]:
            future.result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--watchers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="how long the oaktree watchers stay")
    parser.add_argument("--interval", type=float, default=1.0, help="poll interval (oaktree and naive)")
    args = parser.parse_args()

    sdk = openstack.connect(cloud=CLOUD, region_name=REGION)
    print(f"creating a server on {CLOUD}/{REGION} ...", flush=True)
    server = sdk.compute.create_server(
        name=f"oaktree-bench-watch-{uuid.uuid4().hex[:8]}", image_id=sdk.image.find_image("cirros-tiny").id,
        flavor_id=sdk.compute.find_flavor("m1.tiny").id,
        networks=[{"uuid": sdk.network.find_network("private").id}])
    try:
        sdk.compute.wait_for_server(server, wait=300)

        with InProcessOaktree(clouds=[CLOUD], watch_interval=args.interval) as oaktree:
            adapter = oaktree.count_requests(CLOUD, REGION)
            pollers_seen: set[int] = set()
            done = threading.Event()

            def sample() -> None:
                while not done.is_set():
                    pollers_seen.add(oaktree.call(oaktree.hub.pollers))
                    time.sleep(0.1)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            started = time.monotonic()
            outcomes = asyncio.run(oaktree_watchers(oaktree.grpc_target, server.id, args.watchers, args.seconds))
            elapsed = time.monotonic() - started
            done.set()
            sampler.join()
            lists = adapter.count("GET", "/servers/detail")
            fip_lists = adapter.count("GET", "/floatingips")
            others = sum(adapter.counts.values()) - lists - fip_lists

        baseline_connection = openstack.connect(cloud=CLOUD, region_name=REGION)
        baseline = CountingAdapter()
        baseline_connection.compute.get_server(server.id)  # authenticate before counting
        baseline_connection.session.session.mount("http://", baseline)
        started = time.monotonic()
        naive_round(baseline_connection, server.id, args.watchers)
        naive_elapsed = time.monotonic() - started
        naive_calls = baseline.count("GET", f"/servers/{server.id}")
        baseline_connection.close()
    finally:
        sdk.compute.delete_server(server, ignore_missing=True)
        sdk.compute.wait_for_delete(server, wait=120)
        sdk.close()

    intervals = elapsed / args.interval
    per_interval = lists / intervals
    ends = sorted({f"{code} (saw {seen})" for seen, code in outcomes})
    print(f"\nwatchers: {args.watchers} on one server, interval {args.interval}s, {elapsed:.1f}s "
          f"(~{intervals:.1f} intervals); streams ended: {', '.join(ends)}")
    print(f"pollers alive for the location (sampled): {sorted(pollers_seen)}")
    print(f"oaktree: {lists} server lists = {per_interval:.2f} per interval; {fip_lists} floating-IP lists "
          f"(Neutron, for an ACTIVE server Nova lists without a floating IP); "
          f"+{others} other requests (auth, discovery, network classification)")
    print(f"naive:   {args.watchers} GETs per interval (one per client); one measured round: "
          f"{naive_calls} GETs took {naive_elapsed:.1f}s of the cloud's time"
          f"{' (longer than the interval: the cloud cannot keep up with naive polling)' if naive_elapsed > args.interval else ''}")
    print(f"ratio oaktree/naive (server lists vs GETs): {per_interval / args.watchers:.3f} "
          f"({args.watchers / per_interval:.0f}x fewer backend calls per interval)")
    all_per_interval = (lists + fip_lists) / intervals
    print(f"counting the floating-IP lists too: {all_per_interval:.2f} per interval, ratio "
          f"{all_per_interval / args.watchers:.3f} (a naive openstacksdk get_server would add 2 Neutron "
          f"calls per client for such a server)")


if __name__ == "__main__":
    main()
