"""The in-process cache backend: a dict with expiry times. Single-flight needs no lock
here (the asyncio flights in lists.py already make one fetch per process)."""
from __future__ import annotations

import time


class MemoryBackend:
    shared = False
    _SWEEP_EVERY = 256  # writes between sweeps of expired entries

    def __init__(self):
        self._entries: dict[str, tuple[bytes, float]] = {}
        self._epochs: dict[str, int] = {}
        self._writes = 0

    async def read(self, key: str, scope: str) -> tuple[bytes | None, int]:
        found = self._entries.get(key)
        if found is not None and found[1] <= time.monotonic():
            del self._entries[key]
            found = None
        return (found[0] if found else None), self._epochs.get(scope, 0)

    async def epoch(self, scope: str) -> int:
        return self._epochs.get(scope, 0)

    async def write(self, key: str, value: bytes, ttl: float) -> None:
        now = time.monotonic()
        self._entries[key] = (value, now + ttl)
        self._writes += 1
        if self._writes % self._SWEEP_EVERY == 0:
            for stale in [k for k, (_, expires) in self._entries.items() if expires <= now]:
                del self._entries[stale]

    async def delete(self, key: str) -> None:
        self._entries.pop(key, None)

    async def invalidate(self, scope: str) -> None:
        self._epochs[scope] = self._epochs.get(scope, 0) + 1

    async def acquire(self, key: str, seconds: float) -> str | None:
        return "local"

    async def release(self, key: str, token: str, outcome: bytes) -> None:
        pass

    async def wait(self, key: str, timeout: float) -> bytes | None:
        return None

    async def close(self) -> None:
        self._entries.clear()
