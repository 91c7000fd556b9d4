"""Where cache entries live. Two implementations: memory (one process) and Redis (several
replicas share lists and single-flight locks).

Invalidation is by epoch: every scope (cloud, region, kind) has a counter, entries record
the counter at fetch time, and a write bumps it. A stale entry is then never read again,
and a list fetched while a write was landing (old epoch) can never be stored as current.
"""
from __future__ import annotations

from typing import Protocol


class Backend(Protocol):
    # True when other processes see the same entries: single-flight then also takes a
    # lock in the backend so one replica fetches while the others wait for its result.
    shared: bool

    async def read(self, key: str, scope: str) -> tuple[bytes | None, int]:
        """The entry stored under key (or None) and the scope's current epoch, at once."""

    async def epoch(self, scope: str) -> int: ...

    async def write(self, key: str, value: bytes, ttl: float) -> None: ...

    async def delete(self, key: str) -> None: ...

    async def invalidate(self, scope: str) -> None:
        """Bump the scope's epoch: every entry fetched before is dead."""

    async def acquire(self, key: str, seconds: float) -> str | None:
        """Try to take key's fetch lock for `seconds`; a token when taken, else None."""

    async def release(self, key: str, token: str, outcome: bytes) -> None:
        """Drop the lock (if still ours) and tell waiters how the fetch went."""

    async def wait(self, key: str, timeout: float) -> bytes | None:
        """Wait until key's lock is released: the holder's outcome, or None when the lock
        vanished without one (expired) or `timeout` passed."""

    async def close(self) -> None: ...


def open_backend(url: str, namespace: str = "oaktree") -> Backend:
    """"memory" (default) or redis://host:port/db (rediss:// and unix:// too)."""
    if url in ("", "memory"):
        from oaktree.cache.memory import MemoryBackend
        return MemoryBackend()
    if url.split("://", 1)[0] in ("redis", "rediss", "unix"):
        from oaktree.cache.redis_backend import RedisBackend
        return RedisBackend(url, namespace)
    raise ValueError(f"unknown cache backend {url!r}: use memory, none or redis://host:port/db")
