"""The same unary RPC over native gRPC, over the REST gateway, and a bare FastAPI echo.

    .venv/bin/python bench/gateway_bench.py [--seconds 3] [--connections 16]

Each server runs alone in its own process (one event loop, so about one core) and is
measured in turn: REST and the echo with `wrk` (apt-get install wrk) over HTTP/1.1
keep-alive, gRPC with grpc.aio client process(es) running the same total number of
concurrent calls. Prints p50/p99 latency, req/s and the ratios REST/gRPC and REST/echo.
Not a test: numbers depend on the machine; compare ratios from the same run.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
for extra in (ROOT, ROOT / "tests" / "gen", ROOT / "tests" / "gateway"):
    sys.path.insert(0, str(extra))

BOOK = "shelves/s1/books/b1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- servers (each in its own process) ---------------------------------------------------

def serve_rest(port: int) -> None:
    import uvicorn
    from gw_servicer import TranscodingServicer
    from gateway import Gateway

    gw = Gateway({"gwtest.v1.Transcoding": TranscodingServicer()})
    uvicorn.run(gw.app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def serve_echo(port: int) -> None:
    import uvicorn
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/v1/shelves/{shelf}/books/{book}")
    async def get_book(shelf: str, book: str):
        name = f"shelves/{shelf}/books/{book}"
        return {"name": name, "title": "Title of " + name, "pages": "12"}

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def serve_grpc(port: int) -> None:
    import grpc
    from gw_servicer import TranscodingServicer
    from gateway import Gateway

    async def main() -> None:
        gw = Gateway({"gwtest.v1.Transcoding": TranscodingServicer()})
        server = grpc.aio.server()
        gw.add_to_grpc_server(server)
        server.add_insecure_port(f"127.0.0.1:{port}")
        await server.start()
        await server.wait_for_termination()

    asyncio.run(main())


# ---- load ----------------------------------------------------------------------------------

def grpc_load(port: int, seconds: float, connections: int) -> dict:
    import grpc
    from gwtest.v1 import transcoding_pb2 as pb, transcoding_pb2_grpc

    async def main() -> dict:
        latencies: list[float] = []
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = transcoding_pb2_grpc.TranscodingStub(channel)
            request = pb.GetBookRequest(name=BOOK)
            await stub.GetBook(request)  # warm up
            stop = time.perf_counter() + seconds

            async def worker() -> None:
                while time.perf_counter() < stop:
                    t0 = time.perf_counter()
                    await stub.GetBook(request)
                    latencies.append(time.perf_counter() - t0)

            start = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(connections)))
            elapsed = time.perf_counter() - start
        return {"rps": len(latencies) / elapsed, "latencies": [x * 1e3 for x in latencies]}

    return asyncio.run(main())


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def wrk_load(url: str, seconds: float, connections: int) -> dict:
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    def latency(pct: str) -> float:
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        return float(m.group(1)) * _UNITS[m.group(2)]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    if "Non-2xx" in out:
        raise SystemExit(f"wrk saw errors for {url}:\n{out}")
    return {"rps": rps, "p50_ms": latency("50"), "p99_ms": latency("99")}


def start(mode: str, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, __file__, "--serve", mode, "--port", str(port)])
    deadline = time.time() + 20
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        time.sleep(0.05)
    proc.kill()
    raise SystemExit(f"{mode} server did not start")


def measure(mode: str, seconds: float, connections: int, grpc_clients: int) -> dict:
    port = free_port()
    proc = start(mode, port)
    try:
        if mode == "grpc":
            # The Python client is slower than wrk; --grpc-clients spreads the load over
            # several client processes (useful on machines with cores to spare).
            clients = [subprocess.Popen([sys.executable, __file__, "--grpc-client", "--port", str(port),
                                         "--seconds", str(seconds),
                                         "--connections", str(max(1, connections // grpc_clients))],
                                        stdout=subprocess.PIPE, text=True) for _ in range(grpc_clients)]
            parts = [json.loads(c.communicate()[0]) for c in clients]
            merged = sorted(x for p in parts for x in p.pop("latencies"))
            return {"rps": sum(p["rps"] for p in parts), "p50_ms": merged[len(merged) // 2],
                    "p99_ms": merged[int(len(merged) * 0.99)]}
        url = f"http://127.0.0.1:{port}/v1/{BOOK}"
        subprocess.run(["wrk", "-t1", "-c2", "-d1s", url], capture_output=True, check=True)  # warm up
        return wrk_load(url, seconds, connections)
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--grpc-clients", type=int, default=1, help="gRPC load generator processes")
    parser.add_argument("--serve", choices=["rest", "grpc", "echo"], help=argparse.SUPPRESS)
    parser.add_argument("--grpc-client", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        {"rest": serve_rest, "grpc": serve_grpc, "echo": serve_echo}[args.serve](args.port)
        return
    if args.grpc_client:
        print(json.dumps(grpc_load(args.port, args.seconds, args.connections)))
        return
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: apt-get install -y wrk")
    results = {mode: measure(mode, args.seconds, args.connections, args.grpc_clients) for mode in ("grpc", "rest", "echo")}
    print(f"GetBook, {args.connections} concurrent, {args.seconds:g}s each, one server process each "
          f"(cpus: {os.cpu_count()})")
    print(f"{'':8}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
    for mode, r in results.items():
        print(f"{mode:8}{r['rps']:>10.0f}{r['p50_ms']:>10.2f}{r['p99_ms']:>10.2f}")
    rest, grpc_, echo = results["rest"], results["grpc"], results["echo"]
    print(f"REST/gRPC: throughput {rest['rps'] / grpc_['rps']:.2f}x, p50 {rest['p50_ms'] / grpc_['p50_ms']:.2f}x")
    print(f"REST/echo: throughput {rest['rps'] / echo['rps']:.2f}x, p50 {rest['p50_ms'] / echo['p50_ms']:.2f}x")


if __name__ == "__main__":
    main()
