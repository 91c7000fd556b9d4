"""Image data in and out of Glance, through openstacksdk, in constant memory.

The functions here run in the blocking pool (a worker thread). Uploads read their data
from an iterator (oaktree.streams.Inbound) and downloads write to an oaktree.streams
.Outbound, so neither ever holds more than a few chunks. Every way an upload can fail
ends with the image record deleted: openstacksdk deletes it when the PUT/stage/import
request fails (`_upload_image_put`), and this module deletes it when a later step fails
(the asynchronous import, the checksum check, the caller going away).
"""
from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterable, Iterator

import grpc
import openstack.connection
from openstack import exceptions as sdk_exc

from oaktree.errors import RpcError, invalid_argument
from oaktree.streams import Outbound, StreamAborted
from oaktree.v1 import image_pb2

DOWNLOAD_CHUNK = 1 << 20
IMPORT_POLL = 1.0
IMPORT_TIMEOUT = 3600.0

_VISIBILITY = {
    image_pb2.IMAGE_VISIBILITY_PUBLIC: "public",
    image_pb2.IMAGE_VISIBILITY_PRIVATE: "private",
    image_pb2.IMAGE_VISIBILITY_SHARED: "shared",
    image_pb2.IMAGE_VISIBILITY_COMMUNITY: "community",
}


def import_methods(connection: openstack.connection.Connection) -> list[str]:
    """Interoperable import methods the cloud advertises (GET /v2/info/import)."""
    info = connection.image.get_import_info()
    methods = (info.import_methods or {}).get("value") or []
    return [str(m) for m in methods]


def check_spec(spec: image_pb2.ImageSpec) -> None:
    if not spec.name:
        raise invalid_argument("spec.name", "spec.name is required")


def _create_kwargs(spec: image_pb2.ImageSpec) -> dict:
    """openstacksdk create_image keyword arguments for a spec (as shade's callers pass them)."""
    kwargs: dict = {"allow_duplicates": True,  # oaktree identifies images by id; no find-by-name
                    "validate_checksum": False, "wait": False}
    if spec.disk_format:
        kwargs["disk_format"] = spec.disk_format
    if spec.container_format:
        kwargs["container_format"] = spec.container_format
    if spec.tags:
        kwargs["tags"] = list(spec.tags)
    if spec.visibility:
        kwargs["visibility"] = _VISIBILITY[spec.visibility]
    if spec.min_disk:
        kwargs["min_disk"] = spec.min_disk
    if spec.min_ram:
        kwargs["min_ram"] = spec.min_ram
    if spec.is_protected:
        kwargs["protected"] = True
    for key, value in spec.properties.items():
        if key in kwargs or key in ("name", "data", "filename", "meta", "uri"):
            raise invalid_argument(f"spec.properties[{key}]", f"property {key!r} is reserved")
        kwargs[key] = value
    return kwargs


def choose_upload(connection: openstack.connection.Connection, spec: image_pb2.ImageSpec) -> bool:
    """True for interoperable import (glance-direct), False for openstacksdk's default path.

    Like shade, the default is the plain upload (`PUT …/file`), or the task import when the
    cloud's configuration sets `image_api_use_tasks`; glance-direct is used when asked for
    and refused (FAILED_PRECONDITION) when the cloud does not offer it.
    """
    if spec.upload_method != image_pb2.IMAGE_UPLOAD_METHOD_GLANCE_DIRECT:
        return False
    if connection.image_api_use_tasks:
        raise RpcError(grpc.StatusCode.FAILED_PRECONDITION,
                       "this cloud uploads images through the task API; glance-direct import "
                       "cannot be used with it")
    if "glance-direct" not in import_methods(connection):
        raise RpcError(grpc.StatusCode.FAILED_PRECONDITION,
                       "this cloud does not offer the glance-direct import method")
    return True


class _Hashing:
    """Passes chunks through, counting them and computing their MD5 (Glance's `checksum`)."""

    def __init__(self, chunks: Iterable[bytes]):
        self._chunks = chunks
        self.md5 = hashlib.md5(usedforsecurity=False)
        self.size = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._chunks:
            self.md5.update(chunk)
            self.size += len(chunk)
            yield chunk


def upload(connection: openstack.connection.Connection, spec: image_pb2.ImageSpec,
           chunks: Iterable[bytes], cancelled: threading.Event, timeout: float | None):
    """Create the image and stream `chunks` into it; returns the ACTIVE sdk image."""
    use_import = choose_upload(connection, spec)
    data = _Hashing(chunks)
    try:
        image = connection.image.create_image(
            spec.name, data=iter(data), use_import=use_import, **_create_kwargs(spec))
    except sdk_exc.SDKException as exc:
        # openstacksdk deleted the image and wrapped our own reason (e.g. the client went away).
        if isinstance(exc.__cause__, RpcError):
            raise exc.__cause__ from None
        raise
    with _deleted_on_failure(connection, image.id):
        if use_import:
            image = _wait_imported(connection, image.id, cancelled, timeout)
        else:
            image = connection.image.get_image(image.id)
        if cancelled.is_set():
            raise StreamAborted("the client went away")
        expected = data.md5.hexdigest()
        if image.checksum and image.checksum != expected and image.disk_format == (
                spec.disk_format or image.disk_format):
            raise RpcError(grpc.StatusCode.DATA_LOSS,
                           f"the cloud recorded checksum {image.checksum} for image {image.id} but "
                           f"{data.size} bytes with MD5 {expected} were sent; the image was deleted")
    return image


def create_from_uri(connection: openstack.connection.Connection, spec: image_pb2.ImageSpec, uri: str,
                    cancelled: threading.Event, timeout: float | None):
    """web-download import: the cloud fetches `uri`. Returns the ACTIVE sdk image."""
    if connection.image_api_use_tasks or "web-download" not in import_methods(connection):
        raise RpcError(grpc.StatusCode.FAILED_PRECONDITION,
                       "this cloud does not offer the web-download import method")
    image = connection.image.create_image(
        spec.name, use_import=True, import_method="web-download", uri=uri, **_create_kwargs(spec))
    with _deleted_on_failure(connection, image.id):
        return _wait_imported(connection, image.id, cancelled, timeout)


class _deleted_on_failure:
    def __init__(self, connection, image_id: str):
        self.connection, self.image_id = connection, image_id

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if kind is not None:
            self.connection.image.delete_image(self.image_id, ignore_missing=True)
        return False


def _wait_imported(connection, image_id: str, cancelled: threading.Event, timeout: float | None):
    """Poll an image until its (asynchronous) import finished; raise if it failed."""
    deadline = time.monotonic() + (timeout if timeout is not None else IMPORT_TIMEOUT)
    while True:
        if cancelled.is_set():
            raise StreamAborted("the client went away during the import")
        image = connection.image.get_image(image_id)
        failed = (image.properties or {}).get("os_glance_failed_import") or getattr(
            image, "os_glance_failed_import", None)
        if image.status == "active":
            return image
        if image.status in ("killed", "deleted") or (image.status == "queued" and failed):
            raise RpcError(grpc.StatusCode.ABORTED,
                           f"the cloud failed to import image {image_id} (status {image.status}"
                           f"{', failed stores: ' + str(failed) if failed else ''}); it was deleted")
        if time.monotonic() >= deadline:
            raise RpcError(grpc.StatusCode.DEADLINE_EXCEEDED,
                           f"image {image_id} was still {image.status} at the deadline; it was deleted")
        time.sleep(IMPORT_POLL)


def expected_hash(image: image_pb2.Image) -> tuple[str, str] | None:
    """(algorithm, hex digest) to verify a download with: the multihash, else the MD5."""
    if image.hash_algo and image.hash_value:
        try:
            hashlib.new(image.hash_algo)
            return image.hash_algo, image.hash_value
        except ValueError:
            pass
    if image.checksum:
        return "md5", image.checksum
    return None


def verified(chunks: Iterable[bytes], expected: tuple[str, str] | None, what: str) -> Iterator[bytes]:
    """Pass chunks through; at the end, DATA_LOSS unless their hash is the expected one."""
    hasher = hashlib.new(expected[0]) if expected else None
    for chunk in chunks:
        if hasher is not None:
            hasher.update(chunk)
        yield chunk
    if hasher is not None and hasher.hexdigest() != expected[1]:
        raise RpcError(grpc.StatusCode.DATA_LOSS,
                       f"{what}: the data's {expected[0]} is {hasher.hexdigest()}, the image "
                       f"records {expected[1]}")


def download(connection: openstack.connection.Connection, image: image_pb2.Image, out: Outbound) -> None:
    """Stream the image's data into `out`, verified; stops early when the consumer left."""
    response = connection.image.download_image(image.id, stream=True, chunk_size=DOWNLOAD_CHUNK)
    try:
        out.content_type = response.headers.get("Content-Type") or "application/octet-stream"
        chunks = verified(response.iter_content(chunk_size=DOWNLOAD_CHUNK), expected_hash(image),
                          f"image {image.id}")
        for chunk in chunks:
            if not out.put(chunk):
                return
        out.finish()
    finally:
        response.close()
