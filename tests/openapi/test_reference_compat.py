"""Differential test against the reference: Debian's protoc-gen-swagger (grpc-gateway 1.x,
package golang-grpc-gateway), run on the same fixture proto, over the ground where its
output and protoc-gen-openapiv2's agree (names, ids, tags, definitions, annotations).

The old plugin predates proto3 `optional` and loops on recursive query messages, so it is
given the fixture with those two constructs removed; our generator reads the same copy.
Deliberate differences (not compared): expanded paths, 201/204, the default error
response, inlined well-known types, body "*" without its path fields.
"""
from __future__ import annotations

import json
import re
import shutil
import sys

import pytest
from google.protobuf import descriptor_pb2, descriptor_pool

from gateway.openapi import swagger2
from gateway.protojson import JsonOptions
from gateway.routes import RouteTable
from tests.openapi import fixture

PLUGIN = "/usr/bin/protoc-gen-swagger"
WKT_DEFINITIONS = re.compile(r"^(protobuf|api)[A-Z]")  # the plugin's definitions for well-known types


def _compat_proto() -> str:
    text = (fixture.PROTO_ROOT / fixture.PROTO).read_text()
    text = text.replace("  optional double ph = 10;", "  double ph = 10;")
    text = text.replace("  PlantFilter inner = 3;\n", "")
    assert "optional " not in text and "PlantFilter inner" not in text
    return text


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[dict, dict]:
    if shutil.which(PLUGIN) is None:
        pytest.fail(f"{PLUGIN} is missing: apt-get install -y golang-grpc-gateway")
    sys.path.insert(0, str(fixture.ROOT / "tools"))
    import generate
    from grpc_tools import protoc

    tmp = tmp_path_factory.mktemp("compat")
    (tmp / "src" / "gwtest" / "v1").mkdir(parents=True)
    (tmp / "src" / fixture.PROTO).write_text(_compat_proto())
    options = tmp / "options.binpb"
    generate._openapiv2_descriptor_set(options)
    common = [f"-I{tmp / 'src'}", *[f"-I{d}" for d in generate._include_dirs()], f"--descriptor_set_in={options}"]
    assert protoc.main(["protoc", *common, f"--plugin=protoc-gen-swagger={PLUGIN}",
                        f"--swagger_out=json_names_for_fields=true:{tmp}", fixture.PROTO]) == 0
    reference = json.loads((tmp / "gwtest" / "v1" / "openapi.swagger.json").read_text())

    assert protoc.main(["protoc", *common, f"--descriptor_set_out={tmp / 'set.binpb'}", "--include_imports",
                        "--include_source_info", fixture.PROTO]) == 0
    files = descriptor_pb2.FileDescriptorSet.FromString((tmp / "set.binpb").read_bytes())
    pool = descriptor_pool.DescriptorPool()
    for file in files.file:
        pool.Add(file)
    services = [pool.FindServiceByName(f"gwtest.v1.{name}") for name in ("Greenhouse", "SeedVault")]
    ours = swagger2(RouteTable.from_services(services), JsonOptions(), source=files)
    return reference, ours


def _operations(doc: dict) -> dict[str, dict]:
    return {op["operationId"]: op for item in doc["paths"].values() for op in item.values()}


def _camel(dotted: str) -> str:
    return ".".join(re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), part) for part in dotted.split("."))


def test_document_level_annotations_match(both):
    reference, ours = both
    for key in ("info", "securityDefinitions", "security", "externalDocs", "consumes", "produces"):
        assert ours[key] == reference[key], key


def test_operation_ids_and_tags_match(both):
    reference, ours = both
    ours_ops = _operations(ours)
    for ref_id, ref_op in _operations(reference).items():
        # grpc-gateway 1.x ids are bare method names; 2.x (and we) prefix the service,
        # unless openapiv2_operation.operation_id sets it.
        service = ref_op["tags"][0] if ref_op["tags"][0] != "Search" else None
        our_id = f"{service}_{ref_id}" if service and f"{service}_{ref_id}" in ours_ops else ref_id
        assert our_id in ours_ops, (ref_id, sorted(ours_ops))
        assert ours_ops[our_id]["tags"] == ref_op["tags"]
        assert ours_ops[our_id].get("summary") == ref_op.get("summary")
    assert len(_operations(reference)) == len(ours_ops)


def test_query_parameters_match(both):
    """Same fields flattened the same way (1.x writes proto names even with json names on).
    Operations with a body are left out: 1.x offers no query parameters beside a body field,
    2.x and the runtime do."""
    reference, ours = both
    ours_ops = {k.split("_", 1)[-1]: v for k, v in _operations(ours).items()}
    compared = 0
    for ref_id, ref_op in _operations(reference).items():
        if any(p["in"] == "body" for p in ref_op.get("parameters", [])):
            continue
        compared += 1
        expected = sorted(_camel(p["name"]) for p in ref_op.get("parameters", []) if p["in"] == "query")
        got = sorted(p["name"] for p in ours_ops[ref_id].get("parameters", []) if p["in"] == "query")
        assert got == expected, ref_id
    assert compared >= 8


def test_definitions_match(both):
    reference, ours = both
    ref_defs, our_defs = reference["definitions"], ours["definitions"]
    ours_messages = {name for name in our_defs if not WKT_DEFINITIONS.match(name) or name == "protobufAny"}
    assert ours_messages - set(ref_defs) <= {"rpcStatus"}  # 1.x has no default error response
    compared = 0
    # protobufAny: 1.x described the proto fields (typeUrl, value), 2.x the JSON form (@type).
    for name in sorted((ours_messages & set(ref_defs)) - {"protobufAny"}):
        ref_props, our_props = ref_defs[name].get("properties", {}), our_defs[name].get("properties", {})
        assert list(our_props) == list(ref_props), name
        for prop, ref_schema in ref_props.items():
            ours_schema = our_props[prop]
            ref_target = ref_schema.get("$ref", "") or ref_schema.get("items", {}).get("$ref", "")
            if WKT_DEFINITIONS.search(ref_target.rsplit("/", 1)[-1]) and "protobufAny" not in ref_target:
                continue  # a well-known type: a definition there, inlined (its JSON form) here
            for key in ("$ref", "type"):
                assert ours_schema.get(key) == ref_schema.get(key), (name, prop, key)
            if ref_schema.get("type") != "boolean":  # 1.x writes a meaningless format "boolean"
                assert ours_schema.get("format") == ref_schema.get("format"), (name, prop)
            assert ours_schema.get("items", {}).get("$ref") == ref_schema.get("items", {}).get("$ref")
            assert ours_schema.get("description") == ref_schema.get("description") or "$ref" in ours_schema
            compared += 1
    assert compared >= 45, compared  # every non-WKT property of every shared definition
