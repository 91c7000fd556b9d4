"""Fan-out over several clouds, one of them unreachable: the others still answer."""
from __future__ import annotations

import grpc
import pytest
import yaml

from oaktree.v1 import compute_pb2, compute_pb2_grpc, image_pb2, image_pb2_grpc

from oaktree_server import free_port, start_server, stop_server


@pytest.fixture(scope="module")
def fanout_server(clouds_yaml, tmp_path_factory):
    config = yaml.safe_load(clouds_yaml.read_text())
    clouds = {name: config["clouds"][name] for name in ("devcloud", "devcloud-alt")}
    broken = yaml.safe_load(yaml.safe_dump(config["clouds"]["devcloud-alt"]))
    broken["auth"]["auth_url"] = f"http://127.0.0.1:{free_port()}/v3"  # nothing listens there
    clouds["broken"] = broken
    folder = tmp_path_factory.mktemp("fanout")
    path = folder / "clouds.yaml"
    path.write_text(yaml.safe_dump({"clouds": clouds}))
    server = start_server(path, folder / "oaktree.log")
    yield server
    assert stop_server(server) == 0


def test_empty_location_fans_out_with_per_location_errors(fanout_server):
    with grpc.insecure_channel(fanout_server.grpc_target) as channel:
        reply = compute_pb2_grpc.ComputeServiceStub(channel).ListFlavors(compute_pb2.ListFlavorsRequest())
    places = {(f.location.cloud, f.location.region, f.location.project.name) for f in reply.flavors}
    assert places == {("devcloud", "RegionOne", "demo"), ("devcloud-alt", "RegionOne", "alt")}
    errors = {(e.location.cloud, e.location.region): e.status for e in reply.errors}
    assert set(errors) == {("broken", "RegionOne"), ("devcloud", "RegionTwo")}
    assert errors[("broken", "RegionOne")].code == grpc.StatusCode.UNAVAILABLE.value[0]
    assert errors[("devcloud", "RegionTwo")].code == grpc.StatusCode.UNIMPLEMENTED.value[0]


def test_each_cloud_sees_its_own_project(fanout_server):
    with grpc.insecure_channel(fanout_server.grpc_target) as channel:
        reply = image_pb2_grpc.ImageServiceStub(channel).ListImages(image_pb2.ListImagesRequest())
    projects = {image.location.cloud: set() for image in reply.images}
    for image in reply.images:
        if image.visibility == image_pb2.IMAGE_VISIBILITY_PUBLIC:
            projects[image.location.cloud].add(image.name)
    assert "cirros-tiny" in projects["devcloud"] and "cirros-tiny" in projects["devcloud-alt"]
    assert [e.location.cloud for e in reply.errors] == ["broken"]


def test_single_unreachable_cloud_get_is_unavailable(fanout_server):
    with grpc.insecure_channel(fanout_server.grpc_target) as channel:
        stub = compute_pb2_grpc.ComputeServiceStub(channel)
        with pytest.raises(grpc.RpcError) as caught:
            stub.GetFlavor(compute_pb2.GetFlavorRequest(
                location={"cloud": "broken"}, name_or_id="m1.tiny"))
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    assert "broken" in caught.value.details()
