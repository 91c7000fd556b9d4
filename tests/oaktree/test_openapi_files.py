"""oaktree's checked-in OpenAPI documents are valid and describe every HTTP binding."""
from __future__ import annotations

import json
import pathlib

from google.api import annotations_pb2
from openapi_spec_validator import validate

from oaktree.services.registry import SERVICES, descriptor_of

OPENAPI_DIR = pathlib.Path(__file__).resolve().parents[2] / "openapi"


def load(name: str) -> dict:
    return json.loads((OPENAPI_DIR / name).read_text())


def test_swagger_2_is_valid():
    validate(load("oaktree.swagger.json"))


def test_openapi_3_1_is_valid():
    document = load("oaktree.openapi.json")
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_rpc_has_an_operation():
    operation_ids = {op["operationId"] for path in load("oaktree.swagger.json")["paths"].values()
                     for op in path.values()}
    for cls in SERVICES:
        service = descriptor_of(cls)
        for method in service.methods:
            assert method.GetOptions().HasExtension(annotations_pb2.http), method.full_name
            assert f"{service.name}_{method.name}" in operation_ids


def test_redocly_lint_passes():
    """Redocly's recommended rules, minus the two tests/openapi/redocly.yaml explains."""
    import subprocess

    openapi_tests = OPENAPI_DIR.parent / "tests" / "openapi"
    redocly = openapi_tests / "node_modules" / ".bin" / "redocly"
    assert redocly.exists(), "run `npm ci` in tests/openapi (tools/setup --dev does)"
    result = subprocess.run([str(redocly), "lint", "--config", "redocly.yaml",
                             str(OPENAPI_DIR / "oaktree.openapi.json"), str(OPENAPI_DIR / "oaktree.swagger.json")],
                            cwd=openapi_tests, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stdout.lower(), result.stdout
