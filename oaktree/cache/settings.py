"""What the cache does, per resource kind: how long a list stays fresh, how long a stale one
may still be served while one caller refreshes it, and where entries live.

Defaults follow shade's experience: catalogue-like kinds (flavors) change rarely and get a
long TTL; hot kinds that nodepool polls (servers, ports, floating IPs) a few seconds, so N
pollers cost one backend list per window. A TTL of 0 disables caching for that kind (the
calls are still coalesced while in flight).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping

DEFAULT_TTLS: Mapping[str, float] = {
    "flavor": 300.0,
    "image": 60.0,
    "keypair": 60.0,
    "network": 60.0,
    "subnet": 60.0,
    "security_group": 30.0,
    "volume": 5.0,
    "server": 5.0,
    "port": 5.0,
    "floating_ip": 5.0,
}
FALLBACK_TTL = 10.0  # a kind nobody configured


@dataclasses.dataclass(frozen=True)
class CacheSettings:
    backend: str = "memory"                 # "memory", "none", or redis://host:port/db
    ttls: Mapping[str, float] = dataclasses.field(default_factory=dict)  # overrides DEFAULT_TTLS
    default_ttl: float = FALLBACK_TTL
    # A list older than its TTL but younger than TTL + stale_window is served at once while
    # one caller refreshes it (stale-while-revalidate); past that, callers wait for a refresh.
    stale_factor: float = 1.0               # stale window = stale_factor × TTL
    namespace: str = "oaktree"              # key prefix in a shared backend
    lock_seconds: float = 30.0              # a shared single-flight lock outlives a dead holder this long
    backend_timeout: float = 120.0          # cap on one backend list (frees its concurrency slot)

    @property
    def enabled(self) -> bool:
        return self.backend != "none"

    def ttl(self, kind: str) -> float:
        if kind in self.ttls:
            return float(self.ttls[kind])
        return float(DEFAULT_TTLS.get(kind, self.default_ttl))

    def stale_window(self, kind: str) -> float:
        return self.ttl(kind) * self.stale_factor
