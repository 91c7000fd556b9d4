"""oaktree's interceptor chain, run for every call of both protocols.

- errors: RpcError (and anything unexpected) -> gRPC status with google.rpc details in
  grpc-status-details-bin, which the REST gateway turns into the HTTP status + body.
- access log: one line per call, same format for gRPC and REST.
"""
from __future__ import annotations

import functools
import inspect
import logging
import time

import grpc

from oaktree.errors import RpcError, from_exception

log = logging.getLogger("oaktree.access")


async def _abort(context, error: RpcError):
    await context.abort(error.code, error.message, trailing_metadata=error.trailing_metadata())


def _guard(name: str, method):
    @functools.wraps(method)
    async def unary(request, context):
        started = time.perf_counter()
        code = grpc.StatusCode.OK
        try:
            return await method(request, context)
        except RpcError as error:
            code = error.code
            await _abort(context, error)
        except (grpc.aio.AbortError, grpc.RpcError):
            code = None
            raise
        except Exception as exc:  # noqa: BLE001 - never a stack trace to the client
            error = from_exception(exc, "")
            code = error.code
            await _abort(context, error)
        finally:
            log.info("%s %s %.1fms", name, code.name if code else "ABORTED",
                     (time.perf_counter() - started) * 1000)
    return unary


def default_chain():
    return None


def wrap(servicer, chain=None):
    """Wrap every RPC method of `servicer` (those of its generated base class)."""
    base = next(b for b in type(servicer).__mro__[1:] if b.__name__.endswith("Servicer"))
    for name, _ in inspect.getmembers(base, inspect.isfunction):
        if not name.startswith("_"):
            setattr(servicer, name, _guard(f"{type(servicer).__name__}.{name}", getattr(servicer, name)))
    return servicer
