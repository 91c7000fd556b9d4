"""A grpc.aio.ServicerContext stand-in for calls that arrive over REST.

Servicers see the same surface whichever protocol carried the call: metadata in,
initial/trailing metadata out, abort (with or without rich details), set_code /
set_details, the deadline and cancellation.
"""
from __future__ import annotations

import time
from typing import Any, Callable, Sequence

import grpc

from .errors import RpcError, details_from_metadata

__all__ = ["GatewayContext", "AbortError"]

Metadata = Sequence[tuple[str, "str | bytes"]]


class AbortError(grpc.aio.AbortError):
    """Raised by GatewayContext.abort; grpc.aio's own type, so `except AbortError` in servicers works."""

    def __init__(self, error: RpcError):
        super().__init__(str(error))
        self.error = error


class GatewayContext(grpc.aio.ServicerContext):
    """The servicer context for one REST call."""

    protocol = "rest"

    def __init__(self, metadata: tuple[tuple[str, str | bytes], ...], peer: str,
                 deadline: float | None = None):
        self._metadata = metadata
        self._peer = peer
        self._deadline = deadline  # time.monotonic() value or None
        self._code: grpc.StatusCode | None = None
        self._details: str | None = None
        self._initial: list[tuple[str, str | bytes]] = []
        self._initial_sent = False
        self._trailing: tuple[tuple[str, str | bytes], ...] = ()
        self._cancelled = False
        self._done = False
        self._done_callbacks: list[Callable[[Any], None]] = []
        self._on_initial_metadata: Callable[[], None] | None = None

    # ---- metadata ------------------------------------------------------------------------
    def invocation_metadata(self):
        return self._metadata

    async def send_initial_metadata(self, initial_metadata: Metadata) -> None:
        if self._initial_sent:
            raise RuntimeError("initial metadata was already sent")
        self._initial.extend(tuple(initial_metadata))
        self._initial_sent = True

    def set_trailing_metadata(self, trailing_metadata: Metadata) -> None:
        self._trailing = tuple(trailing_metadata)

    def trailing_metadata(self):
        return self._trailing

    @property
    def initial_metadata_out(self) -> list[tuple[str, str | bytes]]:
        return self._initial

    # ---- status --------------------------------------------------------------------------
    async def abort(self, code: grpc.StatusCode, details: str = "", trailing_metadata: Metadata = ()) -> None:
        if code == grpc.StatusCode.OK:
            raise ValueError("abort() needs an error code, not OK")
        trailing = tuple(trailing_metadata) or self._trailing
        self._trailing = trailing
        rich, _ = details_from_metadata(trailing)
        raise AbortError(RpcError(code, details, rich, trailing_metadata=trailing))

    async def abort_with_status(self, status: grpc.Status) -> None:
        await self.abort(status.code, status.details, status.trailing_metadata)

    def set_code(self, code: grpc.StatusCode) -> None:
        self._code = code

    def set_details(self, details: str) -> None:
        self._details = details

    def code(self) -> grpc.StatusCode | None:
        return self._code

    def details(self) -> str | None:
        return self._details

    def status_error(self) -> RpcError | None:
        """The error a servicer set with set_code(...) and then returned normally, if any."""
        if self._code is None or self._code == grpc.StatusCode.OK:
            return None
        rich, _ = details_from_metadata(self._trailing)
        return RpcError(self._code, self._details or "", rich, trailing_metadata=self._trailing)

    # ---- time and liveness -----------------------------------------------------------------
    def time_remaining(self) -> float | None:
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - time.monotonic())

    @property
    def deadline(self) -> float | None:
        return self._deadline

    def cancel(self) -> None:
        """The client went away (or the deadline passed): cancelled() turns true."""
        self._cancelled = True

    def cancelled(self) -> bool:
        return self._cancelled

    def done(self) -> bool:
        return self._done

    def add_done_callback(self, callback: Callable[[Any], None]) -> None:
        self._done_callbacks.append(callback)

    def finish(self) -> None:
        self._done = True
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:  # a callback must not turn a finished call into an error
                pass

    # ---- identity ------------------------------------------------------------------------
    def peer(self) -> str:
        return self._peer

    def peer_identities(self):
        return None

    def peer_identity_key(self):
        return None

    def auth_context(self):
        return {}

    # ---- compression: nothing to do over HTTP/1.1 JSON --------------------------------------
    def set_compression(self, compression) -> None:
        pass

    def disable_next_message_compression(self) -> None:
        pass

    # ---- message-level streaming API (grpc.aio's read/write style) --------------------------
    async def read(self):
        reader = getattr(self, "_reader", None)
        if reader is None:
            raise RuntimeError("read() is only available in client-streaming calls")
        try:
            return await reader.__anext__()
        except StopAsyncIteration:
            return grpc.aio.EOF

    async def write(self, message) -> None:
        writer = getattr(self, "_writer", None)
        if writer is None:
            raise RuntimeError("write() is only available in server-streaming calls")
        await writer.put(message)


def peer_string(client: tuple[str, int] | None) -> str:
    """gRPC's peer format: ipv4:1.2.3.4:80 / ipv6:[::1]:80."""
    if not client:
        return "unknown"
    host, port = client[0], client[1]
    if ":" in host:
        return f"ipv6:[{host}]:{port}"
    return f"ipv4:{host}:{port}"


def remaining_deadline(timeout: float | None) -> float | None:
    return None if timeout is None else time.monotonic() + timeout

