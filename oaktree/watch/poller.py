"""One poller per (identity, cloud region): lists servers once per interval and hands
each subscriber the latest state of the one server it watches.

shade kept nodepool alive by batching `wait_for_server` into one `list_servers` per
window; this is that idea for streams. The poller starts with its first subscriber and
stops once the last one has left, so an idle location costs nothing.

Each subscriber has a latest-value mailbox rather than an unbounded queue: a slow reader
gets the newest state, never a backlog (a watch reports where the server *is*).
"""
from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable

import grpc

from oaktree.errors import RpcError, from_exception

log = logging.getLogger(__name__)

MISSING = object()  # the server is not in the list (deleted, or never there)

# One poll: the ids watched -> {id: state} for those present in the cloud's list.
Fetch = Callable[[frozenset[str]], Awaitable[dict[str, object]]]

# Consecutive failed polls before watchers are told (one blip should not end streams).
FAILURES_BEFORE_ERROR = 3


class Subscription:
    """What one watcher sees: `await next(timeout)` -> a state, MISSING, or raises RpcError."""

    def __init__(self, poller: "Poller", server_id: str, first_poll: int):
        self.poller = poller
        self.server_id = server_id
        self.first_poll = first_poll  # only polls started after subscribing count
        self._latest: object = None
        self._ready = asyncio.Event()

    def _offer(self, value: object) -> None:
        self._latest = value
        self._ready.set()

    async def next(self, timeout: float | None = None) -> object:
        """The newest state since the last call. RpcError(DEADLINE_EXCEEDED) at `timeout`."""
        try:
            await asyncio.wait_for(self._ready.wait(), timeout)
        except asyncio.TimeoutError:
            raise RpcError(grpc.StatusCode.DEADLINE_EXCEEDED,
                           f"deadline exceeded while watching server {self.server_id}") from None
        self._ready.clear()
        value, self._latest = self._latest, None
        if isinstance(value, RpcError):
            raise value
        return value

    def close(self) -> None:
        self.poller.unsubscribe(self)


@dataclasses.dataclass
class PollerStats:
    polls: int = 0          # list calls made
    failures: int = 0


class Poller:
    def __init__(self, fetch: Fetch, interval: float, on_idle: Callable[["Poller"], None],
                 name: str = ""):
        self.fetch = fetch
        self.interval = interval
        self.name = name
        self.stats = PollerStats()
        self._on_idle = on_idle
        self._subscribers: set[Subscription] = set()
        self._started_polls = 0
        self._failures_in_a_row = 0
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    def subscribe(self, server_id: str) -> Subscription:
        subscription = Subscription(self, server_id, self._started_polls + 1)
        self._subscribers.add(subscription)
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name=f"oaktree-poller {self.name}")
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscribers.discard(subscription)
        if not self._subscribers:
            self._wake.set()  # let the loop notice at once and stop

    async def _run(self) -> None:
        try:
            while self._subscribers:
                await self._poll_once()
                self._wake.clear()
                if not self._subscribers:
                    break
                try:
                    await asyncio.wait_for(self._wake.wait(), self.interval)
                except asyncio.TimeoutError:
                    pass
        finally:
            # No await between the last check and this: nobody can subscribe in between.
            self._task = None
            self._on_idle(self)
            if self._subscribers:  # cancelled with watchers left (server shutdown): tell them
                error = RpcError(grpc.StatusCode.UNAVAILABLE, "oaktree is shutting down")
                for subscription in list(self._subscribers):
                    subscription._offer(error)

    async def _poll_once(self) -> None:
        self._started_polls += 1
        number = self._started_polls
        watched = frozenset(s.server_id for s in self._subscribers)
        self.stats.polls += 1
        try:
            states = await self.fetch(watched)
        except Exception as exc:  # noqa: BLE001 - mapped; watchers decide after repeated failures
            self.stats.failures += 1
            self._failures_in_a_row += 1
            error = from_exception(exc, self.name)
            log.warning("poll of %s failed (%d in a row): %s", self.name, self._failures_in_a_row,
                        error.message)
            if self._failures_in_a_row >= FAILURES_BEFORE_ERROR:
                for subscription in list(self._subscribers):
                    if subscription.first_poll <= number:
                        subscription._offer(error)
            return
        self._failures_in_a_row = 0
        for subscription in list(self._subscribers):
            if subscription.first_poll <= number:
                subscription._offer(states.get(subscription.server_id, MISSING))
