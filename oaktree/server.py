"""One process, one event loop: the grpc.aio server and the REST gateway (uvicorn) side by
side, calling the same servicer objects. SIGTERM/SIGINT drain in-flight calls on both."""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import signal
import socket

import grpc
import uvicorn
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from gateway import Gateway

from oaktree import auth, interceptors, rest
from oaktree.clouds import CloudRegistry
from oaktree.config import Config
from oaktree.core import Core
from oaktree.keystone import TokenValidator, keystones_of
from oaktree.services import registry as service_registry
from oaktree.tls import TlsFiles

log = logging.getLogger("oaktree")


@dataclasses.dataclass
class Settings:
    host: str = "127.0.0.1"
    grpc_port: int = 50051
    http_port: int = 8080
    config_files: list[str] = dataclasses.field(default_factory=list)
    clouds: list[str] = dataclasses.field(default_factory=list)
    max_workers: int = 16
    grace_seconds: float = 10.0
    watch_interval: float = 2.0
    config: Config = dataclasses.field(default_factory=Config)  # --config: cache, limits
    # "none": personal mode (act with clouds.yaml's credentials); "keystone": shared mode.
    auth: str = "none"
    token_revalidate_seconds: float = 30.0  # bound on how long a revoked token keeps working
    max_token_connections: int = 256
    tls_cert: str = ""
    tls_key: str = ""
    tls_client_ca: str = ""

    def tls(self) -> TlsFiles | None:
        if not (self.tls_cert or self.tls_key or self.tls_client_ca):
            return None
        if not (self.tls_cert and self.tls_key):
            raise ValueError("TLS needs both a certificate and a key (--tls-cert, --tls-key)")
        return TlsFiles(self.tls_cert, self.tls_key, self.tls_client_ca)


class _EmbeddedUvicorn(uvicorn.Server):
    """uvicorn without its own signal handling: the process owns SIGTERM/SIGINT."""

    def capture_signals(self):
        return contextlib.nullcontext()


class OaktreeServer:
    def __init__(self, settings: Settings, registry: CloudRegistry | None = None):
        self.settings = settings
        self.registry = registry or CloudRegistry.load(settings.config_files, settings.clouds)
        if settings.auth not in ("none", "keystone"):
            raise ValueError(f"unknown auth mode {settings.auth!r}: use none or keystone")
        self.tls = settings.tls()
        shared = settings.auth == "keystone"
        self.core = Core.create(self.registry, settings.max_workers, settings.config,
                                settings.watch_interval, shared=shared,
                                max_token_connections=settings.max_token_connections)
        chain = interceptors.default_chain()
        gateway_auth = {}
        self.validator: TokenValidator | None = None
        if shared:
            self.validator = TokenValidator(
                keystones_of(self.registry), self.core.blocking, settings.token_revalidate_seconds,
                on_forget=self.core.connections.drop)
            chain.append(auth.Authenticate(self.validator))
            gateway_auth = {"forward_headers": ("x-auth-token",), "www_authenticate": auth.CHALLENGE}
        # One interceptor chain, applied once: gRPC and REST call these same wrapped servicers.
        self.gateway = Gateway(servicers=service_registry.build(self.core), interceptors=chain,
                               **gateway_auth)
        self.health = health.aio.HealthServicer()
        self.grpc_server: grpc.aio.Server | None = None
        self.http_server: _EmbeddedUvicorn | None = None
        self.grpc_port = 0
        self.http_port = 0
        self._stopping = asyncio.Event()

    async def start(self) -> None:
        server = grpc.aio.server()
        self.gateway.add_to_grpc_server(server)
        health_pb2_grpc.add_HealthServicer_to_server(self.health, server)
        names = [*self.gateway.services, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
                 reflection.SERVICE_NAME]
        reflection.enable_server_reflection(names, server)
        address = f"{self.settings.host}:{self.settings.grpc_port}"
        try:
            self.grpc_port = (server.add_secure_port(address, self.tls.grpc_credentials()) if self.tls
                              else server.add_insecure_port(address))
        except RuntimeError:
            self.grpc_port = 0
        if not self.grpc_port:
            raise OSError(f"cannot listen for gRPC on {address} (in use?)")
        await server.start()
        self.grpc_server = server

        app = rest.build_app(self.gateway)
        sock = socket.socket(socket.AF_INET6 if ":" in self.settings.host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted sockets inherit it: without it a keep-alive response written in two parts
        # (headers, body) waits ~40 ms for the client's delayed ACK (Nagle).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            sock.bind((self.settings.host, self.settings.http_port))
        except OSError as exc:
            sock.close()
            await server.stop(0)
            raise OSError(f"cannot listen for REST on {self.settings.host}:{self.settings.http_port}: "
                          f"{exc.strerror}") from None
        self.http_port = sock.getsockname()[1]
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="off",
                                timeout_graceful_shutdown=self.settings.grace_seconds,
                                **(self.tls.uvicorn_options() if self.tls else {}))
        self.http_server = _EmbeddedUvicorn(config)
        self._http_task = asyncio.create_task(self.http_server.serve(sockets=[sock]))
        while not self.http_server.started:
            if self._http_task.done():
                self._http_task.result()  # raises why uvicorn could not start
            await asyncio.sleep(0.01)
        for name in (*names, ""):
            await self.health.set(name, health_pb2.HealthCheckResponse.SERVING)

    async def stop(self) -> None:
        """Stop taking calls, let in-flight ones finish (up to the grace period), close."""
        log.info("shutting down: draining in-flight calls (up to %ss)", self.settings.grace_seconds)
        await self.health.enter_graceful_shutdown()
        if self.http_server:
            self.http_server.should_exit = True
        await asyncio.gather(
            self.grpc_server.stop(self.settings.grace_seconds) if self.grpc_server else asyncio.sleep(0),
            self._http_task if self.http_server else asyncio.sleep(0))
        await self.core.aclose()
        log.info("stopped")

    async def serve_forever(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._stopping.set)
        await self.start()
        host = self.settings.host
        scheme = "https" if self.tls else "http"
        log.info("gRPC on %s:%d (health, reflection)%s", host, self.grpc_port,
                 (" TLS" + (", client certificates required" if self.tls.client_ca else ""))
                 if self.tls else "")
        log.info("REST on %s://%s:%d  docs %s://%s:%d/docs  OpenAPI /openapi.json (3.1), "
                 "/swagger.json (2.0)", scheme, host, self.http_port, scheme, host, self.http_port)
        if self.validator:
            log.info("shared mode: every call needs a Keystone token (validated by %s; "
                     "re-validated every %ss)", ", ".join(k.url for k in self.validator.keystones),
                     self.settings.token_revalidate_seconds)
        else:
            log.info("personal mode: calls act with the credentials in clouds.yaml")
        log.info("clouds: %s", ", ".join(
            f"{c} ({', '.join(self.registry.regions_of(c)) or 'default region'})"
            for c in self.registry.cloud_names()) or "none configured")
        await self._stopping.wait()
        await self.stop()
