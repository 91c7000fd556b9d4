"""The same API over REST/JSON through the running server, compared with native gRPC.

grpc-gateway's defaults apply: camelCase names, zero values emitted, enums as names,
int64 as strings; errors are google.rpc.Status bodies with the grpc-gateway status table.
"""
from __future__ import annotations

import pathlib

import grpc
import pytest
from google.protobuf import json_format

from oaktree.v1 import compute_pb2, image_pb2, location_pb2, network_pb2

DEVCLOUD = location_pb2.Location(cloud="devcloud", region="RegionOne")
OPENAPI_DIR = pathlib.Path(__file__).resolve().parents[2] / "openapi"


def as_json(message) -> dict:
    """What grpc-gateway would send for this message."""
    return json_format.MessageToDict(message, always_print_fields_with_no_presence=True)


def test_list_flavors_matches_grpc(http, stubs):
    over_grpc = stubs.compute.ListFlavors(compute_pb2.ListFlavorsRequest(location=DEVCLOUD))
    reply = http.get("/v1/clouds/devcloud/regions/RegionOne/flavors")
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("application/json")
    assert reply.json() == as_json(over_grpc)
    assert {f["name"] for f in reply.json()["flavors"]} >= {"m1.tiny", "m1.small"}


def test_flavor_fields_are_camel_case_with_zero_values(http):
    flavor = http.get("/v1/clouds/devcloud/regions/RegionOne/flavors/m1.tiny").json()
    assert flavor["ram"] == 512 and flavor["vcpus"] == 1
    assert flavor["isPublic"] is True and flavor["isDisabled"] is False
    assert flavor["ephemeral"] == 0  # zero values are emitted, as grpc-gateway does
    assert flavor["location"] == {"cloud": "devcloud", "region": "RegionOne", "zone": "",
                                  "project": flavor["location"]["project"]}
    assert flavor["location"]["project"]["name"] == "demo"


def test_query_parameters_select(http, stubs):
    reply = http.get("/v1/flavors", params={"location.cloud": "devcloud", "location.region": "RegionOne",
                                            "nameOrId": "m1.*", "filters[ram]": ">=4096"})
    assert reply.status_code == 200, reply.text
    assert sorted(f["name"] for f in reply.json()["flavors"]) == ["m1.large", "m1.medium"]


def test_search_with_json_body(http):
    body = {"location": {"cloud": "devcloud", "region": "RegionOne"}, "filters": {"vcpus": "1", "disk": "<20"}}
    reply = http.post("/v1/flavors:search", json=body)
    assert reply.status_code == 200, reply.text
    assert [f["name"] for f in reply.json()["flavors"]] == ["m1.tiny"]


def test_get_image_matches_grpc(http, stubs):
    over_grpc = stubs.image.GetImage(image_pb2.GetImageRequest(location=DEVCLOUD, name_or_id="cirros-tiny"))
    reply = http.get("/v1/clouds/devcloud/regions/RegionOne/images/cirros-tiny")
    assert reply.status_code == 200
    body = reply.json()
    assert body == as_json(over_grpc)
    assert body["status"] == "IMAGE_STATUS_ACTIVE"
    assert body["size"] == str(over_grpc.size)  # int64 is a string in ProtoJSON
    assert body["createTime"].endswith("Z")


def test_list_images_in_both_regions(http):
    reply = http.get("/v1/clouds/devcloud/images")
    regions = {(i["name"], i["location"]["region"]) for i in reply.json()["images"]}
    assert ("regiontwo-image", "RegionTwo") in regions
    assert ("cirros-tiny", "RegionOne") in regions


def test_floating_ip_matches_grpc(http, stubs, floating_ip):
    over_grpc = stubs.network.GetFloatingIp(network_pb2.GetFloatingIpRequest(
        location=DEVCLOUD, name_or_id=floating_ip.id))
    reply = http.get(f"/v1/clouds/devcloud/regions/RegionOne/floatingIps/{floating_ip.id}")
    assert reply.status_code == 200
    assert reply.json() == as_json(over_grpc)
    listed = http.get("/v1/clouds/devcloud/regions/RegionOne/floatingIps").json()["floatingIps"]
    assert floating_ip.floating_ip_address in {ip["floatingIpAddress"] for ip in listed}


def test_list_clouds(http):
    reply = http.get("/v1/clouds")
    clouds = reply.json()["clouds"]
    assert [c["name"] for c in clouds] == ["devcloud", "devcloud-admin", "devcloud-alt"]
    assert clouds[0]["authType"] == "password"
    assert "secret" not in reply.text  # the password never leaves oaktree


@pytest.mark.parametrize("path, status, code", [
    ("/v1/clouds/nope/flavors", 404, grpc.StatusCode.NOT_FOUND),
    ("/v1/clouds/devcloud/regions/RegionOne/flavors/m9.huge", 404, grpc.StatusCode.NOT_FOUND),
    ("/v1/flavors/m1.tiny", 400, grpc.StatusCode.INVALID_ARGUMENT),  # ambiguous across clouds
    ("/v1/clouds/devcloud/flavors?filters[colour]=red", 400, grpc.StatusCode.INVALID_ARGUMENT),
    ("/v1/clouds/devcloud/flavors?pageSize=-1", 400, grpc.StatusCode.INVALID_ARGUMENT),
])
def test_errors_are_google_rpc_status(http, path, status, code):
    reply = http.get(path)
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert body["code"] == code.value[0]
    assert body["message"]
    assert all("@type" in detail for detail in body["details"])
    assert "Traceback" not in reply.text


def test_unknown_cloud_names_it(http):
    body = http.get("/v1/clouds/nope/images").json()
    assert "nope" in body["message"]
    assert {"@type": "type.googleapis.com/google.rpc.ResourceInfo", "resourceType": "cloud",
            "resourceName": "nope", "owner": "", "description": body["message"]} in body["details"]


def test_unknown_filter_names_the_field(http):
    body = http.get("/v1/clouds/devcloud/flavors", params={"filters[colour]": "red"}).json()
    bad_request = [d for d in body["details"] if d["@type"].endswith("google.rpc.BadRequest")][0]
    assert bad_request["fieldViolations"][0]["field"] == "filters[colour]"


def test_malformed_json_is_400(http):
    reply = http.post("/v1/flavors:search", content=b'{"location": {', headers={"content-type": "application/json"})
    assert reply.status_code == 400
    assert reply.json()["code"] == grpc.StatusCode.INVALID_ARGUMENT.value[0]


def test_unknown_query_parameter_is_400(http):
    reply = http.get("/v1/flavors", params={"colour": "red"})
    assert reply.status_code == 400
    assert "colour" in reply.text


def test_api_documents_are_served(http):
    openapi = http.get("/openapi.json")
    assert openapi.status_code == 200 and openapi.json()["openapi"].startswith("3.1")
    swagger = http.get("/swagger.json")
    assert swagger.status_code == 200 and swagger.json()["swagger"] == "2.0"
    assert "/v1/flavors" in swagger.json()["paths"]
    # The served documents are byte for byte the checked-in ones.
    assert openapi.content == (OPENAPI_DIR / "oaktree.openapi.json").read_bytes()
    assert swagger.content == (OPENAPI_DIR / "oaktree.swagger.json").read_bytes()
    docs = http.get("/docs")
    assert docs.status_code == 200 and "<html" in docs.text.lower()


def test_live_responses_were_checked_against_the_document(http, checked_operations):
    """Runs last in this module: the REST calls above were validated against OpenAPI 3.1."""
    http.get("/v1/clouds")
    # Additional bindings are numbered operations (GetImage2 for /v1/clouds/{c}/regions/{r}/...).
    methods = {operation.rstrip("0123456789") for operation in checked_operations}
    assert {"CloudsService_ListClouds", "ComputeService_ListFlavors", "ComputeService_GetFlavor",
            "ImageService_GetImage", "NetworkService_GetFloatingIp"} <= methods
