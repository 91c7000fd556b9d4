"""The list cache against the real local cloud: how much faster a cached List is than the
cloud itself, and what 100 concurrent cold identical Lists cost.

    eval "$(tools/devcloud/devcloud env)"
    .venv/bin/python bench/cache_bench.py [--calls 200] [--rounds 5] [--concurrency 100]

Measures, in one run (ratios against baselines from the same run):
1. direct: openstacksdk `list_images()` against Glance (what oaktree does per backend call),
   p50 of sequential calls on a warm connection: the cost of one backend call;
2. cached: ListImages (devcloud/RegionOne) through `oaktree serve` (memory cache, warm), over
   gRPC and over REST, p50 of sequential calls; ratio direct / cached;
3. cold: a second `oaktree serve` whose image TTL is 1 s with no stale window, so after a
   pause of a little over a second the cache holds nothing usable; per round `--concurrency`
   identical ListImages at once over gRPC; backend calls per round (from /metrics) and p50
   latency vs one uncached call alone through the same server (`cache-control: no-cache`)
   and vs the direct call.
Not a test: numbers depend on the (shared) machine.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import pathlib
import re
import statistics
import sys
import tempfile
import time
import warnings

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "oaktree"))

import grpc  # noqa: E402
import httpx  # noqa: E402
import openstack  # noqa: E402
import yaml  # noqa: E402

from oaktree.v1 import clouds_pb2, clouds_pb2_grpc, image_pb2, image_pb2_grpc  # noqa: E402
from oaktree_server import start_server, stop_server  # noqa: E402

REQUEST = image_pb2.ListImagesRequest(location={"cloud": "devcloud", "region": "RegionOne"})
REST_PATH = "/v1/clouds/devcloud/regions/RegionOne/images"
BACKEND = re.compile(r'^oaktree_backend_calls_total\{cloud="devcloud",service="image"\} (\S+)$', re.M)


def p50(samples: list[float]) -> float:
    return statistics.median(samples)


def timed(fn, calls: int) -> list[float]:
    out = []
    for _ in range(calls):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def backend_calls(server) -> float:
    found = BACKEND.search(httpx.get(server.base_url + "/metrics").text)
    return float(found.group(1)) if found else 0.0


async def burst(server, concurrency: int) -> list[float]:
    async with grpc.aio.insecure_channel(server.grpc_target) as channel:
        stub = image_pb2_grpc.ImageServiceStub(channel)
        clouds = clouds_pb2_grpc.CloudsServiceStub(channel)
        await clouds.ListClouds(clouds_pb2.ListCloudsRequest(), timeout=60)  # dial first, no cloud call

        async def one() -> float:
            started = time.perf_counter()
            await stub.ListImages(REQUEST, timeout=60)
            return time.perf_counter() - started

        return list(await asyncio.gather(*(one() for _ in range(concurrency))))


async def hits_in_process(clouds: pathlib.Path, calls: int) -> list[float]:
    from oaktree.clouds import CloudRegistry
    from oaktree.core import Core
    from oaktree.identity import SERVER
    from oaktree.services.image import IMAGES

    core = Core.create(CloudRegistry.load([str(clouds)], ["devcloud"]))
    try:
        await core.resources.fetch(IMAGES, SERVER, REQUEST.location, 60)
        out = []
        for _ in range(calls):
            started = time.perf_counter()
            await core.resources.fetch(IMAGES, SERVER, REQUEST.location, 60)
            out.append(time.perf_counter() - started)
        return out
    finally:
        await core.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200, help="sequential calls per cached measurement")
    parser.add_argument("--direct-calls", type=int, default=30, help="sequential direct sdk calls")
    parser.add_argument("--rounds", type=int, default=5, help="cold concurrent rounds")
    parser.add_argument("--concurrency", type=int, default=100)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    clouds = os.environ.get("OS_CLIENT_CONFIG_FILE")
    if not clouds:
        sys.exit("no local cloud: eval \"$(tools/devcloud/devcloud env)\" first")
    clouds = pathlib.Path(clouds)
    folder = pathlib.Path(tempfile.mkdtemp(prefix="cache-bench-"))

    # 1. the cloud itself
    sdk = openstack.connect(cloud="devcloud", region_name="RegionOne")
    sdk.list_images()
    direct = timed(sdk.list_images, args.direct_calls)

    # 1b. the cache itself, in-process: what a hit costs without any RPC stack
    in_process = asyncio.run(hits_in_process(clouds, args.calls))

    # 2. cached, warm
    cached = start_server(clouds, folder / "cached.log", "--cloud", "devcloud")
    try:
        with grpc.insecure_channel(cached.grpc_target) as channel, \
                httpx.Client(base_url=cached.base_url, timeout=60) as http:
            stub = image_pb2_grpc.ImageServiceStub(channel)
            stub.ListImages(REQUEST, timeout=60)
            http.get(REST_PATH).raise_for_status()
            over_grpc = timed(lambda: stub.ListImages(REQUEST, timeout=60), args.calls)
            over_rest = timed(lambda: http.get(REST_PATH).raise_for_status(), args.calls)
            cached_backend = backend_calls(cached)
    finally:
        stop_server(cached)

    # 3. cold, concurrent
    config = folder / "oaktree.yaml"
    config.write_text(yaml.safe_dump({"cache": {"ttl": {"image": 1}, "stale_factor": 0}}))
    cold = start_server(clouds, folder / "cold.log", "--cloud", "devcloud", "--config", str(config))
    try:
        with grpc.insecure_channel(cold.grpc_target) as channel:
            stub = image_pb2_grpc.ImageServiceStub(channel)
            stub.ListImages(REQUEST, timeout=60)  # authenticate, discover versions
            no_cache = (("cache-control", "no-cache"),)
            alone = timed(lambda: stub.ListImages(REQUEST, timeout=60, metadata=no_cache),
                          args.direct_calls)
        per_round, latencies, warm = [], [], []
        for _ in range(args.rounds):
            time.sleep(1.2)  # past the TTL: nothing usable cached
            before = backend_calls(cold)
            latencies += asyncio.run(burst(cold, args.concurrency))
            per_round.append(backend_calls(cold) - before)
            warm += asyncio.run(burst(cold, args.concurrency))  # same burst, list now cached
    finally:
        stop_server(cold)

    ms = lambda seconds: f"{seconds * 1000:.2f} ms"  # noqa: E731
    print(f"direct openstacksdk list_images()      p50 {ms(p50(direct))}  ({args.direct_calls} calls)")
    print(f"cached list in-process (no RPC stack)  p50 {ms(p50(in_process))}  ({args.calls} calls)"
          f"  -> {p50(direct) / p50(in_process):.0f}x faster than direct")
    print(f"cached ListImages over gRPC            p50 {ms(p50(over_grpc))}  ({args.calls} calls)"
          f"  -> {p50(direct) / p50(over_grpc):.0f}x faster than direct")
    print(f"cached ListImages over REST            p50 {ms(p50(over_rest))}  ({args.calls} calls)"
          f"  -> {p50(direct) / p50(over_rest):.0f}x faster than direct")
    print(f"  backend calls for all cached calls: {cached_backend:.0f} (the warm-up)")
    print(f"one uncached ListImages alone          p50 {ms(p50(alone))}")
    print(f"{args.concurrency} concurrent cold ListImages x {args.rounds} rounds: backend calls per round "
          f"{[int(n) for n in per_round]}; p50 {ms(p50(latencies))}, p99 "
          f"{ms(sorted(latencies)[int(len(latencies) * 0.99) - 1])}")
    print(f"  p50 / one cold call alone: {p50(latencies) / p50(alone):.2f}x;"
          f"  p50 / direct sdk call: {p50(latencies) / p50(direct):.2f}x")
    print(f"the same bursts warm (all hits): p50 {ms(p50(warm))}; cold - warm = "
          f"{ms(p50(latencies) - p50(warm))} = {(p50(latencies) - p50(warm)) / p50(alone):.2f}x one "
          f"uncached call (what coalescing costs on top of serving {args.concurrency} RPCs at once)")


if __name__ == "__main__":
    main()
