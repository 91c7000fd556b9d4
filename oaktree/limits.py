"""Rate limits and concurrency caps per (cloud, service), applied before the thread pool.

A call first takes a concurrency slot, then a token from the rate bucket. Over the limit it
waits, but never past the caller's deadline: if the slot or token cannot come in time the
call fails at once with RESOURCE_EXHAUSTED (with a RetryInfo saying when to come back)
instead of sleeping until the deadline and failing anyway.

The unit is one oaktree backend call (a whole list, or one write) per cloud region, the
thing the cache coalesces; a list that pages through several HTTP requests, and the
token/catalog requests keystoneauth makes, take one token between them.

Not openstacksdk's `rate_limit`: in 4.10 it raises on first use (scalar form) or divides a
float by a string (dict form). Ours is asyncio-native, so waiting costs no worker thread.
"""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import math
import time
from collections.abc import AsyncIterator, Mapping

import grpc
from google.protobuf import duration_pb2
from google.rpc import error_details_pb2

from oaktree import metrics
from oaktree.errors import DOMAIN, RpcError

ANY = "*"


@dataclasses.dataclass(frozen=True)
class Limit:
    rate: float | None = None        # calls per second; None: unlimited
    burst: int | None = None         # calls allowed at once after idling; default ceil(rate)
    concurrency: int | None = None   # calls in flight at once; None: unlimited

    @property
    def bucket_size(self) -> int:
        return self.burst or max(1, math.ceil(self.rate or 1))


@dataclasses.dataclass(frozen=True)
class LimitSettings:
    # {(cloud or "*", service or "*"): Limit}; the most specific rule wins.
    rules: Mapping[tuple[str, str], Limit] = dataclasses.field(default_factory=dict)
    max_wait: float = 30.0           # how long a caller without a deadline may wait

    def limit_for(self, cloud: str, service: str) -> Limit | None:
        for key in ((cloud, service), (cloud, ANY), (ANY, service), (ANY, ANY)):
            if key in self.rules:
                return self.rules[key]
        return None


def exhausted(cloud: str, service: str, what: str, retry_after: float) -> RpcError:
    delay = duration_pb2.Duration()
    delay.FromNanoseconds(int(max(retry_after, 0.0) * 1e9))
    return RpcError(
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        f"{cloud}: {what} for {service or 'the cloud'} would outlast the deadline "
        f"(retry in {retry_after:.2f}s)",
        [error_details_pb2.ErrorInfo(reason="RATE_LIMITED", domain=DOMAIN,
                                     metadata={"cloud": cloud, "service": service}),
         error_details_pb2.RetryInfo(retry_delay=delay)])


class TokenBucket:
    """Tokens accrue at `rate` per second up to `size`. A caller reserves the next token at
    once (tokens may go negative) and sleeps until it is due, so waiters are served in
    arrival order and a reservation that would miss the deadline is never made."""

    def __init__(self, rate: float, size: int):
        self.rate = rate
        self.size = size
        self._tokens = float(size)
        self._updated = time.monotonic()

    def _refill(self, now: float) -> None:
        self._tokens = min(self.size, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    def reserve(self, deadline: float) -> float:
        """Seconds to sleep before the reserved token is due; raises ValueError (with the
        delay) when that is past `deadline` (monotonic)."""
        now = time.monotonic()
        self._refill(now)
        delay = max(0.0, (1.0 - self._tokens) / self.rate)
        if delay > 0 and now + delay > deadline:
            raise ValueError(delay)
        self._tokens -= 1.0
        return delay

    def refund(self) -> None:
        self._tokens = min(self.size, self._tokens + 1.0)


class _Gate:
    """One (cloud, service): a semaphore and a bucket, either optional."""

    def __init__(self, limit: Limit):
        self.semaphore = asyncio.Semaphore(limit.concurrency) if limit.concurrency else None
        self.bucket = TokenBucket(limit.rate, limit.bucket_size) if limit.rate else None


class Limiter:
    def __init__(self, settings: LimitSettings | None = None):
        self.settings = settings or LimitSettings()
        self._gates: dict[tuple[str, str], _Gate | None] = {}

    def _gate(self, cloud: str, service: str) -> _Gate | None:
        key = (cloud, service)
        if key not in self._gates:
            limit = self.settings.limit_for(cloud, service)
            self._gates[key] = _Gate(limit) if limit and (limit.rate or limit.concurrency) else None
        return self._gates[key]

    @contextlib.asynccontextmanager
    async def slot(self, cloud: str, service: str, wait: float | None) -> AsyncIterator[None]:
        """Hold a concurrency slot and spend one rate token for the body. `wait`: seconds
        the caller may wait (its deadline), None for the configured maximum."""
        gate = self._gate(cloud, service)
        if gate is None:
            yield
            return
        deadline = time.monotonic() + (self.settings.max_wait if wait is None else max(wait, 0.0))
        held = False
        if gate.semaphore is not None:
            if gate.semaphore.locked():
                metrics.LIMIT_WAITS.labels(cloud, service).inc()
                try:
                    await asyncio.wait_for(gate.semaphore.acquire(),
                                           max(deadline - time.monotonic(), 0))
                except asyncio.TimeoutError:
                    metrics.LIMIT_REJECTIONS.labels(cloud, service).inc()
                    raise exhausted(cloud, service, "waiting for a concurrency slot", 1.0) from None
            else:
                await gate.semaphore.acquire()  # free: immediate, even with no time left
            held = True
        try:
            if gate.bucket is not None:
                try:
                    delay = gate.bucket.reserve(deadline)
                except ValueError as over:
                    metrics.LIMIT_REJECTIONS.labels(cloud, service).inc()
                    raise exhausted(cloud, service, "waiting for the rate limit", over.args[0]) from None
                if delay > 0:
                    metrics.LIMIT_WAITS.labels(cloud, service).inc()
                    try:
                        await asyncio.sleep(delay)
                    except asyncio.CancelledError:
                        gate.bucket.refund()  # the caller left: its token goes back
                        raise
            yield
        finally:
            if held:
                gate.semaphore.release()
