"""The cache's and limiter's parts that need no cloud: entry bytes, keys, configuration,
Cache-Control parsing, single-flight and the token bucket."""
from __future__ import annotations

import asyncio

import grpc
import pytest

from oaktree import calls, config
from oaktree.cache.entry import CorruptEntry, Entry, decode_messages, encode_messages
from oaktree.cache.flight import SingleFlight
from oaktree.cache.keys import CacheKey, normalise_query, principal_of
from oaktree.cache.settings import DEFAULT_TTLS
from oaktree.connections import Target
from oaktree.errors import RpcError
from oaktree.identity import Identity
from oaktree.limits import Limit, LimitSettings, Limiter
from oaktree.v1 import compute_pb2, location_pb2


def test_entry_round_trip_is_protobuf_not_pickle():
    flavors = [compute_pb2.Flavor(id=str(i), name=f"m{i}", ram=512 * i,
                                  location=location_pb2.Location(cloud="c", region="r"))
               for i in range(300)]  # lengths past one varint byte
    flavors.append(compute_pb2.Flavor())  # an empty message is zero bytes: still one item
    data = Entry(1234.5, 7, encode_messages(flavors)).encode()
    entry = Entry.decode(data)
    assert (entry.fetched_at, entry.epoch) == (1234.5, 7)
    assert decode_messages(compute_pb2.Flavor, entry.payload) == flavors
    assert b"pickle" not in data and not data.startswith(b"\x80")
    with pytest.raises(CorruptEntry):
        Entry.decode(b"\x80\x04junk")
    with pytest.raises(CorruptEntry):
        decode_messages(compute_pb2.Flavor, entry.payload[:-3])


def test_keys_separate_everything_that_changes_the_answer():
    base = CacheKey.of(Identity("a", ""), "p", Target("c", "r"), "image")
    variants = [
        CacheKey.of(Identity("b", ""), "p", Target("c", "r"), "image"),
        CacheKey.of(Identity("a", ""), "q", Target("c", "r"), "image"),
        CacheKey.of(Identity("a", ""), "p", Target("d", "r"), "image"),
        CacheKey.of(Identity("a", ""), "p", Target("c", "s"), "image"),
        CacheKey.of(Identity("a", ""), "p", Target("c", "r", project_id="x"), "image"),
        CacheKey.of(Identity("a", ""), "p", Target("c", "r", project_name="x"), "image"),
        CacheKey.of(Identity("a", ""), "p", Target("c", "r"), "flavor"),
        CacheKey.of(Identity("a", ""), "p", Target("c", "r"), "image", {"all_projects": True}),
    ]
    digests = {base.digest(), *(v.digest() for v in variants)}
    assert len(digests) == len(variants) + 1
    assert normalise_query({"b": 1, "a": 2}) == normalise_query({"a": 2, "b": 1})
    named = CacheKey.of(Identity("alice-user-id", ""), "p", Target("prod", "r", project_name="secret"),
                        "image")
    assert all(word not in named.digest() for word in ("alice", "prod", "secret"))  # hashed
    assert len(named.digest()) == 64


def test_principal_ignores_secrets_but_not_users():
    demo = {"auth_type": "password", "auth": {"auth_url": "u", "username": "demo", "password": "1"}}
    same_user_new_password = {**demo, "auth": {**demo["auth"], "password": "2"}}
    alt = {**demo, "auth": {**demo["auth"], "username": "alt"}}
    assert principal_of(demo) == principal_of(same_user_new_password)
    assert principal_of(demo) != principal_of(alt)


@pytest.mark.parametrize("metadata, fresh", [
    ((("cache-control", "no-cache"),), True),
    ((("grpcgateway-cache-control", "max-age=0"),), True),       # the REST header, forwarded
    ((("grpcgateway-cache-control", "private, No-Store"),), True),
    ((("cache-control", "max-age=60"),), False),
    ((("pragma", "no-cache"),), False),
    ((), False),
])
def test_cache_control(metadata, fresh):
    assert calls.wants_fresh(metadata) is fresh


def test_config_file(tmp_path):
    path = tmp_path / "oaktree.yaml"
    path.write_text("""
cache:
  backend: redis://127.0.0.1:6379/0
  ttl: {flavor: 600, server: 2}
limits:
  max_wait: 5
  clouds:
    devcloud: {compute: {rate: 5, burst: 10, concurrency: 4}}
    "*": {"*": {concurrency: 16}}
""")
    loaded = config.load(path)
    assert loaded.cache.backend == "redis://127.0.0.1:6379/0"
    assert (loaded.cache.ttl("flavor"), loaded.cache.ttl("server")) == (600, 2)
    assert loaded.cache.ttl("image") == DEFAULT_TTLS["image"]
    assert loaded.limits.limit_for("devcloud", "compute") == Limit(rate=5, burst=10, concurrency=4)
    assert loaded.limits.limit_for("other", "image") == Limit(concurrency=16)
    assert loaded.limits.max_wait == 5
    assert config.load(path, "memory").cache.backend == "memory"   # --cache wins
    assert config.load(None).cache.backend == "memory"


@pytest.mark.parametrize("text, message", [
    ("cache: {ttls: {}}", "unknown key(s) ttls"),
    ("cache: {ttl: {image: -1}}", "cache.ttl.image: want a non-negative number"),
    ("cache: {backend: memcached://x}", "want memory, none or redis://"),
    ("limits: {clouds: {c: {compute: {rate: fast}}}}", "compute.rate: want a non-negative number"),
    ("limits: {clouds: {c: {compute: {rpm: 1}}}}", "unknown key(s) rpm"),
    ("caches: {}", "unknown key(s) caches"),
])
def test_config_errors_name_the_key(tmp_path, text, message):
    path = tmp_path / "oaktree.yaml"
    path.write_text(text)
    with pytest.raises(config.ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        config.load(path)


async def test_single_flight_survives_a_leaving_caller():
    flights: SingleFlight[int] = SingleFlight()
    started = asyncio.Event()
    release = asyncio.Event()
    runs = 0

    async def work():
        nonlocal runs
        runs += 1
        started.set()
        await release.wait()
        return 42

    leader, is_new = flights.start("k", work)
    follower, joined_new = flights.start("k", work)
    assert (is_new, joined_new, leader is follower) == (True, False, True)
    await started.wait()
    with pytest.raises(RpcError) as impatient:
        await SingleFlight.wait(leader, 0.01)   # the leader's deadline passes...
    assert impatient.value.code == grpc.StatusCode.DEADLINE_EXCEEDED
    release.set()
    assert await SingleFlight.wait(follower, 5) == 42   # ...the others still get the answer
    assert runs == 1 and not flights.in_flight("k")


async def test_limiter_unlimited_by_default_and_refuses_what_the_deadline_cannot_cover():
    limiter = Limiter(LimitSettings(rules={("c", "image"): Limit(rate=1, burst=2)}))
    for _ in range(2):
        async with limiter.slot("c", "image", 0):  # the burst: no wait
            pass
    with pytest.raises(RpcError) as refused:
        async with limiter.slot("c", "image", 0.1):  # next token in ~1 s
            pass
    assert refused.value.code == grpc.StatusCode.RESOURCE_EXHAUSTED
    retry = [d for d in refused.value.details if d.DESCRIPTOR.name == "RetryInfo"][0]
    assert 0.5 < retry.retry_delay.ToTimedelta().total_seconds() <= 1.0
    for _ in range(5):
        async with limiter.slot("c", "compute", 0):  # no rule: never waits
            pass
