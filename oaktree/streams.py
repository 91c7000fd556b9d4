"""Bounded byte streams between the event loop and a blocking worker thread.

openstacksdk reads an upload from a (blocking) iterator and hands a download out as a
(blocking) iterator; gRPC and the gateway produce and consume chunks on the event loop.
Both directions go through a small asyncio.Queue that lives on the loop, so:

* memory is bounded by `depth` chunks in flight, whatever the image size;
* back-pressure is natural on both sides: the loop side *awaits* (never blocks the loop)
  when the queue is full or empty, the thread side *blocks* on a future of the loop;
* either side can give up: the other side then sees an error or "consumer gone" instead
  of waiting forever.
"""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Awaitable, TypeVar

import grpc

from oaktree.errors import RpcError

T = TypeVar("T")

_END = object()


class StreamAborted(RpcError):
    """The other side of the stream gave up (client cancelled, deadline, error)."""

    def __init__(self, message: str):
        super().__init__(grpc.StatusCode.CANCELLED, message)


class _Failure:
    def __init__(self, error: BaseException):
        self.error = error


async def _race(step: Awaitable[T], work: asyncio.Future) -> T:
    """Await `step`, unless `work` (the worker's future) finishes first: then its outcome
    (its exception, or StreamAborted if it returned) wins, so nobody waits forever for a
    worker that has stopped."""
    step = asyncio.ensure_future(step)
    done, _ = await asyncio.wait({step, work}, return_when=asyncio.FIRST_COMPLETED)
    if step in done:
        return step.result()
    step.cancel()
    work.result()  # raises the worker's error
    raise StreamAborted("the worker stopped before the stream ended")


def _on_loop(loop: asyncio.AbstractEventLoop, coroutine) -> object:
    """Run `coroutine` on the loop and block this (worker) thread until it is done. If the
    loop stops meanwhile (server shutting down) the worker gives up instead of hanging."""
    future = asyncio.run_coroutine_threadsafe(coroutine, loop)
    while True:
        try:
            return future.result(timeout=1.0)
        except TimeoutError:
            if loop.is_closed() or not loop.is_running():
                future.cancel()
                raise StreamAborted("the server is shutting down") from None


class Inbound:
    """Chunks produced on the loop (a client's upload), read by a worker thread as a
    blocking iterator (what openstacksdk's `data=` accepts)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, depth: int = 4, batch_bytes: int = 1 << 20):
        self._loop = loop
        self._queue: asyncio.Queue = asyncio.Queue(depth)
        self._batch_bytes = batch_bytes
        self.consumed = 0  # bytes handed to the worker

    # ---- loop side ------------------------------------------------------------------------
    async def put(self, chunk: bytes, work: asyncio.Future) -> None:
        if not self._queue.full():
            self._queue.put_nowait(chunk)
        else:
            await _race(self._queue.put(chunk), work)

    async def finish(self, work: asyncio.Future) -> None:
        await self.put(_END, work)  # type: ignore[arg-type]

    def abort(self, error: BaseException) -> None:
        """Make the worker's next read raise `error` (non-blocking; drops queued chunks)."""
        while not self._queue.empty():
            self._queue.get_nowait()
        self._queue.put_nowait(_Failure(error))

    async def _take(self) -> list:
        # One cross-thread round trip fetches everything already queued (up to a batch),
        # so small chunks (HTTP receive events) do not cost one hop each.
        items = [await self._queue.get()]
        size = len(items[0]) if isinstance(items[0], bytes) else 0
        while size < self._batch_bytes and not self._queue.empty():
            item = self._queue.get_nowait()
            items.append(item)
            if not isinstance(item, bytes):
                break
            size += len(item)
        return items

    # ---- thread side ----------------------------------------------------------------------
    def __iter__(self) -> Iterator[bytes]:
        while True:
            items = _on_loop(self._loop, self._take())
            data = [item for item in items if isinstance(item, bytes)]
            if data:
                # Small chunks (HTTP receive events) are joined: one write to the cloud
                # per batch instead of one per chunk.
                chunk = data[0] if len(data) == 1 else b"".join(data)
                self.consumed += len(chunk)
                yield chunk
            last = items[-1]
            if last is _END:
                return
            if isinstance(last, _Failure):
                raise last.error


class Outbound:
    """Chunks produced by a worker thread (a download), consumed on the loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop, depth: int = 4):
        self._loop = loop
        self._queue: asyncio.Queue = asyncio.Queue(depth)
        self._gone = threading.Event()
        self.content_type = ""  # set by the worker before its first put

    # ---- thread side ----------------------------------------------------------------------
    def put(self, chunk: bytes) -> bool:
        """Block until the loop side has room; False when the consumer has gone away."""
        if self._gone.is_set():
            return False
        _on_loop(self._loop, self._queue.put(chunk))
        return not self._gone.is_set()

    def finish(self) -> None:
        if not self._gone.is_set():
            _on_loop(self._loop, self._queue.put(_END))

    # ---- loop side ------------------------------------------------------------------------
    async def get(self, work: asyncio.Future) -> bytes | None:
        """The next chunk, or None at the end; raises the worker's error if it failed."""
        if not self._queue.empty():
            item = self._queue.get_nowait()
        else:
            item = await _race(self._queue.get(), work)
        return None if item is _END else item

    def close(self) -> None:
        """The consumer is gone: unblock the worker (it stops at its next put)."""
        self._gone.set()
        while not self._queue.empty():
            self._queue.get_nowait()
