"""A generic google.api.http transcoder: REST/JSON in front of grpc.aio servicers, in-process.

    from gateway import Gateway, JsonOptions
    gw = Gateway(servicers={"pkg.v1.Service": servicer}, interceptors=[...])
    app = gw.app                       # ASGI; serve with uvicorn or mount in FastAPI
    gw.add_to_grpc_server(server)      # the same wrapped servicers over native gRPC

See gateway/README.md for the REST mapping and every switch.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from google.protobuf import descriptor_pool
from google.protobuf.descriptor import ServiceDescriptor

from .interceptors import CallDetails, Interceptor, add_to_grpc_server, intercept_servicer
from .protojson import JsonOptions
from .routes import Binding, RouteTable

__all__ = ["Gateway", "JsonOptions", "CorsOptions", "RouteTable", "Binding", "CallDetails", "Interceptor"]


@dataclass(frozen=True)
class CorsOptions:
    """Cross-origin access (handled by Starlette's CORSMiddleware)."""

    allow_origins: Sequence[str] = ()
    allow_origin_regex: str | None = None
    allow_methods: Sequence[str] = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
    allow_headers: Sequence[str] = ("*",)
    expose_headers: Sequence[str] = ()
    allow_credentials: bool = False
    max_age: int = 600


class Gateway:
    """REST/JSON for every google.api.http binding of the given services.

    servicers: full service name -> servicer object (grpc.aio style methods).
    json_options: how messages map to JSON (grpc-gateway defaults). Unknown *body* fields
        are rejected unless ``ignore_unknown_fields=True``.
    interceptors: one chain for REST and gRPC (see gateway.interceptors).
    cors: CorsOptions, or None for no CORS headers.
    ignore_unknown_query_params: grpc-gateway's behaviour (default False: 400 BadRequest).
    success_codes: 201/204 by the rule in gateway.routes.success_status_for (False: always 200).
    unbound_methods: serve methods without an http rule at ``POST /pkg.Service/Method``.
    forward_headers: extra request headers passed verbatim as metadata (e.g. "x-auth-token").
    sse_keepalive: seconds of silence before an SSE ``: keep-alive`` comment.
    www_authenticate: the challenge sent with every 401 (default: the status message, as grpc-gateway).
    max_body: largest buffered request body (and streamed NDJSON line) in bytes -> 413.
    chunk_size: largest message made from a streamed google.api.HttpBody upload.
    patch_field_mask: grpc-gateway's PATCH feature: an empty ``update_mask`` is filled
        from the keys of the JSON body.
    """

    def __init__(
        self,
        servicers: Mapping[str, Any],
        json_options: JsonOptions = JsonOptions(),
        interceptors: Sequence[Interceptor] = (),
        cors: CorsOptions | None = None,
        *,
        ignore_unknown_query_params: bool = False,
        success_codes: bool = True,
        unbound_methods: bool = False,
        forward_headers: Iterable[str] = (),
        sse_keepalive: float = 15.0,
        www_authenticate: str | None = None,
        max_body: int = 16 * 1024 * 1024,
        chunk_size: int = 1024 * 1024,
        patch_field_mask: bool = True,
        pool: descriptor_pool.DescriptorPool | None = None,
    ):
        from .app import Settings, TranscodingApp

        pool = pool or descriptor_pool.Default()
        self.services: dict[str, ServiceDescriptor] = {
            name: pool.FindServiceByName(name) for name in servicers}
        self.json_options = json_options
        self.interceptors = tuple(interceptors)
        self.servicers = {name: intercept_servicer(servicer, self.services[name], self.interceptors)
                          for name, servicer in servicers.items()}
        self.routes = RouteTable.from_services(self.services.values(), success_codes=success_codes,
                                               unbound_methods=unbound_methods)
        settings = Settings(
            json_options=json_options,
            ignore_unknown_query=ignore_unknown_query_params,
            forward_headers=frozenset(h.lower() for h in forward_headers),
            sse_keepalive=sse_keepalive,
            www_authenticate=www_authenticate,
            max_body=max_body,
            chunk_size=chunk_size,
            patch_field_mask=patch_field_mask,
        )
        self.transcoder = TranscodingApp(self.routes, self.servicers, settings)
        self.app = self.transcoder if cors is None else _with_cors(self.transcoder, cors)

    def servicer(self, service_name: str) -> Any:
        """The intercepted servicer, for the generated ``add_<Service>Servicer_to_server``."""
        return self.servicers[service_name]

    def add_to_grpc_server(self, server) -> None:
        """Register every intercepted servicer with a grpc.aio server (descriptor-driven)."""
        for name, servicer in self.servicers.items():
            add_to_grpc_server(server, servicer, self.services[name])

    async def __call__(self, scope, receive, send) -> None:
        await self.app(scope, receive, send)


def _with_cors(app, cors: CorsOptions):
    from starlette.middleware.cors import CORSMiddleware

    return CORSMiddleware(
        app,
        allow_origins=list(cors.allow_origins),
        allow_origin_regex=cors.allow_origin_regex,
        allow_methods=list(cors.allow_methods),
        allow_headers=list(cors.allow_headers),
        expose_headers=list(cors.expose_headers),
        allow_credentials=cors.allow_credentials,
        max_age=cors.max_age,
    )
