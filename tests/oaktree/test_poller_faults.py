"""The poller's behaviour on faults the local cloud cannot produce on demand (a cloud that
stops answering mid-watch), with a scripted fetch instead of a cloud. Everything else
about watching is tested against the real cloud (test_servers.py, test_watch_poller.py)."""
from __future__ import annotations

import asyncio

import grpc
import pytest
from keystoneauth1 import exceptions as ksa_exc

from oaktree.errors import RpcError
from oaktree.watch.poller import FAILURES_BEFORE_ERROR, MISSING, Poller


async def test_a_blip_is_ridden_out_but_a_dead_cloud_ends_the_watch():
    script = ["ok", "fail", "ok", *["fail"] * FAILURES_BEFORE_ERROR]
    calls = []

    async def fetch(watched):
        calls.append(watched)
        step = script[min(len(calls), len(script)) - 1]
        if step == "fail":
            raise ksa_exc.ConnectFailure("cloud went away")
        return {"s1": "state"}

    idle = []
    poller = Poller(fetch, interval=0.01, on_idle=idle.append, name="test")
    subscription = poller.subscribe("s1")
    assert await subscription.next(5) == "state"
    assert await subscription.next(5) == "state"  # the failure in between was not passed on
    with pytest.raises(RpcError) as caught:
        await subscription.next(5)
    assert caught.value.code == grpc.StatusCode.UNAVAILABLE
    subscription.close()
    for _ in range(100):
        if idle:
            break
        await asyncio.sleep(0.01)
    assert idle == [poller]  # the last watcher left: the poller stopped and said so


async def test_one_fetch_serves_every_subscriber_and_only_polls_after_they_joined():
    calls = []

    async def fetch(watched):
        calls.append(set(watched))
        await asyncio.sleep(0.01)
        return {"a": "A"}

    poller = Poller(fetch, interval=0.05, on_idle=lambda p: None)
    subscriptions = [poller.subscribe(server_id) for server_id in ("a", "a", "b")]
    results = await asyncio.gather(*(s.next(5) for s in subscriptions))
    assert results == ["A", "A", MISSING]
    assert calls[0] == {"a", "b"} and len(calls) == 1
    for subscription in subscriptions:
        subscription.close()


async def test_deadline_while_waiting():
    async def fetch(watched):
        await asyncio.sleep(10)
        return {}

    poller = Poller(fetch, interval=1, on_idle=lambda p: None)
    subscription = poller.subscribe("x")
    with pytest.raises(RpcError) as caught:
        await subscription.next(0.05)
    assert caught.value.code == grpc.StatusCode.DEADLINE_EXCEEDED
    subscription.close()
    poller._task.cancel()
