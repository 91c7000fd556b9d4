"""Single-flight at the asyncio level: concurrent identical calls share one task.

The task is independent of the callers: one caller leaving (deadline, disconnect) cancels
nobody else's wait, and a fetch that outlives all its callers still fills the cache. Each
caller waits for it up to its own deadline.
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import grpc

from oaktree.errors import RpcError

T = TypeVar("T")


class SingleFlight(Generic[T]):
    def __init__(self):
        self._flights: dict[str, asyncio.Task[T]] = {}

    def in_flight(self, key: str) -> bool:
        return key in self._flights

    def start(self, key: str, work: Callable[[], Awaitable[T]]) -> tuple[asyncio.Task[T], bool]:
        """The task for key, and whether this call started it (False: it joined one)."""
        task = self._flights.get(key)
        if task is not None:
            return task, False
        task = asyncio.ensure_future(work())
        self._flights[key] = task
        task.add_done_callback(lambda done: self._finished(key, done))
        return task, True

    def _finished(self, key: str, task: asyncio.Task) -> None:
        if self._flights.get(key) is task:
            del self._flights[key]
        if not task.cancelled():
            task.exception()  # retrieved: no "never retrieved" warning when nobody waited

    @staticmethod
    async def wait(task: asyncio.Task[T], timeout: float | None) -> T:
        try:
            return await asyncio.wait_for(asyncio.shield(task), timeout)
        except asyncio.TimeoutError:
            raise RpcError(grpc.StatusCode.DEADLINE_EXCEEDED,
                           f"deadline exceeded after {timeout:.3g}s waiting for the cloud") from None
