"""oaktree's interceptors, run for every call of both protocols (gateway.interceptors
applies them by wrapping the servicers that gRPC and REST share).

- ErrorMapping: RpcError, openstacksdk errors and anything unexpected -> a gRPC status
  with google.rpc details in grpc-status-details-bin (the gateway turns that into the
  HTTP status and a google.rpc.Status body). Never a stack trace to the client.
- AccessLog: one line per call, same format for gRPC and REST; in shared mode it names the
  caller (user, project, token fingerprint: never the token).
- CacheControl: `cache-control: no-cache` metadata (REST: the Cache-Control header) makes
  the call skip cached lists and refresh them (oaktree.calls.no_cache).
"""
from __future__ import annotations

import asyncio
import contextvars
import logging
import time

import grpc

from oaktree import calls
from oaktree.errors import RpcError, from_exception
from oaktree.identity import SERVER

access_log = logging.getLogger("oaktree.access")
# The code a call failed with, for the access log (set by ErrorMapping, same task).
_outcome: contextvars.ContextVar[grpc.StatusCode | None] = contextvars.ContextVar("outcome", default=None)


class ErrorMapping:
    async def intercept(self, call, request, context, proceed):
        try:
            result = await proceed(request, context)
        except RpcError as error:
            await _abort(context, error)
        except (grpc.aio.AbortError, grpc.RpcError, StopAsyncIteration):
            raise
        except Exception as exc:  # noqa: BLE001 - mapped (and logged) by from_exception
            await _abort(context, from_exception(exc))
        if call.server_streaming and result is not None:
            # A stream fails while it is iterated, after this method returned.
            return _mapped_stream(result, context)
        return result


async def _mapped_stream(responses, context):
    try:
        async for response in responses:
            yield response
    except RpcError as error:
        await _abort(context, error)
    except (grpc.aio.AbortError, grpc.RpcError):
        raise
    except Exception as exc:  # noqa: BLE001 - mapped (and logged) by from_exception
        await _abort(context, from_exception(exc))


async def _abort(context, error: RpcError):
    _outcome.set(error.code)
    await context.abort(error.code, error.message, trailing_metadata=error.trailing_metadata())


class AccessLog:
    async def intercept(self, call, request, context, proceed):
        started = time.perf_counter()
        try:
            result = await proceed(request, context)
        except BaseException as exc:
            self._log(call, started, _failure(exc))
            raise
        if call.server_streaming and result is not None:
            return self._logged_stream(call, started, result)  # logged when the stream ends
        self._log(call, started, "OK")
        return result

    async def _logged_stream(self, call, started, responses):
        outcome, sent = "OK", 0
        try:
            async for response in responses:
                sent += 1
                yield response
        except BaseException as exc:
            outcome = _failure(exc)
            raise
        finally:
            self._log(call, started, f"{outcome} ({sent} messages)")

    @staticmethod
    def _log(call, started, outcome: str) -> None:
        identity = calls.current_identity.get()  # set by Authenticate, further down the chain
        access_log.info("%s %s %s %.1fms%s", call.protocol, call.full_method, outcome,
                        (time.perf_counter() - started) * 1000,
                        "" if identity is SERVER else f" [{identity}]")


def _failure(exc: BaseException) -> str:
    if isinstance(exc, (asyncio.CancelledError, GeneratorExit)):
        return "CANCELLED"
    return (_outcome.get() or grpc.StatusCode.UNKNOWN).name


class CacheControl:
    async def intercept(self, call, request, context, proceed):
        token = calls.no_cache.set(calls.wants_fresh(context.invocation_metadata()))
        if call.server_streaming:
            # The stream runs after proceed returns, in this call's own task: leave it set.
            return await proceed(request, context)
        try:
            return await proceed(request, context)
        finally:
            calls.no_cache.reset(token)


def default_chain() -> list:
    return [AccessLog(), ErrorMapping(), CacheControl()]
