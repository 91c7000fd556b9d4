"""Start and stop a real `oaktree serve` process for tests."""
from __future__ import annotations

import contextlib
import dataclasses
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc



def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclasses.dataclass
class RunningServer:
    process: subprocess.Popen
    grpc_port: int
    http_port: int
    log_path: pathlib.Path
    grpc_credentials: grpc.ChannelCredentials | None = None  # TLS servers: how to reach them

    def channel(self) -> grpc.Channel:
        if self.grpc_credentials is None:
            return grpc.insecure_channel(self.grpc_target)
        return grpc.secure_channel(self.grpc_target, self.grpc_credentials)

    @property
    def grpc_target(self) -> str:
        return f"127.0.0.1:{self.grpc_port}"

    @property
    def base_url(self) -> str:
        return f"{'https' if self.grpc_credentials else 'http'}://127.0.0.1:{self.http_port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def start_server(clouds_yaml: pathlib.Path, log_path: pathlib.Path, *extra: str,
                 env: dict | None = None,
                 grpc_credentials: grpc.ChannelCredentials | None = None) -> RunningServer:
    grpc_port, http_port = free_port(), free_port()
    environment = {**os.environ, "OS_CLIENT_CONFIG_FILE": str(clouds_yaml), **(env or {})}
    log_file = open(log_path, "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "oaktree", "serve", "--grpc-port", str(grpc_port),
         "--http-port", str(http_port), "--grace", "5", *extra],
        stdout=log_file, stderr=subprocess.STDOUT, env=environment)
    server = RunningServer(process, grpc_port, http_port, log_path, grpc_credentials)
    wait_serving(server)
    return server


def wait_serving(server: RunningServer, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    with server.channel() as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError(f"oaktree exited ({server.process.returncode}):\n{server.log()}")
            with contextlib.suppress(grpc.RpcError):
                reply = health.Check(health_pb2.HealthCheckRequest(), timeout=1)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            time.sleep(0.2)
    raise RuntimeError(f"oaktree did not become healthy in {timeout}s:\n{server.log()}")


def stop_server(server: RunningServer) -> int:
    server.process.send_signal(signal.SIGTERM)
    try:
        return server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        raise
