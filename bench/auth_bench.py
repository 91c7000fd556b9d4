"""What shared mode costs per call: ListClouds (no cloud I/O, so only auth differs) over gRPC
and REST against three servers started in turn on the local cloud:

    personal                    no token at all (the baseline)
    shared, cached validation   --auth keystone, the token validated once and reused
    shared, validate every call --auth keystone --token-revalidate 0 (a Keystone round trip each)

    eval "$(tools/devcloud/devcloud env)"; .venv/bin/python bench/auth_bench.py [--calls 300]

Prints p50/p99 per call and the ratio to personal mode from the same run. Not a test.

Sample (2-core shared machine, 300 calls; ms):
    mode                            gRPC p50     p99  ratio    REST p50     p99  ratio
    personal                            0.56    0.95   1.00        0.46    0.82   1.00
    shared, cached validation           0.62    0.91   1.12        0.50    1.53   1.09
    shared, validate every call         4.80    8.86   8.65        4.85   10.46  10.59
"""
from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import sys
import tempfile
import time

import httpx
import openstack

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "oaktree"))

from oaktree_server import start_server, stop_server  # noqa: E402

from oaktree.v1 import clouds_pb2, clouds_pb2_grpc  # noqa: E402


def measure(calls: int, fn) -> tuple[float, float]:
    fn()  # warm: connection, first validation
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def run(label: str, clouds: pathlib.Path, extra: list[str], token: str | None, calls: int, log_dir: str):
    server = start_server(clouds, pathlib.Path(log_dir) / f"{label.replace(' ', '_')}.log", "--cloud", "devcloud",
                          "--log-level", "warning", *extra)
    metadata = [("authorization", f"Bearer {token}")] if token else []
    headers = dict(metadata)
    try:
        with server.channel() as channel, httpx.Client(base_url=server.base_url) as http:
            stub = clouds_pb2_grpc.CloudsServiceStub(channel)
            grpc_times = measure(calls, lambda: stub.ListClouds(clouds_pb2.ListCloudsRequest(),
                                                                metadata=metadata, timeout=30))
            rest_times = measure(calls, lambda: http.get("/v1/clouds", headers=headers).raise_for_status())
    finally:
        stop_server(server)
    return grpc_times, rest_times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    clouds = pathlib.Path(os.environ["OS_CLIENT_CONFIG_FILE"])
    connection = openstack.connect(cloud="devcloud", region_name="RegionOne")
    token = connection.session.get_token()
    with tempfile.TemporaryDirectory() as log_dir:
        results = {
            "personal": run("personal", clouds, [], None, args.calls, log_dir),
            "shared, cached validation": run("shared cached", clouds, ["--auth", "keystone"], token,
                                             args.calls, log_dir),
            "shared, validate every call": run("shared every", clouds, ["--auth", "keystone",
                                               "--token-revalidate", "0"], token, args.calls, log_dir),
        }
    base = results["personal"]
    print(f"ListClouds, {args.calls} sequential calls per row (ms; ratio = p50 / personal p50)")
    print(f"{'mode':30} {'gRPC p50':>9} {'p99':>7} {'ratio':>6}   {'REST p50':>9} {'p99':>7} {'ratio':>6}")
    for label, ((g50, g99), (r50, r99)) in results.items():
        print(f"{label:30} {g50:9.2f} {g99:7.2f} {g50 / base[0][0]:6.2f}   "
              f"{r50:9.2f} {r99:7.2f} {r50 / base[1][0]:6.2f}")
    connection.close()


if __name__ == "__main__":
    main()
