"""In-process: token validations are shared and bounded, and per-token connections are
bounded, evicted least-recently-used first, closed, and dropped when a token is revoked.
Real Keystone tokens; no server process."""
from __future__ import annotations

import asyncio

import grpc
import pytest
from auth_helpers import new_token, revoke

from oaktree.blocking import BlockingPool
from oaktree.clouds import CloudRegistry
from oaktree.connections import ConnectionPool, Target
from oaktree.errors import RpcError
from oaktree.identity import SERVER
from oaktree.keystone import TokenValidator, keystones_of

TARGET = Target("devcloud", "RegionOne")


@pytest.fixture
def parts(clouds_yaml):
    registry = CloudRegistry.load([str(clouds_yaml)], ["devcloud"])
    blocking = BlockingPool(4)
    pool = ConnectionPool(registry, shared=True, max_token_connections=2)
    validator = TokenValidator(keystones_of(registry), blocking, 30, on_forget=pool.drop)
    yield pool, validator
    pool.close()
    blocking.shutdown()


def spy_close(connection, closed: list) -> None:
    original = connection.close
    connection.close = lambda: (closed.append(connection), original())


async def test_one_validation_for_concurrent_calls(parts, monkeypatch):
    _, validator = parts
    calls = []
    real = validator._validate_blocking
    monkeypatch.setattr(validator, "_validate_blocking", lambda *a: (calls.append(1), real(*a))[1])
    token = new_token("devcloud")
    identities = await asyncio.gather(*(validator.identity(token) for _ in range(8)))
    assert len(calls) == 1 and len({i.key for i in identities}) == 1
    assert token not in identities[0].key and token not in repr(identities[0])


async def test_connections_are_bounded_least_recently_used_first(parts):
    pool, validator = parts
    identities = [await validator.identity(new_token("devcloud")) for _ in range(3)]
    assert len({i.key for i in identities}) == 3  # same user and project, three tokens
    closed = []
    first = pool.get(identities[0], TARGET)
    second = pool.get(identities[1], TARGET)
    spy_close(first, closed)
    spy_close(second, closed)
    assert pool.get(identities[0], TARGET) is first   # reused, and now the most recent
    pool.get(identities[2], TARGET)                   # evicts the least recent: the second
    assert pool.token_connection_count() == 2 and closed == [second]
    assert pool.get(identities[0], TARGET) is first
    assert pool.get(identities[1], TARGET) is not second  # made anew; evicts the third
    pool.get(identities[2], TARGET)                       # made anew; evicts the first
    assert closed == [second, first]


async def test_revoked_token_drops_its_connections(parts, demo):
    pool, validator = parts
    validator.revalidate_seconds = 0  # every call re-validates
    token = new_token("devcloud")
    identity = await validator.identity(token)
    connection = pool.get(identity, TARGET)
    assert connection.list_floating_ips() is not None  # acts with the token
    revoke(demo, token)
    with pytest.raises(RpcError) as caught:
        await validator.identity(token)
    assert caught.value.code == grpc.StatusCode.UNAUTHENTICATED
    assert pool.token_connection_count() == 0


def test_shared_pool_never_acts_as_the_server(parts):
    pool, _ = parts
    with pytest.raises(RpcError) as caught:
        pool.get(SERVER, TARGET)
    assert caught.value.code == grpc.StatusCode.UNAUTHENTICATED


async def test_pool_refuses_another_project_or_keystone(parts):
    """Defence in depth: even a code path that skipped Fanout.targets cannot leave the token's scope."""
    pool, validator = parts
    identity = await validator.identity(new_token("devcloud"))
    for target in (Target("devcloud", "RegionOne", project_name="alt"),
                   Target("devcloud", "RegionOne", project_id="not-the-tokens-project")):
        with pytest.raises(RpcError) as caught:
            pool.get(identity, target)
        assert caught.value.code == grpc.StatusCode.PERMISSION_DENIED
    same = identity.credential.project
    assert pool.get(identity, Target("devcloud", "RegionOne", project_id=same["id"])) \
        is pool.get(identity, TARGET)
