"""The transcoding ASGI app: route, map the request, call the servicer, write the answer.

A plain ASGI callable (no per-request framework objects, no pydantic): the body is read
raw, JSON goes through the compiled ProtoJSON codecs, responses are sent pre-encoded.
"""
from __future__ import annotations

import asyncio
import inspect
import logging
import time
from dataclasses import dataclass
from typing import Any, Callable

import grpc
import orjson
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from . import streaming
from .context import AbortError, GatewayContext, peer_string
from .errors import RpcError, bad_request, status_body
from .metadata import incoming_metadata, outgoing_headers, parse_grpc_timeout
from .pathtemplate import PathDecodeError
from .protojson import JsonOptions, ProtoJsonEncodeError, encoder_for, to_dict_for
from .requestmap import RequestMapper
from .routes import HTTP_BODY, Binding, MethodNotAllowed, NoRoute, RouteTable, is_repeated

log = logging.getLogger(__name__)

JSON = b"application/json"
NDJSON = b"application/x-ndjson"
SSE = b"text/event-stream"
_JSON_REQUEST_TYPES = ("application/json", "application/x-ndjson", "text/json",
                       "application/x-www-form-urlencoded")  # the last: what `curl -d` sends


@dataclass(frozen=True)
class Settings:
    json_options: JsonOptions
    ignore_unknown_query: bool
    forward_headers: frozenset[str]
    sse_keepalive: float
    www_authenticate: str | None
    max_body: int
    chunk_size: int
    patch_field_mask: bool = True


class BrokenStream(Exception):
    """A raw (HttpBody) stream failed after its headers were sent: the connection must break."""


class _Handler:
    """Everything one binding needs at request time, prepared once."""

    def __init__(self, binding: Binding, method: Callable, settings: Settings):
        self.binding = binding
        self.method = method
        self.mapper = RequestMapper(binding, settings.json_options, settings.ignore_unknown_query,
                                    settings.patch_field_mask)
        options = settings.json_options
        response = binding.response_type
        self.raw_response = response.full_name == HTTP_BODY and not binding.response_body
        self.encode: Callable[[Message], bytes] = encoder_for(response, options)
        rb = binding.response_body_field
        if rb is not None:
            if rb.type == FieldDescriptor.TYPE_MESSAGE and not is_repeated(rb):
                inner = encoder_for(rb.message_type, options)
                self.encode = lambda m, _n=rb.name, _e=inner: _e(getattr(m, _n))
            else:
                to_dict = to_dict_for(response, options)
                key = rb.name if options.use_proto_names else rb.json_name
                self.encode = lambda m, _d=to_dict, _k=key: orjson.dumps(_d(m).get(_k))
        self.json_body = bool(binding.body) and self.mapper.raw_body is None


class TranscodingApp:
    def __init__(self, routes: RouteTable, servicers: dict[str, Any], settings: Settings):
        self.routes = routes
        self.settings = settings
        self._handlers: dict[int, _Handler] = {}
        for binding in routes.bindings:
            service = binding.method.containing_service.full_name
            servicer = servicers.get(service)
            if servicer is None:
                continue  # bindings of services without a servicer answer 501
            self._handlers[id(binding)] = _Handler(binding, getattr(servicer, binding.method.name), settings)

    # ---- ASGI entry -----------------------------------------------------------------------
    async def __call__(self, scope, receive, send) -> None:
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            while True:
                event = await receive()
                if event["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif event["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return

    async def _http(self, scope, receive, send) -> None:
        method = scope["method"]
        path = _raw_path(scope)
        headers = _Headers(scope["headers"])
        ctx: GatewayContext | None = None
        try:
            if method == "OPTIONS":
                await self._options(path, send)
                return
            try:
                binding, values = self.routes.lookup("GET" if method == "HEAD" else method, path)
            except MethodNotAllowed as exc:
                allowed = _with_implied(exc.allowed)
                raise RpcError(grpc.StatusCode.UNIMPLEMENTED, "Method Not Allowed", http_status=405,
                               headers={"allow": ", ".join(allowed)}) from None
            except NoRoute:
                raise RpcError(grpc.StatusCode.NOT_FOUND, "Not Found") from None
            except PathDecodeError as exc:
                raise bad_request("", str(exc)) from None
            handler = self._handlers.get(id(binding))
            if handler is None:
                raise RpcError(grpc.StatusCode.UNIMPLEMENTED, f"no servicer for {binding.method.full_name}")
            _check_accept(handler, headers.get(b"accept"))
            content_type = headers.get(b"content-type", b"").decode("latin-1")
            if handler.json_body:
                _check_content_type(content_type)
            timeout = headers.get(b"grpc-timeout")
            deadline = time.monotonic() + parse_grpc_timeout(timeout.decode("latin-1")) if timeout else None
            client = scope.get("client")
            metadata = incoming_metadata(scope["headers"], client[0] if client else None,
                                         self.settings.forward_headers)
            ctx = GatewayContext(metadata, peer_string(client), deadline)
            query = _query(scope)
            if binding.server_streaming:
                await self._server_stream(handler, ctx, values, query, content_type, headers, scope,
                                          receive, send, head=method == "HEAD")
            else:
                await self._unary(handler, ctx, values, query, content_type, scope, receive, send,
                                  head=method == "HEAD")
        except RpcError as error:
            await self._send_error(send, error, ctx)
        except streaming.ClientDisconnected:
            if ctx is not None:
                ctx.cancel()
        finally:
            if ctx is not None:
                ctx.finish()

    # ---- request -> call ------------------------------------------------------------------
    async def _request(self, handler: _Handler, values, query, content_type, receive):
        mapper = handler.mapper
        if handler.binding.client_streaming:
            if mapper.raw_body is not None:
                return streaming.raw_requests(receive, mapper, (values, query), content_type,
                                              self.settings.chunk_size)
            return streaming.ndjson_requests(receive, mapper, (values, query), self.settings.max_body)
        body = await streaming.read_body(receive, self.settings.max_body) if handler.binding.body else b""
        return mapper.message(values, query, body, content_type)

    async def _unary(self, handler, ctx, values, query, content_type, scope, receive, send, head) -> None:
        request = await self._request(handler, values, query, content_type, receive)
        if handler.binding.client_streaming:
            ctx._reader = request  # context.read() pulls from the same request stream
        response = await _call(handler.method, request, ctx)
        binding = handler.binding
        headers = outgoing_headers(ctx.initial_metadata_out, ctx.trailing_metadata())
        status = binding.success_status
        if status == 204:
            await _send(send, 204, headers, b"", head)
            return
        if handler.raw_response:
            body = response.data
            headers.append((b"content-type", (response.content_type or "application/octet-stream").encode("latin-1")))
        else:
            body = _encode(handler.encode, response)
            headers.append((b"content-type", JSON))
        if status == 201 and binding.location is not None:
            location = _location(binding, response, scope)
            if location:
                headers.append((b"location", location.encode("latin-1")))
        await _send(send, status, headers, body, head)

    async def _server_stream(self, handler, ctx, values, query, content_type, headers, scope,
                             receive, send, head) -> None:
        request = await self._request(handler, values, query, content_type, receive)
        if handler.binding.client_streaming:
            ctx._reader = request  # context.read() pulls from the same request stream
        produced = handler.method(request, ctx)
        responses = (_written(produced, ctx) if inspect.iscoroutine(produced) else produced).__aiter__()
        accept = headers.get(b"accept", b"")
        mode = "raw" if handler.raw_response else ("sse" if SSE in accept else "ndjson")
        try:
            # Nothing is written before the first message, so an early error keeps its status.
            try:
                first = await _next(responses, ctx)
            except StopAsyncIteration:
                first = None
            out = outgoing_headers(ctx.initial_metadata_out)
            if mode == "raw":
                ctype = (first.content_type if first is not None and first.content_type
                         else "application/octet-stream")
                out.append((b"content-type", ctype.encode("latin-1")))
            elif mode == "sse":
                out += [(b"content-type", SSE), (b"cache-control", b"no-cache"), (b"x-accel-buffering", b"no")]
            else:
                out.append((b"content-type", NDJSON if NDJSON in accept else JSON))
            await send({"type": "http.response.start", "status": 200, "headers": out})
            if head:
                await send({"type": "http.response.body", "body": b""})
                return
            pump = self._pump(handler, ctx, responses, first, mode, send)
            if handler.binding.client_streaming:
                await pump  # the body is still being read: no one else may call receive()
            else:
                await _until_disconnect(pump, receive, ctx)
        finally:
            aclose = getattr(responses, "aclose", None)
            if aclose is not None:
                await aclose()

    async def _pump(self, handler, ctx, responses, first, mode, send) -> None:
        keepalive = self.settings.sse_keepalive if mode == "sse" else None
        message = first
        try:
            while message is not None:
                if ctx.cancelled():
                    return
                if mode == "raw":
                    chunk = message.data
                else:
                    encoded = _encode(handler.encode, message)
                    chunk = streaming.sse_frame(encoded) if mode == "sse" else streaming.ndjson_frame(encoded)
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
                try:
                    message = await _next(responses, ctx, keepalive, send)
                except StopAsyncIteration:
                    message = None
        except RpcError as error:
            if mode == "raw":
                # No in-band way to report it: break the response so the client sees a
                # truncated transfer instead of a silently short file.
                raise BrokenStream(f"HttpBody stream {handler.binding.method.full_name} failed: {error}") from None
            body = status_body(error, self.settings.json_options)
            frame = streaming.sse_error_frame(body) if mode == "sse" else streaming.ndjson_error_frame(body)
            await send({"type": "http.response.body", "body": frame, "more_body": True})
        await send({"type": "http.response.body", "body": b""})

    # ---- OPTIONS / errors -------------------------------------------------------------------
    async def _options(self, path: str, send) -> None:
        try:
            allowed = self.routes.allowed_methods(path)
        except PathDecodeError as exc:
            raise bad_request("", str(exc)) from None
        if not allowed:
            raise RpcError(grpc.StatusCode.NOT_FOUND, "Not Found")
        await _send(send, 204, [(b"allow", ", ".join(_with_implied(allowed)).encode())], b"", False)

    async def _send_error(self, send, error: RpcError, ctx: GatewayContext | None) -> None:
        body = status_body(error, self.settings.json_options)
        headers = [(b"content-type", JSON)]
        for key, value in error.headers.items():
            headers.append((key.encode("latin-1"), value.encode("latin-1")))
        if error.status == 401:
            challenge = self.settings.www_authenticate or error.message
            headers.append((b"www-authenticate", challenge.encode("latin-1", "replace")))
        if ctx is not None:
            headers += outgoing_headers(ctx.initial_metadata_out, error.trailing_metadata or ctx.trailing_metadata())
        await _send(send, error.status, headers, body, False)


# ---- helpers ---------------------------------------------------------------------------------

class _Headers(dict):
    def __init__(self, raw):
        super().__init__()
        for key, value in raw:
            key = key.lower()
            if key in self:
                self[key] = self[key] + b", " + value
            else:
                self[key] = value


def _raw_path(scope) -> str:
    raw = scope.get("raw_path")
    path = raw.decode("latin-1") if raw else scope["path"]
    root = scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root):] or "/"
    return path


def _query(scope) -> str:
    raw = scope.get("query_string", b"")
    if not raw:
        return ""
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        raise bad_request("", "the query string must be ASCII (percent-encode other bytes)") from None


def _with_implied(methods) -> tuple[str, ...]:
    out = set(methods)
    if "GET" in out:
        out.add("HEAD")
    out.add("OPTIONS")
    return tuple(sorted(out))


def _media_types(value: bytes | None) -> list[str]:
    if not value:
        return []
    return [part.split(b";", 1)[0].strip().lower().decode("latin-1") for part in value.split(b",")]


def _check_accept(handler: _Handler, accept: bytes | None) -> None:
    if not accept or handler.raw_response:
        return
    wanted = _media_types(accept)
    ok = {"*/*", "application/*", "application/json"}
    if handler.binding.server_streaming:
        ok |= {"text/event-stream", "text/*", "application/x-ndjson"}
    if not any(t in ok or t.endswith("+json") for t in wanted):
        raise RpcError(grpc.StatusCode.INVALID_ARGUMENT,
                       f"cannot produce any of {accept.decode('latin-1')}; this method answers application/json",
                       http_status=406)


def _check_content_type(content_type: str) -> None:
    if not content_type:
        return
    media = content_type.split(";", 1)[0].strip().lower()
    if media in _JSON_REQUEST_TYPES or media.endswith("+json"):
        return
    raise RpcError(grpc.StatusCode.INVALID_ARGUMENT,
                   f"unsupported Content-Type {content_type!r}; send application/json", http_status=415)


async def _call(method, request, ctx: GatewayContext):
    try:
        remaining = ctx.time_remaining()
        if remaining is None:
            response = await method(request, ctx)
        else:
            async with asyncio.timeout(remaining):
                response = await method(request, ctx)
    except BaseException as exc:
        raise _as_rpc_error(exc, ctx) from None
    error = ctx.status_error()
    if error is not None:
        raise error
    if response is None:
        raise RpcError(grpc.StatusCode.INTERNAL, "the servicer returned no response")
    return response


async def _next(responses, ctx: GatewayContext, keepalive: float | None = None, send=None):
    """The next streamed message, honouring the deadline; SSE keep-alives while waiting."""
    step = asyncio.ensure_future(responses.__anext__())
    try:
        while True:
            remaining = ctx.time_remaining()
            timeout = remaining if keepalive is None else (
                keepalive if remaining is None else min(keepalive, remaining))
            done, _ = await asyncio.wait((step,), timeout=timeout)
            if done:
                return step.result()
            if remaining is not None and ctx.time_remaining() <= 0:
                raise asyncio.TimeoutError()
            await send({"type": "http.response.body", "body": streaming.SSE_KEEPALIVE, "more_body": True})
    except StopAsyncIteration:
        raise
    except BaseException as exc:
        if not step.done():
            step.cancel()
            await asyncio.gather(step, return_exceptions=True)  # the generator must stop before aclose()
        raise _as_rpc_error(exc, ctx) from None


def _as_rpc_error(exc: BaseException, ctx: GatewayContext) -> BaseException:
    if isinstance(exc, AbortError):
        return exc.error
    if isinstance(exc, RpcError):
        return exc
    if isinstance(exc, (asyncio.TimeoutError, TimeoutError)) and ctx.deadline is not None:
        ctx.cancel()
        return RpcError(grpc.StatusCode.DEADLINE_EXCEEDED, "Deadline Exceeded")
    if isinstance(exc, streaming.ClientDisconnected):
        ctx.cancel()
        return RpcError(grpc.StatusCode.CANCELLED, "the client disconnected")
    if isinstance(exc, asyncio.CancelledError):
        ctx.cancel()
        return exc
    if isinstance(exc, Exception):
        # The same text grpc.aio sends for an exception escaping a handler.
        log.exception("servicer raised")
        return RpcError(grpc.StatusCode.UNKNOWN, f"Unexpected {type(exc)}: {exc}")
    return exc


def _encode(encode, message) -> bytes:
    try:
        return encode(message)
    except ProtoJsonEncodeError as exc:
        raise RpcError(grpc.StatusCode.INTERNAL, f"cannot encode the response as JSON: {exc}") from None


def _location(binding: Binding, response: Message, scope) -> str | None:
    values = {}
    for var in binding.location.variables:
        value: Any = response
        for name in var.field_path:
            value = getattr(value, name)
        if not value:
            return None
        values[var.name] = str(value)
    return scope.get("root_path", "") + binding.location.expand(values)


async def _written(call, ctx: GatewayContext):
    """Messages of a server-streaming servicer that uses `await context.write(...)`."""
    queue: asyncio.Queue = asyncio.Queue(maxsize=1)  # write() waits until we sent the last one
    finished = object()
    ctx._writer = queue

    async def run() -> None:
        try:
            await call
        finally:
            await queue.put(finished)

    task = asyncio.ensure_future(run())
    try:
        while (item := await queue.get()) is not finished:
            yield item
        await task  # re-raises what the servicer raised
    finally:
        if not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def _until_disconnect(work, receive, ctx: GatewayContext) -> None:
    """Run `work`; if the client goes away first, cancel it and mark the call cancelled."""
    async def disconnected() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    task = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(disconnected())
    try:
        await asyncio.wait((task, watcher), return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
        if not task.done():
            ctx.cancel()
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
    if task.done() and not task.cancelled():
        task.result()


async def _send(send, status: int, headers: list, body: bytes, head: bool) -> None:
    if status != 204:
        headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head or status == 204 else body})

