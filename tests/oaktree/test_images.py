"""Image create (streamed upload, web-download), download and delete over gRPC and REST,
against the local cloud's two independent Glances. Every image is named with a per-run
prefix and deleted at the end, also when a test fails."""
from __future__ import annotations

import hashlib
import socket
import threading
import time

import grpc
import openstack
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from images_util import (delete_prefixed, digests, http_server, images_named, payload, unique,
                         wait_gone)

from oaktree import imagedata
from oaktree.errors import RpcError
from oaktree.v1 import image_pb2, location_pb2

R1 = location_pb2.Location(cloud="devcloud", region="RegionOne")
R2 = location_pb2.Location(cloud="devcloud", region="RegionTwo")
MIB = 1 << 20
GLANCE_DIRECT = image_pb2.IMAGE_UPLOAD_METHOD_GLANCE_DIRECT


@pytest.fixture(scope="module")
def region_two(clouds_yaml):
    connection = openstack.connect(cloud="devcloud", region_name="RegionTwo")
    yield connection
    connection.close()


@pytest.fixture(scope="module", autouse=True)
def cleanup(demo, region_two):
    yield
    delete_prefixed([demo, region_two])


def grpc_upload(stubs, location, spec, data: bytes, chunk: int = MIB, **kwargs):
    def requests():
        yield image_pb2.UploadImageRequest(location=location, spec=spec)
        for start in range(0, len(data), chunk):
            yield image_pb2.UploadImageRequest(data={"data": data[start:start + chunk]})
    return stubs.image.UploadImage(requests(), timeout=120, **kwargs)


def rest_upload(http, cloud, region, params, data: bytes, chunk: int = 256 * 1024):
    """A chunked (Transfer-Encoding: chunked) raw body: httpx streams a generator."""
    def body():
        for start in range(0, len(data), chunk):
            yield data[start:start + chunk]
    return http.post(f"/v1/clouds/{cloud}/regions/{region}/images:upload", params=params,
                     content=body(), headers={"Content-Type": "application/octet-stream"})


def grpc_download(stubs, location, name_or_id) -> tuple[bytes, str]:
    chunks = list(stubs.image.DownloadImage(
        image_pb2.DownloadImageRequest(location=location, name_or_id=name_or_id), timeout=120))
    return b"".join(c.data for c in chunks), chunks[0].content_type


def rest_download(http, cloud, region, name_or_id) -> tuple[bytes, str]:
    with http.stream("GET", f"/v1/clouds/{cloud}/regions/{region}/images/{name_or_id}:download") as reply:
        assert reply.status_code == 200, reply.read()
        return b"".join(reply.iter_bytes()), reply.headers["content-type"]


def assert_same_data(image, data: bytes):
    md5, sha512 = digests(data)
    assert image.size == len(data)
    assert image.checksum == md5
    assert image.hash_algo == "sha512" and image.hash_value == sha512


# ---- upload and download, both protocols ---------------------------------------------------

def test_grpc_upload_then_download_over_both(stubs, http, demo):
    data = payload(5 * MIB + 123)
    name = unique("grpc")
    spec = image_pb2.ImageSpec(name=name, disk_format="raw", container_format="bare",
                               visibility=image_pb2.IMAGE_VISIBILITY_PRIVATE, min_ram=64,
                               tags=["oaktree"], properties={"os_distro": "cirros"})
    image = grpc_upload(stubs, R1, spec, data)
    assert image.status == image_pb2.IMAGE_STATUS_ACTIVE
    assert image.name == name and image.location.cloud == "devcloud" and image.location.region == "RegionOne"
    assert image.visibility == image_pb2.IMAGE_VISIBILITY_PRIVATE and image.min_ram == 64
    assert list(image.tags) == ["oaktree"] and image.properties["os_distro"] == "cirros"
    assert_same_data(image, data)
    # What Glance itself says, through openstacksdk.
    stored = demo.image.get_image(image.id)
    assert stored.checksum == image.checksum and stored.size == len(data)

    over_grpc, grpc_type = grpc_download(stubs, R1, image.id)
    over_rest, rest_type = rest_download(http, "devcloud", "RegionOne", name)  # by name
    assert over_grpc == data and over_rest == data
    assert grpc_type == rest_type == "application/octet-stream"


def test_rest_chunked_upload_glance_direct_in_region_two(stubs, http, region_two):
    """RegionTwo's own Glance, interoperable import (stage + import), REST raw body with
    the spec in query parameters."""
    data = payload(3 * MIB + 7)
    name = unique("rest")
    reply = rest_upload(http, "devcloud", "RegionTwo", {
        "spec.name": name, "spec.diskFormat": "raw", "spec.containerFormat": "bare",
        "spec.uploadMethod": "IMAGE_UPLOAD_METHOD_GLANCE_DIRECT", "spec.properties[purpose]": "test",
        "spec.tags": ["a", "b"]}, data)
    assert reply.status_code == 200, reply.text
    image = reply.json()
    assert image["status"] == "IMAGE_STATUS_ACTIVE" and image["location"]["region"] == "RegionTwo"
    md5, sha512 = digests(data)
    assert image["checksum"] == md5 and image["hashValue"] == sha512 and image["size"] == str(len(data))
    assert image["properties"]["purpose"] == "test" and sorted(image["tags"]) == ["a", "b"]
    assert region_two.image.get_image(image["id"]).status == "active"

    over_rest, _ = rest_download(http, "devcloud", "RegionTwo", image["id"])
    over_grpc, _ = grpc_download(stubs, R2, image["id"])
    assert over_rest == data and over_grpc == data


def test_grpc_upload_glance_direct_small_chunks(stubs):
    data = payload(2 * MIB + 1)
    image = grpc_upload(stubs, R1, image_pb2.ImageSpec(name=unique("gd"), disk_format="raw",
                                                       upload_method=GLANCE_DIRECT), data, chunk=65536)
    assert image.status == image_pb2.IMAGE_STATUS_ACTIVE
    assert_same_data(image, data)


def test_delete_over_both_protocols(stubs, http, demo):
    first = grpc_upload(stubs, R1, image_pb2.ImageSpec(name=unique("del1"), disk_format="raw"), b"1" * 1000)
    second = grpc_upload(stubs, R1, image_pb2.ImageSpec(name=unique("del2"), disk_format="raw"), b"2" * 1000)
    stubs.image.DeleteImage(image_pb2.DeleteImageRequest(location=R1, name_or_id=first.name), timeout=60)
    reply = http.delete(f"/v1/clouds/devcloud/regions/RegionOne/images/{second.id}")
    assert reply.status_code == 204, reply.text
    for image in (first, second):
        assert demo.image.find_image(image.id) is None
    again = http.delete(f"/v1/clouds/devcloud/regions/RegionOne/images/{second.id}")
    assert again.status_code == 404 and again.json()["code"] == grpc.StatusCode.NOT_FOUND.value[0]
    with pytest.raises(grpc.RpcError) as failure:
        stubs.image.DeleteImage(image_pb2.DeleteImageRequest(location=R1, name_or_id=first.id), timeout=60)
    assert failure.value.code() == grpc.StatusCode.NOT_FOUND


def test_download_unknown_image_keeps_its_status(stubs, http):
    reply = http.get("/v1/clouds/devcloud/regions/RegionOne/images/no-such-image-xyz:download")
    assert reply.status_code == 404 and reply.json()["code"] == grpc.StatusCode.NOT_FOUND.value[0]
    with pytest.raises(grpc.RpcError) as failure:
        grpc_download(stubs, R1, "no-such-image-xyz")
    assert failure.value.code() == grpc.StatusCode.NOT_FOUND


# ---- web-download ----------------------------------------------------------------------------

def test_create_from_url_over_rest(http, stubs):
    data = payload(2 * MIB + 5)
    name = unique("web")
    with http_server({"disk.raw": data}) as base:
        reply = http.post("/v1/clouds/devcloud/regions/RegionOne/images", json={
            "spec": {"name": name, "diskFormat": "raw", "containerFormat": "bare"},
            "sourceUri": f"{base}/disk.raw"})
    assert reply.status_code == 201, reply.text
    image = reply.json()
    assert image["status"] == "IMAGE_STATUS_ACTIVE" and image["name"] == name
    assert image["checksum"] == hashlib.md5(data).hexdigest()
    assert grpc_download(stubs, R1, image["id"])[0] == data


def test_create_from_url_over_grpc_in_region_two(stubs, region_two):
    data = payload(MIB)
    with http_server({"x.raw": data}) as base:
        image = stubs.image.CreateImage(image_pb2.CreateImageRequest(
            location=R2, spec=image_pb2.ImageSpec(name=unique("web2"), disk_format="raw"),
            source_uri=f"{base}/x.raw"), timeout=120)
    assert image.status == image_pb2.IMAGE_STATUS_ACTIVE and image.location.region == "RegionTwo"
    assert_same_data(image, data)


def test_failed_web_download_leaves_no_image(stubs, demo):
    name = unique("web404")
    with http_server({}) as base, pytest.raises(grpc.RpcError) as failure:
        stubs.image.CreateImage(image_pb2.CreateImageRequest(
            location=R1, spec=image_pb2.ImageSpec(name=name, disk_format="raw"),
            source_uri=f"{base}/missing.raw"), timeout=120)
    assert failure.value.code() == grpc.StatusCode.ABORTED, failure.value.details()
    assert images_named(demo, name) == []


# ---- failures leave nothing behind -----------------------------------------------------------

def test_grpc_client_cancel_mid_stream_leaves_no_image(stubs, demo):
    name = unique("cancel")
    sent, release = threading.Event(), threading.Event()

    def requests():
        yield image_pb2.UploadImageRequest(location=R1, spec=image_pb2.ImageSpec(name=name, disk_format="raw"))
        for _ in range(3):
            yield image_pb2.UploadImageRequest(data={"data": b"x" * MIB})
        sent.set()
        release.wait(60)  # the stream stays open, mid-upload, until the test cancels it

    future = stubs.image.UploadImage.future(requests(), timeout=120)
    try:
        assert sent.wait(30)
        # The record exists while the data flows (proof that the cancel hits a real upload).
        deadline = time.monotonic() + 30
        while not images_named(demo, name) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [i.status for i in images_named(demo, name)] in (["queued"], ["saving"])
        future.cancel()
    finally:
        release.set()
    assert future.cancelled()
    assert wait_gone(demo, name) == []


def test_rest_client_disconnect_mid_body_leaves_no_image(server, region_two):
    name = unique("disc")
    with socket.create_connection(("127.0.0.1", server.http_port)) as sock:
        sock.sendall(f"POST /v1/clouds/devcloud/regions/RegionTwo/images:upload?spec.name={name}"
                     f"&spec.diskFormat=raw HTTP/1.1\r\nHost: oaktree\r\nContent-Type: "
                     f"application/octet-stream\r\nContent-Length: {64 * MIB}\r\n\r\n".encode())
        sock.sendall(b"y" * (3 * MIB))
        deadline = time.monotonic() + 30
        while [i.status for i in images_named(region_two, name)] != ["saving"] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [i.status for i in images_named(region_two, name)] == ["saving"]
    assert wait_gone(region_two, name) == []


def test_bad_disk_format_is_invalid_argument_and_leaves_no_image(stubs, http, demo):
    name = unique("bad")
    with pytest.raises(grpc.RpcError) as failure:
        grpc_upload(stubs, R1, image_pb2.ImageSpec(name=name, disk_format="bogus"), b"z" * (2 * MIB))
    assert failure.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    reply = rest_upload(http, "devcloud", "RegionOne", {"spec.name": name, "spec.diskFormat": "bogus"},
                        b"z" * (2 * MIB))
    assert reply.status_code == 400, reply.text
    assert images_named(demo, name) == []


def test_empty_upload_is_rejected_and_leaves_no_image(stubs, http, demo):
    name = unique("empty")
    with pytest.raises(grpc.RpcError) as failure:
        grpc_upload(stubs, R1, image_pb2.ImageSpec(name=name, disk_format="raw"), b"")
    assert failure.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    reply = rest_upload(http, "devcloud", "RegionOne", {"spec.name": name}, b"")
    assert reply.status_code == 400 and "no data" in reply.json()["message"]
    assert wait_gone(demo, name) == []


def test_upload_needs_one_region_and_a_name(stubs, http):
    with pytest.raises(grpc.RpcError) as failure:
        grpc_upload(stubs, location_pb2.Location(cloud="devcloud"),
                    image_pb2.ImageSpec(name=unique("where")), b"q" * 10)
    assert failure.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "RegionOne" in failure.value.details() and "RegionTwo" in failure.value.details()
    reply = http.post("/v1/clouds/devcloud/regions/RegionOne/images:upload", content=b"q" * 10)
    assert reply.status_code == 400
    status = rpc_status.from_call(failure.value)
    assert any(d.Is(error_details_pb2.BadRequest.DESCRIPTOR) for d in status.details)


# ---- the checksum check on download ------------------------------------------------------------
# The cloud cannot be made to serve corrupted data, so the verifier is exercised directly.

def test_download_verifier_fails_with_data_loss_on_mismatch():
    chunks = [b"abc", b"def"]
    good = ("sha512", hashlib.sha512(b"abcdef").hexdigest())
    assert b"".join(imagedata.verified(iter(chunks), good, "img")) == b"abcdef"
    stream = imagedata.verified(iter(chunks), ("md5", hashlib.md5(b"other").hexdigest()), "img")
    assert next(stream) == b"abc" and next(stream) == b"def"  # chunks flow before the verdict
    with pytest.raises(RpcError) as failure:
        next(stream)
    assert failure.value.code == grpc.StatusCode.DATA_LOSS
