"""The list cache: identity-keyed, coalesced (single-flight), stale-while-revalidate,
invalidated on writes, in memory or shared between replicas through Redis.

Modules: settings (TTLs per kind), keys (what a key holds), entry (bytes format),
backend (interface + factory), memory / redis_backend (the two backends), flight (asyncio
single-flight), lists (the policy tying them together).
"""
