"""The shared cache backend: Redis, so several oaktree replicas share lists and locks.

Per key: `<ns>:list:<key>` holds the entry (expiring with its stale window), `<ns>:lock:<key>`
the single-flight lock (SET NX with an expiry, so a crashed holder frees it), and the holder
announces the outcome on channel `<ns>:done:<key>`. Each process runs one pattern
subscription and wakes its local waiter; a waiter also re-checks the lock now and then, so a
missed message costs a short delay, never a hang. Per scope, `<ns>:epoch:<scope>` is the
invalidation counter.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid

import redis.asyncio as aioredis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# Delete the lock only if it is still ours (it may have expired and been re-taken), then
# tell the waiters; one round trip.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1
"""
_RECHECK_SECONDS = 0.5


class RedisBackend:
    shared = True

    def __init__(self, url: str, namespace: str = "oaktree"):
        self.url = url
        self._redis = aioredis.Redis.from_url(url)
        self._ns = namespace
        self._release = self._redis.register_script(_RELEASE)
        self._waiters: dict[bytes, set[asyncio.Future]] = {}
        self._listener: asyncio.Task | None = None
        self._listening = asyncio.Event()

    def _k(self, kind: str, name: str) -> str:
        return f"{self._ns}:{kind}:{name}"

    async def read(self, key: str, scope: str) -> tuple[bytes | None, int]:
        value, epoch = await self._redis.mget(self._k("list", key), self._k("epoch", scope))
        return value, int(epoch or 0)

    async def epoch(self, scope: str) -> int:
        return int(await self._redis.get(self._k("epoch", scope)) or 0)

    async def write(self, key: str, value: bytes, ttl: float) -> None:
        await self._redis.set(self._k("list", key), value, px=max(1, int(ttl * 1000)))

    async def delete(self, key: str) -> None:
        await self._redis.delete(self._k("list", key))

    async def invalidate(self, scope: str) -> None:
        await self._redis.incr(self._k("epoch", scope))

    async def acquire(self, key: str, seconds: float) -> str | None:
        token = uuid.uuid4().hex
        taken = await self._redis.set(self._k("lock", key), token, nx=True,
                                      px=max(1, int(seconds * 1000)))
        return token if taken else None

    async def release(self, key: str, token: str, outcome: bytes) -> None:
        await self._release(keys=[self._k("lock", key)],
                            args=[token, self._k("done", key), outcome])

    async def wait(self, key: str, timeout: float) -> bytes | None:
        await self._ensure_listener()
        channel = self._k("done", key).encode()
        future = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(channel, set()).add(future)
        deadline = time.monotonic() + timeout
        try:
            while True:
                # Subscribed first, then checked: a release in between is seen either way.
                if not await self._redis.exists(self._k("lock", key)):
                    return future.result() if future.done() else None
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                with contextlib.suppress(asyncio.TimeoutError):
                    return await asyncio.wait_for(asyncio.shield(future),
                                                  min(remaining, _RECHECK_SECONDS))
        finally:
            waiters = self._waiters.get(channel)
            if waiters is not None:
                waiters.discard(future)
                if not waiters:
                    del self._waiters[channel]

    async def _ensure_listener(self) -> None:
        if self._listener is None or self._listener.done():
            self._listener = asyncio.create_task(self._listen(), name="oaktree-cache-pubsub")
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._listening.wait(), 2.0)  # else the re-checks cover

    async def _listen(self) -> None:
        pattern = self._k("done", "*")
        while True:
            pubsub = self._redis.pubsub()
            try:
                await pubsub.psubscribe(pattern)
                async for message in pubsub.listen():
                    if message["type"] == "psubscribe":
                        self._listening.set()
                    elif message["type"] == "pmessage":
                        for future in self._waiters.get(message["channel"], ()):
                            if not future.done():
                                future.set_result(message["data"])
            except RedisError as exc:
                log.warning("cache pub/sub lost (%s); reconnecting", exc)
                self._listening.clear()
                await asyncio.sleep(1.0)
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
        await self._redis.aclose()
