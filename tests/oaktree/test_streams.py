"""oaktree.streams: bounded queues between the event loop and a worker thread.

In-process (no cloud needed): the properties are about the two sides of the queue —
bounded memory, back-pressure both ways, and neither side left waiting when the other
gives up.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import threading

import grpc
import pytest

from oaktree.errors import RpcError
from oaktree.streams import Inbound, Outbound, StreamAborted

POOL = concurrent.futures.ThreadPoolExecutor(4)


def run(coroutine):
    return asyncio.run(coroutine)


def test_inbound_delivers_everything_in_order_and_joins_small_chunks():
    async def main():
        inbound = Inbound(asyncio.get_running_loop(), depth=4, batch_bytes=1000)
        work = asyncio.get_running_loop().run_in_executor(POOL, lambda: list(inbound))
        for index in range(50):
            await inbound.put(bytes([index]) * 100, work)
        await inbound.finish(work)
        return await work

    chunks = run(main())
    assert b"".join(chunks) == b"".join(bytes([i]) * 100 for i in range(50))
    assert all(len(c) <= 1100 for c in chunks)


def test_inbound_back_pressure_bounds_what_is_queued():
    """A worker that does not read lets at most `depth` chunks pile up: the loop side waits."""
    async def main():
        loop = asyncio.get_running_loop()
        inbound, release = Inbound(loop, depth=3), threading.Event()

        def slow_reader():
            release.wait(10)
            return sum(len(c) for c in inbound)

        work = loop.run_in_executor(POOL, slow_reader)
        for _ in range(3):
            await inbound.put(b"x" * 10, work)  # fills the queue
        blocked = asyncio.ensure_future(inbound.put(b"x" * 10, work))
        await asyncio.sleep(0.2)
        assert not blocked.done()  # the fourth chunk waits for the reader
        release.set()
        await blocked
        await inbound.finish(work)
        return await work

    assert run(main()) == 40


def test_inbound_abort_fails_the_reader():
    async def main():
        loop = asyncio.get_running_loop()
        inbound = Inbound(loop)
        work = loop.run_in_executor(POOL, lambda: list(inbound))
        await inbound.put(b"a", work)
        inbound.abort(StreamAborted("client went away"))
        return await work

    with pytest.raises(StreamAborted):
        run(main())


def test_inbound_producer_is_released_when_the_worker_fails():
    async def main():
        loop = asyncio.get_running_loop()
        inbound = Inbound(loop, depth=1)

        def failing_reader():
            raise RpcError(grpc.StatusCode.INVALID_ARGUMENT, "bad disk format")

        work = loop.run_in_executor(POOL, failing_reader)
        for _ in range(5):  # would wait forever on a full queue without the race
            await inbound.put(b"x", work)

    with pytest.raises(RpcError) as failure:
        run(asyncio.wait_for(main(), 10))
    assert failure.value.code == grpc.StatusCode.INVALID_ARGUMENT


def test_outbound_delivers_and_ends():
    async def main():
        loop = asyncio.get_running_loop()
        out = Outbound(loop, depth=2)

        def produce():
            for index in range(20):
                assert out.put(bytes([index]))
            out.finish()

        work = loop.run_in_executor(POOL, produce)
        got = []
        while (chunk := await out.get(work)) is not None:
            got.append(chunk)
        await work
        return got

    assert run(main()) == [bytes([i]) for i in range(20)]


def test_outbound_worker_stops_when_the_consumer_leaves():
    async def main():
        loop = asyncio.get_running_loop()
        out, produced = Outbound(loop, depth=2), []

        def produce():
            for index in range(1000):
                if not out.put(b"c"):
                    return index
                produced.append(index)
            return -1

        work = loop.run_in_executor(POOL, produce)
        await out.get(work)
        out.close()  # the client went away after one chunk
        return await asyncio.wait_for(work, 10), produced

    stopped_at, produced = run(main())
    assert 0 <= stopped_at < 10 and len(produced) < 10  # bounded by the queue, then stopped


def test_outbound_consumer_sees_the_worker_error():
    async def main():
        loop = asyncio.get_running_loop()
        out = Outbound(loop)

        def produce():
            out.put(b"first")
            raise RpcError(grpc.StatusCode.DATA_LOSS, "checksum mismatch")

        work = loop.run_in_executor(POOL, produce)
        assert await out.get(work) == b"first"
        await out.get(work)

    with pytest.raises(RpcError) as failure:
        run(main())
    assert failure.value.code == grpc.StatusCode.DATA_LOSS
