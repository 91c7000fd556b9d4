"""A bounded thread pool for openstacksdk's blocking calls: nothing blocks the event loop.

A call waits at most until the caller's deadline; past it the caller gets
DEADLINE_EXCEEDED at once (the worker thread finishes in the background, as a thread
cannot be interrupted).
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import functools
from collections.abc import Callable
from typing import TypeVar

import grpc

from oaktree.errors import RpcError

T = TypeVar("T")


class BlockingPool:
    def __init__(self, max_workers: int = 16):
        self.max_workers = max_workers
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="oaktree-sdk")

    async def run(self, fn: Callable[..., T], *args, timeout: float | None = None, **kwargs) -> T:
        loop = asyncio.get_running_loop()
        call = functools.partial(contextvars.copy_context().run, fn, *args, **kwargs)
        future = loop.run_in_executor(self._executor, call)
        if timeout is None:
            return await future
        if timeout <= 0:
            future.cancel()
            raise RpcError(grpc.StatusCode.DEADLINE_EXCEEDED, "deadline exceeded before the call")
        try:
            return await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            raise RpcError(grpc.StatusCode.DEADLINE_EXCEEDED,
                           f"deadline exceeded after {timeout:.3g}s waiting for the cloud") from None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
