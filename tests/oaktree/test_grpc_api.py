"""The API over native gRPC (grpcio client) against the local cloud."""
from __future__ import annotations

import grpc
import pytest
from google.rpc import error_details_pb2, status_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from oaktree.v1 import clouds_pb2, compute_pb2, image_pb2, location_pb2, network_pb2

DEVCLOUD = location_pb2.Location(cloud="devcloud", region="RegionOne")
SEEDED_FLAVORS = {"m1.tiny": (512, 1, 1), "m1.small": (2048, 1, 20), "m1.medium": (4096, 2, 40),
                  "m1.large": (8192, 4, 80)}


def rpc_status(error: grpc.RpcError) -> status_pb2.Status:
    """The google.rpc.Status a failed call carried in grpc-status-details-bin."""
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            return status_pb2.Status.FromString(value)
    raise AssertionError(f"no rich status in {error}")


def details_of(status: status_pb2.Status, cls):
    found = []
    for detail in status.details:
        message = cls()
        if detail.Unpack(message):
            found.append(message)
    return found


def test_health_serving(channel):
    reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service="oaktree.v1.ComputeService"))
    assert reply.status == health_pb2.HealthCheckResponse.SERVING


def test_reflection_lists_every_service(channel):
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    request = reflection_pb2.ServerReflectionRequest(list_services="")
    reply = next(iter(stub.ServerReflectionInfo(iter([request]))))
    names = {service.name for service in reply.list_services_response.service}
    assert {"oaktree.v1.CloudsService", "oaktree.v1.ComputeService", "oaktree.v1.ImageService",
            "oaktree.v1.NetworkService", "grpc.health.v1.Health"} <= names


def test_list_clouds_from_configuration(stubs):
    reply = stubs.clouds.ListClouds(clouds_pb2.ListCloudsRequest())
    clouds = {cloud.name: cloud for cloud in reply.clouds}
    assert set(clouds) == {"devcloud", "devcloud-alt", "devcloud-admin"}
    assert list(clouds["devcloud"].regions) == ["RegionOne", "RegionTwo"]
    assert clouds["devcloud"].project.name == "demo"
    assert clouds["devcloud"].auth_url.endswith("/v3")


def test_list_flavors_with_location(stubs):
    reply = stubs.compute.ListFlavors(compute_pb2.ListFlavorsRequest(location=DEVCLOUD))
    flavors = {f.name: f for f in reply.flavors}
    assert set(SEEDED_FLAVORS) <= set(flavors)
    for name, (ram, vcpus, disk) in SEEDED_FLAVORS.items():
        flavor = flavors[name]
        assert (flavor.ram, flavor.vcpus, flavor.disk) == (ram, vcpus, disk)
        assert flavor.location.cloud == "devcloud"
        assert flavor.location.region == "RegionOne"
        assert flavor.location.project.name == "demo" and flavor.location.project.id
    assert not reply.errors


def test_region_without_compute_is_a_location_error(stubs):
    reply = stubs.compute.ListFlavors(compute_pb2.ListFlavorsRequest(
        location=location_pb2.Location(cloud="devcloud")))
    assert {f.location.region for f in reply.flavors} == {"RegionOne"}
    assert [(e.location.cloud, e.location.region) for e in reply.errors] == [("devcloud", "RegionTwo")]
    assert reply.errors[0].status.code == grpc.StatusCode.UNIMPLEMENTED.value[0]


def test_list_flavors_filters_and_globs(stubs):
    reply = stubs.compute.ListFlavors(compute_pb2.ListFlavorsRequest(
        location=DEVCLOUD, name_or_id="m1.*", filters={"ram": ">=4096"}))
    assert sorted(f.name for f in reply.flavors) == ["m1.large", "m1.medium"]
    reply = stubs.compute.ListFlavors(compute_pb2.ListFlavorsRequest(
        location=DEVCLOUD, filters={"vcpus": "1", "disk": "<20"}))
    assert [f.name for f in reply.flavors] == ["m1.tiny"]


def test_list_flavors_pages(stubs):
    request = compute_pb2.ListFlavorsRequest(location=DEVCLOUD, name_or_id="m1.*", page_size=3)
    first = stubs.compute.ListFlavors(request)
    assert len(first.flavors) == 3 and first.next_page_token
    request.page_token = first.next_page_token
    second = stubs.compute.ListFlavors(request)
    assert len(second.flavors) == 1 and not second.next_page_token
    names = [f.name for f in (*first.flavors, *second.flavors)]
    assert sorted(names) == sorted(SEEDED_FLAVORS)
    request.name_or_id = "m1.t*"  # a token is bound to the request it came from
    with pytest.raises(grpc.RpcError) as caught:
        stubs.compute.ListFlavors(request)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_get_flavor_by_name_and_id(stubs):
    by_name = stubs.compute.GetFlavor(compute_pb2.GetFlavorRequest(location=DEVCLOUD, name_or_id="m1.small"))
    assert by_name.name == "m1.small" and by_name.ram == 2048
    by_id = stubs.compute.GetFlavor(compute_pb2.GetFlavorRequest(location=DEVCLOUD, name_or_id=by_name.id))
    assert by_id == by_name


def test_get_flavor_not_found(stubs):
    with pytest.raises(grpc.RpcError) as caught:
        stubs.compute.GetFlavor(compute_pb2.GetFlavorRequest(location=DEVCLOUD, name_or_id="m9.huge"))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert "m9.huge" in caught.value.details()
    info = details_of(rpc_status(caught.value), error_details_pb2.ResourceInfo)
    assert info and info[0].resource_name == "m9.huge"


def test_get_flavor_in_every_cloud_is_ambiguous(stubs):
    """m1.tiny exists in every configured cloud: an empty location cannot pick one."""
    with pytest.raises(grpc.RpcError) as caught:
        stubs.compute.GetFlavor(compute_pb2.GetFlavorRequest(name_or_id="m1.tiny"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    info = details_of(rpc_status(caught.value), error_details_pb2.ErrorInfo)[0]
    assert info.reason == "AMBIGUOUS_NAME"
    candidates = info.metadata["candidates"]
    for cloud in ("devcloud/RegionOne", "devcloud-alt/RegionOne", "devcloud-admin/RegionOne"):
        assert cloud in candidates


def test_images_per_region(stubs):
    reply = stubs.image.ListImages(image_pb2.ListImagesRequest(location=location_pb2.Location(cloud="devcloud")))
    by_region = {}
    for image in reply.images:
        by_region.setdefault(image.location.region, set()).add(image.name)
    assert {"cirros-tiny", "cirros-small"} <= by_region["RegionOne"]
    assert "regiontwo-image" in by_region["RegionTwo"]
    assert "regiontwo-image" not in by_region["RegionOne"]
    assert not reply.errors


def test_get_image_fields(stubs, demo):
    expected = demo.image.find_image("cirros-tiny", ignore_missing=False)
    image = stubs.image.GetImage(image_pb2.GetImageRequest(location=DEVCLOUD, name_or_id="cirros-tiny"))
    assert image.id == expected.id
    assert image.status == image_pb2.IMAGE_STATUS_ACTIVE
    assert image.visibility == image_pb2.IMAGE_VISIBILITY_PUBLIC
    assert image.size == expected.size and image.checksum == expected.checksum
    assert image.disk_format == expected.disk_format
    assert image.create_time.seconds > 0
    assert image.location.project.id == expected.owner_id


def test_get_image_ambiguous_lists_candidates(stubs, duplicate_images):
    name, images = duplicate_images
    with pytest.raises(grpc.RpcError) as caught:
        stubs.image.GetImage(image_pb2.GetImageRequest(location=DEVCLOUD, name_or_id=name))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    for image in images:
        assert image.id in caught.value.details()


def test_list_images_filter_by_enum(stubs, duplicate_images):
    name, _ = duplicate_images
    reply = stubs.image.ListImages(image_pb2.ListImagesRequest(
        location=DEVCLOUD, filters={"visibility": "PRIVATE"}))
    names = [image.name for image in reply.images]
    assert names.count(name) == 2
    assert "cirros-tiny" not in names  # public
    assert {image.visibility for image in reply.images} == {image_pb2.IMAGE_VISIBILITY_PRIVATE}


def test_floating_ips(stubs, floating_ip):
    reply = stubs.network.ListFloatingIps(network_pb2.ListFloatingIpsRequest(location=DEVCLOUD))
    ips = {ip.id: ip for ip in reply.floating_ips}
    ip = ips[floating_ip.id]
    assert ip.floating_ip_address == floating_ip.floating_ip_address
    assert ip.network_id == floating_ip.floating_network_id
    assert not ip.is_attached
    assert ip.status == network_pb2.FLOATING_IP_STATUS_DOWN  # no L3 agent on the local cloud
    assert ip.location.project.name == "demo"
    by_address = stubs.network.GetFloatingIp(network_pb2.GetFloatingIpRequest(
        location=DEVCLOUD, name_or_id=floating_ip.floating_ip_address))
    assert by_address.id == floating_ip.id
    unattached = stubs.network.ListFloatingIps(network_pb2.ListFloatingIpsRequest(
        location=DEVCLOUD, filters={"is_attached": "false"}))
    assert floating_ip.id in {i.id for i in unattached.floating_ips}


def test_unknown_cloud_is_not_found(stubs):
    with pytest.raises(grpc.RpcError) as caught:
        stubs.compute.ListFlavors(compute_pb2.ListFlavorsRequest(location=location_pb2.Location(cloud="nope")))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert "nope" in caught.value.details()


def test_unknown_filter_is_invalid_argument(stubs):
    with pytest.raises(grpc.RpcError) as caught:
        stubs.compute.ListFlavors(compute_pb2.ListFlavorsRequest(location=DEVCLOUD, filters={"colour": "red"}))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    violations = details_of(rpc_status(caught.value), error_details_pb2.BadRequest)[0].field_violations
    assert violations[0].field == "filters[colour]"


def test_deadline_is_enforced(stubs):
    with pytest.raises(grpc.RpcError) as caught:
        stubs.image.ListImages(image_pb2.ListImagesRequest(), timeout=0.001)
    assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
