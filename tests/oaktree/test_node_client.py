"""A non-Python gRPC client (Node @grpc/grpc-js) calls ListFlavors."""
from __future__ import annotations

import json
import pathlib
import shutil
import subprocess

from google.protobuf import descriptor_pb2, descriptor_pool

from oaktree.v1 import compute_pb2

ROOT = pathlib.Path(__file__).resolve().parents[2]


def descriptor_set_with_imports(file_descriptor) -> bytes:
    """compute.proto and everything it imports, as protoc --include_imports would give."""
    files, seen = descriptor_pb2.FileDescriptorSet(), set()

    def add(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        proto = descriptor_pb2.FileDescriptorProto()
        descriptor_pool.Default().FindFileByName(name).CopyToProto(proto)
        for dependency in proto.dependency:
            add(dependency)
        files.file.append(proto)

    add(file_descriptor.name)
    return files.SerializeToString()


def test_node_grpc_js_lists_flavors(server, stubs, tmp_path):
    node = shutil.which("node")
    assert node, "node is required (README: running the tests)"
    assert (ROOT / "node_modules" / "@grpc" / "grpc-js").is_dir(), "run `npm ci` in the repository root"
    descriptors = tmp_path / "oaktree.binpb"
    descriptors.write_bytes(descriptor_set_with_imports(compute_pb2.DESCRIPTOR))
    result = subprocess.run(
        [node, str(ROOT / "tests" / "oaktree" / "node" / "list_flavors.js"), str(descriptors),
         server.grpc_target, "devcloud"],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env={"NODE_PATH": str(ROOT / "node_modules")})
    assert result.returncode == 0, result.stderr
    reply = json.loads(result.stdout)
    flavors = {f["name"]: f for f in reply["flavors"]}
    assert flavors["m1.small"]["ram"] == 2048
    assert flavors["m1.small"]["location"]["cloud"] == "devcloud"
    expected = stubs.compute.ListFlavors(compute_pb2.ListFlavorsRequest(location={"cloud": "devcloud"}))
    assert sorted(flavors) == sorted({f.name for f in expected.flavors})
    assert [e["location"]["region"] for e in reply["errors"]] == ["RegionTwo"]
