"""SIGTERM drains in-flight calls on both protocols, then the process exits cleanly.

The slow cloud here is a hand-written HTTP endpoint that holds every request for a while
before answering 503: a fault the real local cloud cannot be made to produce on demand.
"""
from __future__ import annotations

import http.server
import signal
import threading
import time

import grpc
import httpx
import pytest
import yaml
from oaktree_server import start_server

from oaktree.v1 import compute_pb2, compute_pb2_grpc

HOLD_SECONDS = 1.0  # keystoneauth makes two requests: 2 s in all, within the 5 s grace


class _SlowHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        time.sleep(HOLD_SECONDS)
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_cloud_server(tmp_path):
    slow = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SlowHandler)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    clouds = {"clouds": {"slow": {
        "auth": {"auth_url": f"http://127.0.0.1:{slow.server_address[1]}/v3", "username": "u",
                 "password": "p", "project_name": "p", "user_domain_name": "Default",
                 "project_domain_name": "Default"},
        "region_name": "RegionOne", "connect_retries": 0, "status_code_retries": 0}}}
    path = tmp_path / "clouds.yaml"
    path.write_text(yaml.safe_dump(clouds))
    server = start_server(path, tmp_path / "oaktree.log")
    yield server
    if server.process.poll() is None:
        server.process.kill()
    slow.shutdown()


def test_sigterm_lets_in_flight_calls_finish(slow_cloud_server):
    server = slow_cloud_server
    outcomes = {}

    def grpc_call():
        with grpc.insecure_channel(server.grpc_target) as channel:
            stub = compute_pb2_grpc.ComputeServiceStub(channel)
            outcomes["grpc"] = stub.ListFlavors(compute_pb2.ListFlavorsRequest(), timeout=30)

    def rest_call():
        outcomes["rest"] = httpx.get(f"{server.base_url}/v1/flavors", timeout=30)

    threads = [threading.Thread(target=grpc_call), threading.Thread(target=rest_call)]
    for thread in threads:
        thread.start()
    time.sleep(HOLD_SECONDS / 3)  # both calls are now waiting on the slow cloud
    server.process.send_signal(signal.SIGTERM)
    for thread in threads:
        thread.join(30)

    assert server.process.wait(30) == 0, server.log()
    # Both calls completed normally: the slow cloud is reported as a per-location error.
    assert [e.location.cloud for e in outcomes["grpc"].errors] == ["slow"]
    assert outcomes["rest"].status_code == 200
    assert outcomes["rest"].json()["errors"][0]["location"]["cloud"] == "slow"
    assert "draining" in server.log()
