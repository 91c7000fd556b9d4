"""oaktree served from this process (its own event loop in a thread), for tests and
benchmarks that need to look inside: count the backend requests of its connections,
read its watch hub."""
from __future__ import annotations

import asyncio
import collections
import threading
import urllib.parse

import requests.adapters

from oaktree.connections import Target
from oaktree.identity import SERVER
from oaktree.server import OaktreeServer, Settings


class CountingAdapter(requests.adapters.HTTPAdapter):
    """A real transport that counts what goes through it: (method, path) -> requests."""

    def __init__(self):
        super().__init__()
        self.counts: collections.Counter[tuple[str, str]] = collections.Counter()
        self._lock = threading.Lock()

    def send(self, request, *args, **kwargs):
        path = urllib.parse.urlsplit(request.url).path
        with self._lock:
            self.counts[(request.method, path)] += 1
        return super().send(request, *args, **kwargs)

    def count(self, method: str, path_suffix: str) -> int:
        with self._lock:
            return sum(n for (m, p), n in self.counts.items() if m == method and p.endswith(path_suffix))


class InProcessOaktree:
    def __init__(self, **settings):
        self.server = OaktreeServer(Settings(grpc_port=0, http_port=0, **settings))
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="oaktree-inprocess", daemon=True)

    def __enter__(self) -> "InProcessOaktree":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.server.start(), self.loop).result(60)
        return self

    def __exit__(self, *exc) -> None:
        asyncio.run_coroutine_threadsafe(self.server.stop(), self.loop).result(60)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)

    @property
    def grpc_target(self) -> str:
        return f"127.0.0.1:{self.server.grpc_port}"

    @property
    def hub(self):
        return self.server.core.watch

    def count_requests(self, cloud: str, region: str) -> CountingAdapter:
        """Mount a counting transport on the connection oaktree uses for (cloud, region)."""
        connection = self.server.core.connections.get(SERVER, Target(cloud, region))
        adapter = CountingAdapter()
        connection.session.session.mount("http://", adapter)
        connection.session.session.mount("https://", adapter)
        return adapter

    def call(self, fn):
        """Run fn() on oaktree's loop (for reading the hub without races)."""
        async def run():
            return fn()
        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(10)
