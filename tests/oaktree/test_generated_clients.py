"""Clients generated from oaktree's checked-in OpenAPI document work against the real
server on the local cloud: a Python SDK (openapi-python-client), a TypeScript one
(openapi-typescript + openapi-fetch, type-checked by tsc) and the docs page in headless
Chromium ("Try it out" -> 200). The tooling is tests/openapi's, re-pointed at oaktree."""
from __future__ import annotations

import json
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.openapi import sdk_python, sdk_typescript  # noqa: E402
from tests.openapi.docs_browser import open_docs  # noqa: E402
from tests.openapi.scenarios import Call  # noqa: E402

DOCUMENT = ROOT / "openapi" / "oaktree.openapi.json"
NODE_BIN = ROOT / "tests" / "openapi" / "node_modules" / ".bin"

CALLS = [
    Call("ComputeService_ListFlavors", query={"location.cloud": "devcloud", "location.region": "RegionOne"},
         check=lambda b: {f["name"] for f in b["flavors"]} >= {"m1.tiny", "m1.small"}
         and all(f["location"]["cloud"] == "devcloud" for f in b["flavors"])),
    Call("ImageService_GetImage2", path={"locationCloud": "devcloud", "nameOrId": "cirros-tiny"},
         check=lambda b: b["name"] == "cirros-tiny" and b["status"] == "IMAGE_STATUS_ACTIVE"),
    Call("ImageService_GetImage", path={"nameOrId": "no-such-image-7f3a"}, query={"location.cloud": "devcloud"},
         status=404, check=lambda b: b["code"] == 5 and "no-such-image-7f3a" in b["message"]),
    Call("ComputeService_ListFlavors4", body={"location": {"cloud": "devcloud"}, "nameOrId": "m1.l*"},
         check=lambda b: [f["name"] for f in b["flavors"]] == ["m1.large"]),
]


@pytest.fixture(scope="module")
def node_tools() -> pathlib.Path:
    assert (NODE_BIN / "tsc").exists(), "run `npm ci` in tests/openapi (tools/setup --dev does)"
    return NODE_BIN


def test_call_operations_exist():
    """The operationIds used below are the document's (numbered for additional bindings)."""
    operations = sdk_typescript.operations(json.loads(DOCUMENT.read_text()))
    assert operations["ComputeService_ListFlavors4"] == ("POST", "/v1/flavors:search")
    assert operations["ImageService_GetImage2"] == ("GET", "/v1/clouds/{locationCloud}/images/{nameOrId}")


def test_python_sdk(server, tmp_path):
    with sdk_python.generated_client(DOCUMENT.read_bytes(), tmp_path) as (package, output):
        for call in CALLS:
            response = sdk_python.call(package, server.base_url, call)
            assert int(response.status_code) == call.status, response.content
            body = sdk_python.as_json(response.parsed, response.content)
            assert call.check(body), (call.operation_id, body)


def test_typescript_sdk(server, node_tools):
    document = json.loads(DOCUMENT.read_text())
    build = ROOT / "tests" / "openapi" / "build" / "oaktree-ts-sdk"
    sdk_typescript.prepare(document, node_tools, build)
    results = sdk_typescript.run_calls(document, CALLS, server.base_url, node_tools, build)
    for call, answer in zip(CALLS, results):
        assert answer["status"] == call.status, (call.operation_id, answer)
        assert call.check(answer["body"]), (call.operation_id, answer)


def test_docs_page_in_chromium(server, node_tools):
    run = open_docs(server.base_url, "/docs", "ComputeService_ListFlavors", {})
    assert "ImageService_GetImage" in run["operations"]
    assert run["status"] == 200 and run["shownStatus"] == "200", run
    assert '"flavors"' in run["shownBody"]
    assert run["external"] == []
