"""TLS on both ports (--tls-cert/--tls-key) and mutual TLS (--tls-client-ca), with a CA made
in the test. The TLS server runs in shared mode so gRPC's standard call credentials
(access_token_call_credentials: `authorization: Bearer`, sent only over secure channels)
are exercised too."""
from __future__ import annotations

import ssl

import grpc
import httpx
import pytest
from auth_helpers import make_pki, new_token
from oaktree_server import start_server, stop_server

from oaktree.v1 import clouds_pb2, clouds_pb2_grpc

SHARED_CLOUDS = """\
clouds:
  devcloud:
    auth:
      auth_url: http://127.0.0.1:5000/v3
    regions: [RegionOne, RegionTwo]
"""


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


def client_context(pki, with_cert: bool) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(pki.ca))
    if with_cert:
        context.load_cert_chain(str(pki.client_cert), str(pki.client_key))
    return context


@pytest.fixture(scope="module")
def tls_server(pki, tmp_path_factory, clouds_yaml):
    directory = tmp_path_factory.mktemp("tls")
    clouds = directory / "clouds.yaml"
    clouds.write_text(SHARED_CLOUDS)
    running = start_server(clouds, directory / "oaktree.log", "--auth", "keystone",
                           "--tls-cert", str(pki.server_cert), "--tls-key", str(pki.server_key),
                           grpc_credentials=grpc.ssl_channel_credentials(pki.read("ca")))
    yield running
    assert stop_server(running) == 0, running.log()


@pytest.fixture(scope="module")
def mtls_server(pki, tmp_path_factory, clouds_yaml):
    credentials = grpc.ssl_channel_credentials(pki.read("ca"), pki.read("client_key"), pki.read("client_cert"))
    running = start_server(clouds_yaml, tmp_path_factory.mktemp("mtls") / "oaktree.log", "--cloud", "devcloud",
                           "--tls-cert", str(pki.server_cert), "--tls-key", str(pki.server_key),
                           "--tls-client-ca", str(pki.ca), grpc_credentials=credentials)
    yield running
    assert stop_server(running) == 0, running.log()


def test_tls_round_trip_with_bearer_call_credentials(tls_server, pki, demo):
    token = new_token("devcloud")
    credentials = grpc.composite_channel_credentials(
        grpc.ssl_channel_credentials(pki.read("ca")), grpc.access_token_call_credentials(token))
    with grpc.secure_channel(tls_server.grpc_target, credentials) as channel:
        reply = clouds_pb2_grpc.CloudsServiceStub(channel).ListClouds(clouds_pb2.ListCloudsRequest(), timeout=30)
    assert [(c.name, c.project.id) for c in reply.clouds] == [("devcloud", demo.current_project_id)]

    assert tls_server.base_url.startswith("https://")
    with httpx.Client(base_url=tls_server.base_url, verify=client_context(pki, False), timeout=30) as http:
        response = http.get("/v1/clouds", headers={"authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text
        assert response.json()["clouds"][0]["project"]["id"] == demo.current_project_id
        assert http.get("/v1/clouds").status_code == 401
    assert token not in tls_server.log()


def test_tls_refuses_plaintext_clients(tls_server):
    with grpc.insecure_channel(tls_server.grpc_target) as channel:
        with pytest.raises(grpc.RpcError) as caught:
            clouds_pb2_grpc.CloudsServiceStub(channel).ListClouds(clouds_pb2.ListCloudsRequest(), timeout=10)
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{tls_server.http_port}/v1/clouds", timeout=10)


def test_mtls_round_trip_with_client_certificate(mtls_server, pki):
    with mtls_server.channel() as channel:
        reply = clouds_pb2_grpc.CloudsServiceStub(channel).ListClouds(clouds_pb2.ListCloudsRequest(), timeout=30)
    assert [c.name for c in reply.clouds] == ["devcloud"]
    with httpx.Client(base_url=mtls_server.base_url, verify=client_context(pki, True), timeout=30) as http:
        response = http.get("/v1/clouds")
        assert response.status_code == 200 and response.json()["clouds"][0]["name"] == "devcloud"


def test_mtls_rejects_a_client_without_a_certificate(mtls_server, pki):
    with grpc.secure_channel(mtls_server.grpc_target, grpc.ssl_channel_credentials(pki.read("ca"))) as channel:
        with pytest.raises(grpc.RpcError) as caught:
            clouds_pb2_grpc.CloudsServiceStub(channel).ListClouds(clouds_pb2.ListCloudsRequest(), timeout=10)
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    with httpx.Client(base_url=mtls_server.base_url, verify=client_context(pki, False), timeout=10) as http:
        with pytest.raises((httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError)):
            http.get("/v1/clouds")
