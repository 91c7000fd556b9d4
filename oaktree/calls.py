"""What a servicer needs to know about the call in progress: who, until when, and whether
a cached answer will do.

Both come from the call context, so they work the same for native gRPC and for REST
(the gateway's context shim implements time_remaining and invocation_metadata).
"""
from __future__ import annotations

import contextvars

from oaktree.identity import SERVER, Identity

# Set by the auth interceptor (shared mode); personal mode acts as the server itself.
current_identity: contextvars.ContextVar[Identity] = contextvars.ContextVar(
    "oaktree_identity", default=SERVER)


# Set by the CacheControl interceptor: the caller sent `cache-control: no-cache`.
no_cache: contextvars.ContextVar[bool] = contextvars.ContextVar("oaktree_no_cache", default=False)

# gRPC metadata key, and the key the REST gateway forwards the HTTP header as (IANA
# permanent headers arrive as grpcgateway-<name>, as in grpc-gateway).
CACHE_CONTROL_KEYS = ("cache-control", "grpcgateway-cache-control")


def wants_fresh(metadata) -> bool:
    """True when the request's Cache-Control says a cached answer will not do (no-cache,
    no-store or max-age=0, as an HTTP cache reads them)."""
    for key, value in metadata or ():
        if key.lower() not in CACHE_CONTROL_KEYS or not isinstance(value, str):
            continue
        directives = {d.strip().lower().replace(" ", "") for d in value.split(",")}
        if directives & {"no-cache", "no-store", "max-age=0"}:
            return True
    return False


def identity(context) -> Identity:
    return current_identity.get()


def timeout(context) -> float | None:
    """Seconds left before the caller's deadline, or None when it set none."""
    remaining = context.time_remaining() if context is not None else None
    return remaining if remaining is not None and remaining < 10**8 else None
