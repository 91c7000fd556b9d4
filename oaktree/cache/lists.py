"""Cached, coalesced backend lists: the policy that ties keys, entries, flights and a
backend together.

For one key (identity, principal, cloud, region, project, kind, query):
- fresh entry (younger than the kind's TTL) -> served, no backend call;
- stale entry (within the stale window) -> served at once; one background refresh;
- missing, expired, invalidated, or the caller sent no-cache -> the caller joins the
  key's flight: one backend list per process and, with a shared backend, one per fleet
  (the other replicas wait for the lock holder's result);
- a list holding an item in a transitional state (image saving, server building) is not
  stored, and any older entry is dropped: pollers see the next change at once (replicas
  that waited on that very fetch still get it, through a short-lived hand-off key).
Failures of a shared backend never fail a call: it is logged, counted and bypassed.
"""
from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable

from google.protobuf.message import Message
from google.rpc import status_pb2

from oaktree import metrics
from oaktree.cache.backend import Backend
from oaktree.cache.entry import CorruptEntry, Entry, decode_messages, encode_messages
from oaktree.cache.flight import SingleFlight
from oaktree.cache.keys import CacheKey, Scope
from oaktree.cache.settings import CacheSettings
from oaktree.errors import RpcError, from_exception

log = logging.getLogger(__name__)

# The backend list: called with how long it may wait for a rate-limit slot.
Loader = Callable[[float | None], Awaitable[list[Message]]]
_OK = b"ok"
_ERR = b"err:"
# A list too transitional to cache still reaches the other replicas waiting on its fetch:
# under a key of its own that only such waiters read, for a moment.
_HANDOFF = ":handoff"
_HANDOFF_SECONDS = 2.0


@dataclasses.dataclass(frozen=True)
class ListSpec:
    """What the cache needs to know about a resource kind."""

    kind: str                      # config key, e.g. "floating_ip"
    service: str                   # service type, e.g. "network" (metrics labels)
    message: type[Message]         # what the list holds
    transitional: Callable[[Message], bool] | None = None


class ListCache:
    def __init__(self, settings: CacheSettings, backend: Backend | None):
        self.settings = settings
        self.backend = backend
        self._flights: SingleFlight[list[Message]] = SingleFlight()
        self._background: set[asyncio.Task] = set()

    async def get(self, key: CacheKey, spec: ListSpec, load: Loader, *, fresh: bool,
                  timeout: float | None) -> list[Message]:
        labels = (key.target.cloud, spec.service, spec.kind)
        ttl = self.settings.ttl(spec.kind)
        cacheable = self.backend is not None and ttl > 0
        digest = key.digest()
        if cacheable and fresh:
            metrics.CACHE_BYPASSES.labels(*labels).inc()
        elif cacheable:
            entry = await self._read(key, digest)
            if entry is not None:
                age = time.time() - entry.fetched_at
                if age < ttl:
                    metrics.CACHE_HITS.labels(*labels, "fresh").inc()
                    return decode_messages(spec.message, entry.payload)
                if age < ttl + self.settings.stale_window(spec.kind):
                    metrics.CACHE_HITS.labels(*labels, "stale").inc()
                    self._refresh(key, digest, spec, load)
                    return decode_messages(spec.message, entry.payload)
            metrics.CACHE_MISSES.labels(*labels).inc()
        # A no-cache caller takes no list fetched before it arrived, even from another replica.
        not_before = time.time() if fresh else 0.0
        task, started = self._flights.start(
            digest, lambda: self._fetch(key, digest, spec, load, timeout, cacheable, not_before))
        if not started:
            metrics.CACHE_COALESCED.labels(*labels, "local").inc()
        return await self._flights.wait(task, timeout)

    async def invalidate(self, scope: Scope) -> None:
        """Every list of scope.kind in scope.cloud/scope.region is dead from now on."""
        if self.backend is None:
            return
        metrics.CACHE_INVALIDATIONS.labels(scope.cloud, scope.kind).inc()
        try:
            await self.backend.invalidate(scope.digest())
        except Exception:  # noqa: BLE001 - a shared backend being down must not fail a write
            metrics.CACHE_ERRORS.labels("invalidate").inc()
            log.warning("cache invalidation of %s failed", scope, exc_info=True)

    async def close(self) -> None:
        for task in list(self._background):
            task.cancel()
        if self.backend is not None:
            await self.backend.close()

    # -- internals -------------------------------------------------------------------

    def _refresh(self, key: CacheKey, digest: str, spec: ListSpec, load: Loader) -> None:
        """Stale-while-revalidate: one background flight per key; callers do not wait."""
        if self._flights.in_flight(digest):
            return
        task, _ = self._flights.start(
            digest, lambda: self._fetch(key, digest, spec, load, None, True, 0.0))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _read(self, key: CacheKey, digest: str) -> Entry | None:
        """The entry if present and not invalidated since it was fetched."""
        try:
            data, epoch = await self.backend.read(digest, key.scope.digest())
            if data is None:
                return None
            entry = Entry.decode(data)
        except CorruptEntry:
            return None
        except Exception:  # noqa: BLE001 - backend down: behave as a miss
            metrics.CACHE_ERRORS.labels("read").inc()
            log.warning("cache read failed", exc_info=True)
            return None
        return entry if entry.epoch == epoch else None

    def _usable(self, entry: Entry | None, spec: ListSpec, not_before: float) -> bool:
        """Another replica's list, found after waiting for or taking the lock: fresh enough?"""
        return (entry is not None and entry.fetched_at >= not_before
                and time.time() - entry.fetched_at < self.settings.ttl(spec.kind))

    async def _fetch(self, key: CacheKey, digest: str, spec: ListSpec, load: Loader,
                     wait: float | None, cacheable: bool, not_before: float) -> list[Message]:
        """The flight: one backend list (or, with a shared backend, another replica's)."""
        if not cacheable:
            return await load(wait)
        try:
            epoch = await self.backend.epoch(key.scope.digest())
        except Exception:  # noqa: BLE001
            metrics.CACHE_ERRORS.labels("read").inc()
            return await load(wait)
        if not self.backend.shared:
            return await self._load_and_store(key, digest, spec, load, wait, epoch)
        return await self._fetch_shared(key, digest, spec, load, wait, epoch, not_before)

    async def _fetch_shared(self, key: CacheKey, digest: str, spec: ListSpec, load: Loader,
                            wait: float | None, epoch: int, not_before: float) -> list[Message]:
        """Across replicas: take the key's lock and fetch, or wait for the holder's result."""
        labels = (key.target.cloud, spec.service, spec.kind)
        budget = self.settings.lock_seconds if wait is None else wait
        give_up = time.monotonic() + budget
        while True:
            try:
                token = await self.backend.acquire(digest, self.settings.lock_seconds)
            except Exception:  # noqa: BLE001
                metrics.CACHE_ERRORS.labels("lock").inc()
                return await load(wait)
            if token is not None:
                return await self._fetch_holding(key, digest, spec, load, wait, epoch, token,
                                                 not_before)
            try:
                outcome = await self.backend.wait(digest, max(give_up - time.monotonic(), 0))
            except Exception:  # noqa: BLE001
                metrics.CACHE_ERRORS.labels("lock").inc()
                return await load(wait)
            if outcome is not None and outcome.startswith(_ERR):
                metrics.CACHE_COALESCED.labels(*labels, "shared").inc()
                raise RpcError.from_status(status_pb2.Status.FromString(outcome[len(_ERR):]))
            entry = await self._read(key, digest)
            if not self._usable(entry, spec, not_before):
                entry = await self._read(key, digest + _HANDOFF)
                if entry is not None and not (entry.fetched_at >= not_before and
                                              time.time() - entry.fetched_at < _HANDOFF_SECONDS):
                    entry = None
            if entry is not None:
                metrics.CACHE_COALESCED.labels(*labels, "shared").inc()
                return decode_messages(spec.message, entry.payload)
            if time.monotonic() >= give_up:
                return await load(wait)  # the holder is stuck: do not wait any longer
            # The holder failed without a word or its lock expired: try again.

    async def _fetch_holding(self, key, digest, spec, load, wait, epoch, token,
                             not_before) -> list[Message]:
        outcome = _OK
        try:
            # Another replica may have stored the list between our read and our lock.
            entry = await self._read(key, digest)
            if self._usable(entry, spec, not_before):
                return decode_messages(spec.message, entry.payload)
            return await self._load_and_store(key, digest, spec, load, wait, epoch)
        except Exception as exc:
            outcome = _ERR + from_exception(exc).to_status().SerializeToString()
            raise
        finally:
            try:
                await self.backend.release(digest, token, outcome)
            except Exception:  # noqa: BLE001 - the lock expires by itself
                metrics.CACHE_ERRORS.labels("lock").inc()

    async def _load_and_store(self, key: CacheKey, digest: str, spec: ListSpec, load: Loader,
                              wait: float | None, epoch: int) -> list[Message]:
        started = time.time()  # age counts from before the cloud answered: conservative
        items = await load(wait)
        try:
            if spec.transitional is not None and any(spec.transitional(m) for m in items):
                metrics.CACHE_UNCACHEABLE.labels(key.target.cloud, spec.service, spec.kind).inc()
                await self.backend.delete(digest)
                if self.backend.shared:
                    # Not cached, but handed to the replicas waiting for this very fetch.
                    entry = Entry(started, epoch, encode_messages(items))
                    await self.backend.write(digest + _HANDOFF, entry.encode(), _HANDOFF_SECONDS)
            else:
                ttl = self.settings.ttl(spec.kind)
                entry = Entry(started, epoch, encode_messages(items))
                await self.backend.write(digest, entry.encode(),
                                         ttl + self.settings.stale_window(spec.kind))
        except Exception:  # noqa: BLE001 - the caller has its list; the cache just missed it
            metrics.CACHE_ERRORS.labels("write").inc()
            log.warning("cache write failed", exc_info=True)
        return items
