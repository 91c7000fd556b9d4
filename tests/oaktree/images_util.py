"""Helpers for the image tests: unique names, random data, cleanup, a tiny HTTP server."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import random
import threading
import time
import uuid

import openstack

PREFIX = f"oaktree-test-img-{uuid.uuid4().hex[:8]}"
REGIONS = ("RegionOne", "RegionTwo")


def unique(label: str) -> str:
    return f"{PREFIX}-{label}-{uuid.uuid4().hex[:6]}"


def payload(size: int) -> bytes:
    return os.urandom(size)


def digests(data: bytes) -> tuple[str, str]:
    return hashlib.md5(data).hexdigest(), hashlib.sha512(data).hexdigest()


def images_named(connection: openstack.connection.Connection, name: str) -> list:
    return list(connection.image.images(name=name))


def wait_gone(connection, name: str, timeout: float = 60) -> list:
    """Images called `name` until there are none (a cancelled upload is deleted by the
    worker thread shortly after the call ends) or the timeout; returns what is left."""
    deadline = time.monotonic() + timeout
    while True:
        left = images_named(connection, name)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.5)


def delete_prefixed(connections) -> None:
    """Delete every image this test run made, in every region (also after failures)."""
    for connection in connections:
        for image in list(connection.image.images()):
            if (image.name or "").startswith(PREFIX):
                with contextlib.suppress(Exception):
                    connection.image.delete_image(image, ignore_missing=True)


@contextlib.contextmanager
def http_server(files: dict[str, bytes]):
    """Serve `files` over HTTP on port 80 of a random 127.x.y.z address.

    Glance's web-download only accepts ports 80 and 443 by default
    (`[import_filtering_opts] allowed_ports`), and other engineers may serve on
    127.0.0.1:80, so each test picks its own loopback address (all of 127/8 is local).
    """
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server API
            body = files.get(self.path.lstrip("/"))
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    for _ in range(20):
        host = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(1, 254)}"
        try:
            server = http.server.ThreadingHTTPServer((host, 80), Handler)
            break
        except OSError:
            continue
    else:
        raise RuntimeError("could not bind port 80 on any loopback address")
    thread = threading.Thread(target=functools.partial(server.serve_forever, 0.1), daemon=True)
    thread.start()
    try:
        yield f"http://{host}"
    finally:
        server.shutdown()
        server.server_close()
