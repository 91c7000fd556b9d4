"""Streaming an image through oaktree uses bounded memory: the server's peak RSS grows by
much less than the image while it is uploaded and downloaded over both protocols.

(Not a timing assertion: the bound is on bytes, and an implementation that buffered the
image would exceed it by the image's own size. bench/image_bench.py measures 256 MiB.)
"""
from __future__ import annotations

import hashlib
import threading

import httpx
import psutil
import pytest
from images_util import delete_prefixed, unique

from oaktree.v1 import image_pb2, location_pb2

MIB = 1 << 20
SIZE = 96 * MIB
BOUND = SIZE // 2
R1 = location_pb2.Location(cloud="devcloud", region="RegionOne")


class PeakRss:
    def __init__(self, pid: int):
        self.process = psutil.Process(pid)

    def __enter__(self):
        self.base = self.peak = self.process.memory_info().rss
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while not self.stop.wait(0.005):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    @property
    def growth(self) -> int:
        return self.peak - self.base


def data_chunks(seed: bytes, size: int = SIZE):
    block = hashlib.sha512(seed).digest() * (MIB // 64)
    for index in range(size // MIB):
        yield index.to_bytes(8, "big") + block[8:]


@pytest.fixture(scope="module")
def raw_http(server):
    """A plain streaming client (the session's `http` reads every body to validate it)."""
    with httpx.Client(base_url=server.base_url, timeout=600) as client:
        yield client


@pytest.fixture(scope="module", autouse=True)
def cleanup(demo):
    yield
    delete_prefixed([demo])


def test_grpc_upload_and_download_in_bounded_memory(server, stubs, demo):
    def requests():
        yield image_pb2.UploadImageRequest(location=R1, spec=image_pb2.ImageSpec(
            name=unique("mem-grpc"), disk_format="raw"))
        for chunk in data_chunks(b"grpc"):
            yield image_pb2.UploadImageRequest(data={"data": chunk})

    with PeakRss(server.process.pid) as upload:
        image = stubs.image.UploadImage(requests(), timeout=600)
    assert image.size == SIZE
    expected = hashlib.md5()
    for chunk in data_chunks(b"grpc"):
        expected.update(chunk)
    assert image.checksum == expected.hexdigest()

    got = hashlib.md5()
    with PeakRss(server.process.pid) as download:
        for piece in stubs.image.DownloadImage(image_pb2.DownloadImageRequest(
                location=R1, name_or_id=image.id), timeout=600):
            got.update(piece.data)
    assert got.hexdigest() == expected.hexdigest()
    assert upload.growth < BOUND, f"upload grew RSS by {upload.growth / MIB:.1f} MiB"
    assert download.growth < BOUND, f"download grew RSS by {download.growth / MIB:.1f} MiB"


def test_rest_upload_and_download_in_bounded_memory(server, raw_http):
    with PeakRss(server.process.pid) as upload:
        reply = raw_http.post("/v1/clouds/devcloud/regions/RegionOne/images:upload",
                          params={"spec.name": unique("mem-rest"), "spec.diskFormat": "raw"},
                          content=data_chunks(b"rest"), headers={"Content-Type": "application/octet-stream"},
                          timeout=600)
    assert reply.status_code == 200, reply.text
    image = reply.json()
    assert image["size"] == str(SIZE)

    size = 0
    with PeakRss(server.process.pid) as download, raw_http.stream(
            "GET", f"/v1/clouds/devcloud/regions/RegionOne/images/{image['id']}:download",
            timeout=600) as stream:
        assert stream.status_code == 200
        for piece in stream.iter_raw():
            size += len(piece)
    assert size == SIZE
    assert upload.growth < BOUND, f"upload grew RSS by {upload.growth / MIB:.1f} MiB"
    assert download.growth < BOUND, f"download grew RSS by {download.growth / MIB:.1f} MiB"
