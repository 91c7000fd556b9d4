"""Regenerate everything derived from the .proto files, with one command.

    python tools/generate.py           # write the generated files
    python tools/generate.py --check   # write nothing; exit 1 and list what is stale

Outputs (all checked in):
  protos/**/*.proto        -> oaktree/v1/*_pb2.py, *_pb2.pyi, *_pb2_grpc.py
                              oaktree/v1/descriptor_set.binpb (oaktree's files with comments:
                              the server renders its OpenAPI documents from it)
  tests/protos/**/*.proto  -> tests/gen/**  (the transcoder's test-only protos)
  the oaktree services     -> openapi/oaktree.swagger.json (2.0), openapi/oaktree.openapi.json (3.1)

protoc comes from grpcio-tools. google/api/*.proto ship with googleapis-common-protos;
the protoc-gen-openapiv2 option protos ship only as compiled modules, so their
descriptors are handed to protoc as a descriptor set built from those modules.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

# (proto root, output root) pairs; the output mirrors the proto package paths.
TREES = [
    (ROOT / "protos", ROOT),
    (ROOT / "tests" / "protos", ROOT / "tests" / "gen"),
]
OPENAPI_DIR = ROOT / "openapi"
OAKTREE_DESCRIPTOR_SET = ROOT / "oaktree" / "v1" / "descriptor_set.binpb"


def _include_dirs() -> list[str]:
    import grpc_tools
    import google.api.annotations_pb2 as google_api

    wkt = pathlib.Path(grpc_tools.__file__).parent / "_proto"
    googleapis = pathlib.Path(google_api.__file__).parent.parent.parent
    return [str(wkt), str(googleapis)]


def _openapiv2_descriptor_set(path: pathlib.Path) -> None:
    """Descriptor set of the protoc-gen-openapiv2 option protos, from the installed modules."""
    from google.protobuf import descriptor_pb2, struct_pb2
    from protoc_gen_openapiv2.options import annotations_pb2, openapiv2_pb2

    fds = descriptor_pb2.FileDescriptorSet()
    for module in (descriptor_pb2, struct_pb2, openapiv2_pb2, annotations_pb2):
        module.DESCRIPTOR.CopyToProto(fds.file.add())
    path.write_bytes(fds.SerializeToString())


def _protoc(args: list[str]) -> None:
    from grpc_tools import protoc

    if protoc.main(["protoc", *args]) != 0:
        sys.exit("protoc failed: " + " ".join(args))


def _proto_files(root: pathlib.Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.proto"))


def generate_into(out: pathlib.Path) -> dict[pathlib.Path, bytes]:
    """Run every generator into the scratch dir `out`; return {repo path: content}."""
    results: dict[pathlib.Path, bytes] = {}
    options_set = out / "openapiv2-options.binpb"
    _openapiv2_descriptor_set(options_set)
    includes = [f"-I{d}" for d in _include_dirs()]
    for index, (proto_root, out_root) in enumerate(TREES):
        files = _proto_files(proto_root)
        if not files:
            continue
        scratch = out / f"tree{index}"
        scratch.mkdir()
        descriptor_set = scratch / "descriptor_set.binpb"
        _protoc([
            f"-I{proto_root}", *includes, f"--descriptor_set_in={options_set}",
            f"--python_out={scratch}", f"--pyi_out={scratch}", f"--grpc_python_out={scratch}",
            f"--descriptor_set_out={descriptor_set}", "--include_imports", "--include_source_info",
            *files,
        ])
        for produced in scratch.rglob("*"):
            if produced.is_file() and produced != descriptor_set:
                results[out_root / produced.relative_to(scratch)] = produced.read_bytes()
        # Every generated directory must be a Python package; hand-written __init__ files win.
        for produced in list(results):
            directory = produced.parent
            while directory != out_root and directory.is_relative_to(out_root):
                init = directory / "__init__.py"
                if not init.exists():
                    results.setdefault(init, b"")
                directory = directory.parent
        if proto_root == ROOT / "protos":
            own = _own_files(descriptor_set.read_bytes(), files)
            results[OAKTREE_DESCRIPTOR_SET] = own
            results.update(_openapi(own))
    return results


def _own_files(descriptor_set: bytes, files: list[str]) -> bytes:
    """Only the project's own files: imports come from installed packages at run time."""
    from google.protobuf import descriptor_pb2

    full = descriptor_pb2.FileDescriptorSet.FromString(descriptor_set)
    own = descriptor_pb2.FileDescriptorSet(file=[f for f in full.file if f.name in files])
    return own.SerializeToString(deterministic=True)


def _openapi(descriptor_set: bytes) -> dict[pathlib.Path, bytes]:
    """The OpenAPI documents, generated from the same route table the transcoder serves."""
    from oaktree.openapi_docs import render_documents

    try:
        documents = render_documents(descriptor_set)
    except ImportError:  # TODO(lead): remove once gateway.openapi has landed
        return {}
    return {OPENAPI_DIR / name: content for name, content in documents.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        results = generate_into(pathlib.Path(tmp))
    stale = [path for path, content in sorted(results.items())
             if not path.exists() or path.read_bytes() != content]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        if stale:
            print("run: python tools/generate.py")
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(results[path])
        print(f"wrote {path.relative_to(ROOT)}")
    if not stale:
        print("everything is up to date")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
