"""Counting transports: how many requests really reach the cloud.

- CountingAdapter: a requests adapter mounted on a Connection's keystoneauth session
  (in-process tests); records every request, and the most in flight at once.
- CountingProxy: a tiny HTTP reverse proxy in front of one service, named in a clouds.yaml
  as `<service>_endpoint_override` (tests with `oaktree serve` processes).
"""
from __future__ import annotations

import http.server
import threading
import time
import urllib.parse

import requests
import requests.adapters


class _Counter:
    def __init__(self):
        self.seen: list[tuple[str, str, str, float]] = []  # method, path, query, monotonic time
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()

    def enter(self, method: str, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        with self._lock:
            self.seen.append((method, parts.path, parts.query, time.monotonic()))
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def leave(self) -> None:
        with self._lock:
            self.active -= 1

    def count(self, method: str, path_suffix: str, query: str = "") -> int:
        """Requests to a path ending in path_suffix with exactly this query (default none:
        a whole list, not a lookup by name)."""
        return len(self.times(method, path_suffix, query))

    def times(self, method: str, path_suffix: str, query: str = "") -> list[float]:
        with self._lock:
            return [t for m, p, q, t in self.seen
                    if m == method and p.rstrip("/").endswith(path_suffix) and q == query]


class CountingAdapter(requests.adapters.HTTPAdapter, _Counter):
    def __init__(self):
        requests.adapters.HTTPAdapter.__init__(self)
        _Counter.__init__(self)

    def send(self, request, **kwargs):
        self.enter(request.method, request.url)
        try:
            return super().send(request, **kwargs)
        finally:
            self.leave()

    def mount_on(self, connection) -> "CountingAdapter":
        connection.session.session.mount("http://", self)
        return self


class CountingProxy(_Counter):
    """Forwards every request to `upstream` (scheme://host:port) and counts it."""

    def __init__(self, upstream: str):
        super().__init__()
        self.upstream = upstream.rstrip("/")
        counter, base = self, self.upstream
        session = requests.Session()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _forward(self):
                counter.enter(self.command, self.path)
                try:
                    length = int(self.headers.get("Content-Length") or 0)
                    body = self.rfile.read(length) if length else None
                    headers = {k: v for k, v in self.headers.items()
                               if k.lower() not in ("host", "content-length", "connection")}
                    reply = session.request(self.command, base + self.path, headers=headers,
                                            data=body, stream=False, allow_redirects=False)
                    content = reply.content
                    self.send_response(reply.status_code)
                    for key, value in reply.headers.items():
                        if key.lower() not in ("content-length", "transfer-encoding", "connection",
                                               "content-encoding"):
                            self.send_header(key, value)
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    self.wfile.write(content)
                finally:
                    counter.leave()

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
