"""Shared mode (`oaktree serve --auth keystone`) against the local cloud's Keystone.

Two users in two projects (devcloud: demo/demo, devcloud-alt: alt/alt). Each test gets its
tokens from Keystone directly. The server's clouds.yaml holds no credentials at all: only
Keystone's URL and the regions, so everything it does, it does with the caller's token.
"""
from __future__ import annotations

import datetime
import importlib.util
import json
import pathlib
import re
import subprocess
import sys
import time

import grpc
import httpx
import openstack
import pytest
from auth_helpers import (create_app_credential, delete_app_credential, new_token, oauth2_token,
                          revoke, unique, unscoped_token)
from oaktree_server import start_server, stop_server

from oaktree.v1 import clouds_pb2, clouds_pb2_grpc, location_pb2, network_pb2, network_pb2_grpc

REVALIDATE = 3  # seconds: the shared server's bound on how long a revoked token keeps working

SHARED_CLOUDS = """\
clouds:
  devcloud:
    auth:
      auth_url: http://127.0.0.1:5000/v3
    regions: [RegionOne, RegionTwo]
    identity_api_version: 3
  # Another Keystone (same service, another URL): demo's tokens are not valid for it.
  elsewhere:
    auth:
      auth_url: http://localhost:5000/v3
    region_name: RegionOne
    identity_api_version: 3
"""


@pytest.fixture(scope="module")
def secrets() -> list[str]:
    """Every token and secret the tests use; the last test greps the server log for them."""
    return []


def _start_shared(tmp_path_factory, name: str, revalidate: float):
    directory = tmp_path_factory.mktemp(name)
    clouds = directory / "clouds.yaml"
    clouds.write_text(SHARED_CLOUDS)
    return start_server(clouds, directory / "oaktree.log", "--auth", "keystone",
                        "--token-revalidate", str(revalidate), "--log-level", "debug")


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    running = _start_shared(tmp_path_factory, "shared", REVALIDATE)
    yield running
    assert stop_server(running) == 0, running.log()


def _conformance_checker():
    """The OpenAPI 3.1 document's response checker (tests/openapi/conformance.py)."""
    root = pathlib.Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("openapi_live_conformance", root / "tests/openapi/conformance.py")
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module.ResponseChecker(json.loads((root / "openapi/oaktree.openapi.json").read_text()))


@pytest.fixture(scope="module")
def shared_http(shared):
    """Every /v1 response, 401s and 403s included, is checked against the OpenAPI document."""
    checker = _conformance_checker()

    def validate(response: httpx.Response) -> None:
        if response.request.url.path.startswith("/v1/"):
            response.read()
            checker.validate(response.request.method, response.request.url.path, response.status_code,
                             response.headers, response.content)

    with httpx.Client(base_url=shared.base_url, timeout=60, event_hooks={"response": [validate]}) as client:
        yield client


@pytest.fixture(scope="module")
def shared_network(shared):
    with shared.channel() as channel:
        yield network_pb2_grpc.NetworkServiceStub(channel)


@pytest.fixture(scope="module")
def alt(clouds_yaml):
    connection = openstack.connect(cloud="devcloud-alt", region_name="RegionOne")
    yield connection
    connection.close()


def _floating_ip(connection):
    network = connection.network.find_network("public", ignore_missing=False)
    return connection.network.create_ip(floating_network_id=network.id, description=unique("fip"))


@pytest.fixture(scope="module")
def demo_ip(demo):
    ip = _floating_ip(demo)
    yield ip
    demo.network.delete_ip(ip, ignore_missing=True)


@pytest.fixture(scope="module")
def alt_ip(alt):
    ip = _floating_ip(alt)
    yield ip
    alt.network.delete_ip(ip, ignore_missing=True)


@pytest.fixture(scope="module")
def demo_token(secrets, clouds_yaml):
    token = new_token("devcloud")
    secrets.append(token)
    return token


@pytest.fixture(scope="module")
def alt_token(secrets, clouds_yaml):
    token = new_token("devcloud-alt")
    secrets.append(token)
    return token


def rest_ips(http, token: str, header: str = "x-auth-token") -> dict:
    value = f"Bearer {token}" if header == "authorization" else token
    response = http.get("/v1/floatingIps", headers={header: value})
    assert response.status_code == 200, response.text
    return response.json()


def grpc_ips(stub, token: str, key: str = "x-auth-token") -> network_pb2.ListFloatingIpsResponse:
    value = f"Bearer {token}" if key == "authorization" else token
    return stub.ListFloatingIps(network_pb2.ListFloatingIpsRequest(), metadata=[(key, value)], timeout=60)


def assert_rest_unauthenticated(response: httpx.Response, reason: str) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"].startswith("Bearer")
    body = response.json()
    assert body["code"] == grpc.StatusCode.UNAUTHENTICATED.value[0]
    assert body["details"][0]["reason"] == reason


def grpc_error(call) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        call()
    return caught.value


# ---- who sees what -----------------------------------------------------------------------------

def test_each_user_sees_only_their_project(shared_http, shared_network, demo_ip, alt_ip,
                                           demo_token, alt_token, demo, alt):
    demo_addresses = {demo_ip.floating_ip_address}
    alt_addresses = {alt_ip.floating_ip_address}
    for _ in range(2):  # the second round is served right after the other user's list
        for token, mine, theirs, project in ((demo_token, demo_addresses, alt_addresses, demo.current_project_id),
                                             (alt_token, alt_addresses, demo_addresses, alt.current_project_id)):
            body = rest_ips(shared_http, token)
            seen = {ip["floatingIpAddress"] for ip in body["floatingIps"]}
            assert mine <= seen and not theirs & seen
            assert {ip["location"]["project"]["id"] for ip in body["floatingIps"]} == {project}
            assert {ip["location"]["cloud"] for ip in body["floatingIps"]} == {"devcloud"}

            reply = grpc_ips(shared_network, token)
            seen = {ip.floating_ip_address for ip in reply.floating_ips}
            assert mine <= seen and not theirs & seen
            assert {ip.location.project.id for ip in reply.floating_ips} == {project}


def test_bearer_and_x_auth_token_are_the_same_identity(shared_http, shared_network, demo_ip, demo_token):
    by_header = rest_ips(shared_http, demo_token, "x-auth-token")
    by_bearer = rest_ips(shared_http, demo_token, "authorization")
    assert by_header["floatingIps"] == by_bearer["floatingIps"]
    assert grpc_ips(shared_network, demo_token, "authorization").floating_ips == \
        grpc_ips(shared_network, demo_token, "x-auth-token").floating_ips


def test_list_clouds_shows_the_tokens_clouds_and_project(shared, demo_token, demo):
    with shared.channel() as channel:
        reply = clouds_pb2_grpc.CloudsServiceStub(channel).ListClouds(
            clouds_pb2.ListCloudsRequest(), metadata=[("x-auth-token", demo_token)], timeout=30)
    assert [c.name for c in reply.clouds] == ["devcloud"]  # not `elsewhere`: another Keystone
    assert reply.clouds[0].project.id == demo.current_project_id
    assert reply.clouds[0].project.name == "demo"


def test_writes_act_as_the_tokens_user(shared_http, demo_token, alt_token, demo, alt):
    """A keypair (owned by a user, not a project) made through oaktree with demo's token
    belongs to demo: Nova shows it to demo, not to alt, and alt's token cannot delete it."""
    name = unique("key")
    path = "/v1/clouds/devcloud/regions/RegionOne/keypairs"
    try:
        response = shared_http.post(path, json={"name": name}, headers={"x-auth-token": demo_token})
        assert response.status_code in (200, 201), response.text
        assert demo.compute.find_keypair(name) is not None
        assert alt.compute.find_keypair(name) is None
        response = shared_http.delete(f"{path}/{name}", headers={"x-auth-token": alt_token})
        assert response.status_code == 404, response.text
        response = shared_http.delete(f"{path}/{name}", headers={"x-auth-token": demo_token})
        assert response.status_code in (200, 204), response.text
        assert demo.compute.find_keypair(name) is None
    finally:
        demo.compute.delete_keypair(name, ignore_missing=True)


# ---- OAuth 2.0: an application credential in a file -> bearer token -> oaktree -----------------

def test_oauth2_bearer_from_application_credential(shared_http, shared_network, demo, demo_ip, secrets):
    cred = create_app_credential(demo)
    secrets.append(cred.secret)
    try:
        token = oauth2_token(cred)
        secrets.append(token)
        body = rest_ips(shared_http, token, "authorization")
        assert demo_ip.floating_ip_address in {ip["floatingIpAddress"] for ip in body["floatingIps"]}
        reply = grpc_ips(shared_network, token, "authorization")
        assert demo_ip.floating_ip_address in {ip.floating_ip_address for ip in reply.floating_ips}
    finally:
        delete_app_credential(demo, cred)


# ---- rejected tokens ---------------------------------------------------------------------------

def test_missing_token(shared_http, shared_network):
    assert_rest_unauthenticated(shared_http.get("/v1/floatingIps"), "TOKEN_MISSING")
    error = grpc_error(lambda: shared_network.ListFloatingIps(network_pb2.ListFloatingIpsRequest(), timeout=30))
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED


@pytest.mark.parametrize("header,value", [
    ("x-auth-token", "gAAAAABgarbage-not-a-token"),
    ("authorization", "Bearer gAAAAABgarbage-not-a-token"),
    ("authorization", "Basic ZGVtbzpzZWNyZXQ="),
    ("x-auth-token", "two words"),
])
def test_garbage_tokens(shared_http, shared_network, header, value, secrets):
    if len(value.split()[-1]) > 10:
        secrets.append(value.split()[-1])  # rejected credentials are not logged either
    response = shared_http.get("/v1/floatingIps", headers={header: value})
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
    error = grpc_error(lambda: shared_network.ListFloatingIps(
        network_pb2.ListFloatingIpsRequest(), metadata=[(header, value)], timeout=30))
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED
    assert "garbage" not in error.details() and "garbage" not in response.text


def test_two_different_tokens_are_refused(shared_http, demo_token, alt_token):
    response = shared_http.get("/v1/floatingIps", headers={
        "x-auth-token": demo_token, "authorization": f"Bearer {alt_token}"})
    assert_rest_unauthenticated(response, "TOKEN_AMBIGUOUS")


def test_revoked_token_stops_working_within_the_bound(shared_http, shared_network, demo, secrets):
    token = new_token("devcloud")
    secrets.append(token)
    rest_ips(shared_http, token)          # validated and cached
    grpc_ips(shared_network, token)
    revoke(demo, token)
    time.sleep(REVALIDATE + 0.5)          # the stated bound: --token-revalidate seconds
    assert_rest_unauthenticated(shared_http.get("/v1/floatingIps", headers={"x-auth-token": token}),
                                "TOKEN_INVALID")
    error = grpc_error(lambda: grpc_ips(shared_network, token))
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED


def test_expired_token_is_rejected_even_while_cached(tmp_path_factory, demo, demo_ip, secrets):
    """A token from an application credential expires with it. This server would reuse a
    validation for an hour, so only the token's own expiry can reject it."""
    server = _start_shared(tmp_path_factory, "expiry", 3600)
    cred = None
    try:
        expires = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) \
            + datetime.timedelta(seconds=8)
        cred = create_app_credential(demo, expires_at=expires)
        secrets.append(cred.secret)
        token = oauth2_token(cred)
        secrets.append(token)
        with httpx.Client(base_url=server.base_url, timeout=60) as http:
            assert demo_ip.floating_ip_address in {
                ip["floatingIpAddress"] for ip in rest_ips(http, token, "authorization")["floatingIps"]}
            time.sleep(max(0.0, (expires - datetime.datetime.now(datetime.timezone.utc)).total_seconds()) + 1)
            assert_rest_unauthenticated(
                http.get("/v1/floatingIps", headers={"authorization": f"Bearer {token}"}), "TOKEN_EXPIRED")
    finally:
        if cred:
            delete_app_credential(demo, cred)
        assert stop_server(server) == 0, server.log()
        log = server.log()
        assert all(secret not in log for secret in secrets)


# ---- what a token cannot reach -----------------------------------------------------------------

def test_other_project_is_permission_denied(shared_http, shared_network, demo_token, alt):
    response = shared_http.get("/v1/floatingIps", params={"location.project.id": alt.current_project_id},
                               headers={"x-auth-token": demo_token})
    assert response.status_code == 403, response.text
    assert response.json()["details"][0]["reason"] == "PROJECT_NOT_IN_SCOPE"
    error = grpc_error(lambda: shared_network.ListFloatingIps(
        network_pb2.ListFloatingIpsRequest(location=location_pb2.Location(
            project=location_pb2.Project(name="alt"))),
        metadata=[("x-auth-token", demo_token)], timeout=30))
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED


def test_cloud_of_another_keystone_is_permission_denied(shared_http, shared_network, demo_token):
    response = shared_http.get("/v1/clouds/elsewhere/floatingIps", headers={"x-auth-token": demo_token})
    assert response.status_code == 403, response.text
    assert response.json()["details"][0]["reason"] == "CLOUD_NOT_REACHABLE"
    error = grpc_error(lambda: shared_network.ListFloatingIps(
        network_pb2.ListFloatingIpsRequest(location=location_pb2.Location(cloud="elsewhere")),
        metadata=[("x-auth-token", demo_token)], timeout=30))
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED


def test_unscoped_token_is_permission_denied(shared_http, shared_network, demo, secrets):
    token = unscoped_token(demo)
    secrets.append(token)
    response = shared_http.get("/v1/floatingIps", headers={"x-auth-token": token})
    assert response.status_code == 403, response.text
    assert response.json()["details"][0]["reason"] == "TOKEN_NOT_PROJECT_SCOPED"
    error = grpc_error(lambda: grpc_ips(shared_network, token))
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED


@pytest.mark.parametrize("options,complaint", [
    (["--auth", "ldap"], "unknown auth mode"),
    (["--tls-client-ca", "{ca}"], "both a certificate and a key"),
])
def test_bad_auth_options_are_usage_errors(clouds_yaml, tmp_path, options, complaint):
    ca = tmp_path / "ca.pem"
    ca.write_text("not used")
    result = subprocess.run([sys.executable, "-m", "oaktree", "serve", "--grpc-port", "0", "--http-port", "0",
                             *[o.format(ca=ca) for o in options]],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and complaint in result.stderr and "Traceback" not in result.stderr


# ---- the README's "token from a file" examples, as written ------------------------------------

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"
DEMO_FILE = "~/.cache/oaktree-devcloud/app-credential.json"


def token_from_file_blocks() -> list[str]:
    section = README.read_text().split("### A token from a file", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)```", section, re.S)


def test_readme_token_from_file_examples(shared, demo, demo_ip, secrets, tmp_path):
    cred = create_app_credential(demo)  # our own, not the demo file: tests stay isolated
    secrets.append(cred.secret)
    cred_file = tmp_path / "app-credential.json"
    cred_file.write_text(json.dumps({"id": cred.id, "secret": cred.secret, "oauth2_token_url": cred.token_url}))
    curl_block, grpc_block = token_from_file_blocks()
    try:
        for block in (curl_block, grpc_block):
            assert DEMO_FILE in block
            script = (block.replace(DEMO_FILE, str(cred_file))
                      .replace("localhost:8080", f"localhost:{shared.http_port}")
                      .replace("127.0.0.1:50051", shared.grpc_target))
            result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120,
                                    cwd=README.parent)
            assert result.returncode == 0, result.stderr
            assert cred.secret not in result.stdout + result.stderr
            if block is curl_block:
                addresses = {ip["floatingIpAddress"] for ip in json.loads(result.stdout)["floatingIps"]}
                assert demo_ip.floating_ip_address in addresses
            else:
                assert f"demo {demo_ip.floating_ip_address}" in result.stdout.splitlines()
    finally:
        delete_app_credential(demo, cred)


# ---- last: nothing secret in the log -----------------------------------------------------------

def test_log_never_shows_tokens_or_secrets(shared, secrets):
    log = shared.log()
    assert "DEBUG" in log and "validated token" in log  # it really ran at debug level
    assert len(secrets) >= 5
    for secret in secrets:
        assert secret not in log
