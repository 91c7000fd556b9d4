"""Image writes through oaktree invalidate its cached image lists at once (cache on)."""
from __future__ import annotations

import grpc
import pytest
from images_util import unique
from oaktree_server import start_server, stop_server

from oaktree.v1 import image_pb2, image_pb2_grpc, location_pb2

R1 = location_pb2.Location(cloud="devcloud", region="RegionOne")


@pytest.fixture(scope="module")
def cached_images(clouds_yaml, tmp_path_factory):
    server = start_server(clouds_yaml, tmp_path_factory.mktemp("cached") / "oaktree.log", "--cache", "memory")
    with grpc.insecure_channel(server.grpc_target) as channel:
        yield image_pb2_grpc.ImageServiceStub(channel)
    assert stop_server(server) == 0


def names(stub) -> list[str]:
    return [i.name for i in stub.ListImages(image_pb2.ListImagesRequest(location=R1), timeout=60).images]


def test_upload_and_delete_show_in_the_next_list(cached_images):
    stub = cached_images
    name = unique("cached")
    before = names(stub)  # now cached (images live 60 s by default)
    assert name not in before

    def requests():
        yield image_pb2.UploadImageRequest(location=R1, spec=image_pb2.ImageSpec(name=name, disk_format="raw"))
        yield image_pb2.UploadImageRequest(data={"data": b"c" * 2048})

    created = stub.UploadImage(requests(), timeout=120)
    assert name in names(stub)
    stub.DeleteImage(image_pb2.DeleteImageRequest(location=R1, name_or_id=created.id), timeout=60)
    assert name not in names(stub)
