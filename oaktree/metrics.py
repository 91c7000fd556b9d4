"""The process's Prometheus counters (served at /metrics).

Registered once, on prometheus_client's default registry, so every Core in the process
(tests build several) adds to the same series.
"""
from __future__ import annotations

from prometheus_client import Counter

CACHE_HITS = Counter(
    "oaktree_cache_hits", "Lists answered from the cache (state: fresh, or stale while one "
    "caller refreshes).", ["cloud", "service", "kind", "state"])
CACHE_MISSES = Counter(
    "oaktree_cache_misses", "Lists not in the cache (or expired, or invalidated).",
    ["cloud", "service", "kind"])
CACHE_BYPASSES = Counter(
    "oaktree_cache_bypasses", "Lists asked for with Cache-Control: no-cache.",
    ["cloud", "service", "kind"])
CACHE_COALESCED = Counter(
    "oaktree_cache_coalesced", "Calls that shared another caller's backend list instead of "
    "making their own (where: local = same process, shared = another replica via the shared "
    "backend).", ["cloud", "service", "kind", "where"])
CACHE_UNCACHEABLE = Counter(
    "oaktree_cache_uncacheable", "Backend lists not cached because an item was in a "
    "transitional state.", ["cloud", "service", "kind"])
CACHE_INVALIDATIONS = Counter(
    "oaktree_cache_invalidations", "Invalidations after writes.", ["cloud", "kind"])
CACHE_ERRORS = Counter(
    "oaktree_cache_errors", "Shared cache backend failures (the call went to the cloud "
    "instead).", ["operation"])
BACKEND_CALLS = Counter(
    "oaktree_backend_calls", "Calls made to a cloud (one per list or write per cloud region).",
    ["cloud", "service"])
LIMIT_WAITS = Counter(
    "oaktree_limit_waits", "Calls that waited for a rate-limit token or a concurrency slot.",
    ["cloud", "service"])
LIMIT_REJECTIONS = Counter(
    "oaktree_limit_rejections", "Calls refused with RESOURCE_EXHAUSTED: the wait for a "
    "rate-limit token or concurrency slot would outlast the caller's deadline.",
    ["cloud", "service"])
