"""The gwtest OpenAPI fixture: its route table, its descriptor set with comments, its documents."""
from __future__ import annotations

import functools
import pathlib
import sys
import tempfile

from google.protobuf import descriptor_pb2

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROTO_ROOT = ROOT / "tests" / "protos"
PROTO = "gwtest/v1/openapi.proto"
GOLDEN = pathlib.Path(__file__).resolve().parent / "golden"

for path in (str(ROOT), str(ROOT / "tests" / "gen")):
    if path not in sys.path:
        sys.path.insert(0, path)

from gwtest.v1 import openapi_pb2  # noqa: E402

from gateway.protojson import JsonOptions  # noqa: E402
from gateway.routes import RouteTable  # noqa: E402


@functools.cache
def descriptor_set() -> descriptor_pb2.FileDescriptorSet:
    """protoc's FileDescriptorSet (with source info) for the fixture proto."""
    sys.path.insert(0, str(ROOT / "tools"))
    import generate  # the project's own protoc wiring (include paths, openapiv2 options)
    from grpc_tools import protoc

    with tempfile.TemporaryDirectory() as tmp:
        options = pathlib.Path(tmp) / "options.binpb"
        out = pathlib.Path(tmp) / "set.binpb"
        generate._openapiv2_descriptor_set(options)
        args = ["protoc", f"-I{PROTO_ROOT}", *[f"-I{d}" for d in generate._include_dirs()],
                f"--descriptor_set_in={options}", f"--descriptor_set_out={out}",
                "--include_imports", "--include_source_info", PROTO]
        if protoc.main(args) != 0:
            raise RuntimeError("protoc failed on " + PROTO)
        return descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())


def services():
    return list(openapi_pb2.DESCRIPTOR.services_by_name.values())


def route_table() -> RouteTable:
    return RouteTable.from_services(services())


def documents(json_options: JsonOptions = JsonOptions()) -> dict[str, dict]:
    from gateway.openapi import openapi31, swagger2

    table, source = route_table(), descriptor_set()
    return {
        "greenhouse.swagger.json": swagger2(table, json_options, source=source),
        "greenhouse.openapi.json": openapi31(table, json_options, source=source),
    }


def write_golden() -> list[pathlib.Path]:
    """Regenerate the checked-in documents (python -m tests.openapi.fixture)."""
    from gateway.openapi import dumps

    GOLDEN.mkdir(exist_ok=True)
    written = []
    for name, doc in documents().items():
        path = GOLDEN / name
        path.write_bytes(dumps(doc))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_golden():
        print("wrote", path.relative_to(ROOT))
