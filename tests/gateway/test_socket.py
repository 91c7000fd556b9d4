"""Over a real uvicorn socket: per-message flush, SSE keep-alives, disconnects, streamed uploads."""
from __future__ import annotations

import asyncio
import hashlib
import json
import socket

import httpx
import pytest
import uvicorn

from gw_helpers import SERVICE, make_gateway
from gateway import Gateway

SAFETY = 30  # seconds; only a guard against hangs, never asserted on


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gated:
    """StreamBooks that, after its first message, waits until the test opens the gate."""

    def __init__(self, servicer):
        self._servicer = servicer
        self.gate = asyncio.Event()
        self.cancelled = asyncio.Event()
        self.yielded = 0

    async def StreamBooks(self, request, context):
        async for book in self._servicer.StreamBooks(request, context):
            yield book
            self.yielded += 1
            if self.yielded == 1:
                try:
                    await self.gate.wait()
                except asyncio.CancelledError:
                    self.cancelled.set()
                    raise

    def __getattr__(self, name):  # every other method: the plain test servicer
        return getattr(self._servicer, name)


@pytest.fixture
async def served():
    started: list = []

    async def start(**kwargs):
        _, servicer = make_gateway()
        gated = Gated(servicer)
        gw = Gateway({SERVICE: gated}, **kwargs)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(gw.app, host="127.0.0.1", port=port, log_level="warning"))
        task = asyncio.ensure_future(server.serve())
        while not server.started:
            await asyncio.sleep(0.01)
        started.append((server, task))
        return f"http://127.0.0.1:{port}", gated

    yield start
    for server, task in started:
        server.should_exit = True
        await asyncio.wait_for(task, SAFETY)


async def test_ndjson_is_flushed_per_message(served):
    base, gated = await served()
    async with httpx.AsyncClient(base_url=base, timeout=SAFETY) as client:
        async with client.stream("GET", "/v1/shelves/s/books:stream?count=3") as response:
            lines = response.aiter_lines()
            first = await anext(lines)
            # The first line arrived while the servicer is still blocked before message 2.
            assert gated.yielded == 1 and not gated.gate.is_set()
            assert json.loads(first) == {"result": {"name": "shelves/s/books/0", "title": "", "pages": "0"}}
            gated.gate.set()
            rest = [json.loads(line) async for line in lines if line]
    assert [r["result"]["pages"] for r in rest] == ["1", "2"]
    assert response.headers["transfer-encoding"] == "chunked"


async def test_sse_sends_keepalive_comments_while_waiting(served):
    base, gated = await served(sse_keepalive=0.05)
    async with httpx.AsyncClient(base_url=base, timeout=SAFETY) as client:
        async with client.stream("GET", "/v1/shelves/s/books:stream?count=2",
                                 headers={"Accept": "text/event-stream"}) as response:
            assert response.headers["content-type"] == "text/event-stream"
            seen = b""
            async for chunk in response.aiter_raw():
                seen += chunk
                if b": keep-alive\n\n" in seen:
                    gated.gate.set()
    events = [e for e in seen.split(b"\n\n") if e and not e.startswith(b":")]
    assert events == [b'data: {"name":"shelves/s/books/0","title":"","pages":"0"}',
                      b'data: {"name":"shelves/s/books/1","title":"","pages":"1"}']


async def test_client_disconnect_cancels_the_stream(served):
    base, gated = await served()
    async with httpx.AsyncClient(base_url=base, timeout=SAFETY) as client:
        async with client.stream("GET", "/v1/shelves/s/books:stream?count=3") as response:
            await anext(response.aiter_lines())
        # Leaving the block closes the connection while the servicer waits at the gate.
    await asyncio.wait_for(gated.cancelled.wait(), SAFETY)
    assert gated.yielded == 1


async def test_httpbody_upload_streams_in_chunks(served):
    base, _ = await served(chunk_size=64 * 1024)
    piece = bytes(range(256)) * 1024  # 256 KiB
    total = 32  # 8 MiB, sent as it is produced

    async def body():
        for _ in range(total):
            yield piece

    async with httpx.AsyncClient(base_url=base, timeout=SAFETY) as client:
        response = await client.put("/v1/uploads/big.bin", content=body(),
                                    headers={"Content-Type": "application/octet-stream"})
    reply = response.json()
    assert response.status_code == 200
    assert reply["size"] == str(len(piece) * total)
    assert reply["sha256"] == hashlib.sha256(piece * total).hexdigest()
    # Never one big message: at least one message per 64 KiB.
    assert reply["chunks"] >= len(piece) * total // (64 * 1024)
