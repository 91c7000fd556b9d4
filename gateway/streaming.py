"""Streams over HTTP/1.1: request bodies in, server streams out.

In:  an NDJSON body (one JSON request per line) or, when the body target is a
     ``google.api.HttpBody``, the raw bytes chunk by chunk as the client sends them, so
     an upload of any size uses constant memory.
Out: NDJSON ``{"result": ...}`` lines with a final ``{"error": ...}`` (grpc-gateway),
     or Server-Sent Events when the client asked for ``text/event-stream``, or raw
     HttpBody chunks; one ASGI send (one flush) per message.
"""
from __future__ import annotations

from typing import Any, AsyncIterator, Awaitable, Callable

import grpc

from .context import AbortError
from .errors import RpcError, bad_request
from .requestmap import RequestMapper

__all__ = ["body_chunks", "ndjson_requests", "raw_requests", "ndjson_frame", "sse_frame",
           "sse_error_frame", "ndjson_error_frame", "SSE_KEEPALIVE"]

Receive = Callable[[], Awaitable[dict]]
SSE_KEEPALIVE = b": keep-alive\n\n"


class ClientDisconnected(Exception):
    """The client closed the connection while we were reading its body."""


async def body_chunks(receive: Receive) -> AsyncIterator[bytes]:
    """The request body as the server hands it over (no buffering here)."""
    while True:
        event = await receive()
        kind = event["type"]
        if kind == "http.request":
            chunk = event.get("body", b"")
            if chunk:
                yield chunk
            if not event.get("more_body", False):
                return
        elif kind == "http.disconnect":
            raise ClientDisconnected()


async def read_body(receive: Receive, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    async for chunk in body_chunks(receive):
        size += len(chunk)
        if size > limit:
            raise RpcError(grpc.StatusCode.RESOURCE_EXHAUSTED,
                           f"request body is larger than {limit} bytes", http_status=413)
        parts.append(chunk)
    return b"".join(parts)


def _as_abort(generator):
    """Bad input found while the servicer iterates its requests must reach the client as a
    400, even through interceptors that map unknown exceptions: raise it as an abort."""
    async def wrapped(*args, **kwargs):
        try:
            async for item in generator(*args, **kwargs):
                yield item
        except RpcError as error:
            raise AbortError(error) from None
    wrapped.__name__ = generator.__name__
    wrapped.__doc__ = generator.__doc__
    return wrapped


@_as_abort
async def ndjson_requests(receive: Receive, mapper: RequestMapper, first: tuple[dict, str],
                          max_line: int) -> AsyncIterator[Any]:
    """One request message per non-blank line; path/query values go into the first one."""
    pending = b""
    base: tuple[dict, str] | None = first
    async for chunk in body_chunks(receive):
        pending += chunk
        while True:
            newline = pending.find(b"\n")
            if newline < 0:
                break
            line, pending = pending[:newline], pending[newline + 1:]
            if line.strip():
                yield mapper.stream_item(line, base)
                base = None
        if len(pending) > max_line:
            raise bad_request("", f"a streamed request line is longer than {max_line} bytes")
    if pending.strip():
        yield mapper.stream_item(pending, base)


@_as_abort
async def raw_requests(receive: Receive, mapper: RequestMapper, first: tuple[dict, str],
                       content_type: str, chunk_size: int) -> AsyncIterator[Any]:
    """google.api.HttpBody upload: one message per received chunk (split at chunk_size)."""
    base = mapper.base_dict(first[0], first[1])
    sent = False
    async for chunk in body_chunks(receive):
        for start in range(0, len(chunk), chunk_size):
            piece = chunk[start:start + chunk_size]
            if not sent:
                yield mapper.with_raw(base, piece, content_type)
                sent = True
            else:
                yield mapper.with_raw({}, piece, content_type)
    if not sent:  # an empty upload still carries the path and query fields
        yield mapper.with_raw(base, b"", content_type)


def ndjson_frame(encoded: bytes) -> bytes:
    return b'{"result":' + encoded + b"}\n"


def ndjson_error_frame(status_json: bytes) -> bytes:
    return b'{"error":' + status_json + b"}\n"


def sse_frame(encoded: bytes) -> bytes:
    return b"data: " + encoded + b"\n\n"


def sse_error_frame(status_json: bytes) -> bytes:
    return b"event: error\ndata: " + status_json + b"\n\n"
