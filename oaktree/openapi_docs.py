"""oaktree's OpenAPI documents: the generic generator (gateway.openapi) applied to
oaktree's services, with the gateway's JSON options.

`tools/generate.py` writes the result to openapi/ (checked in), and the server renders
the very same bytes at start-up from oaktree/v1/descriptor_set.binpb, so the served
documents, the checked-in files and the routes cannot drift apart.
"""
from __future__ import annotations

import functools
import importlib.resources
import json

from google.protobuf import descriptor_pb2, descriptor_pool

SWAGGER = "oaktree.swagger.json"
OPENAPI = "oaktree.openapi.json"


def _pool_for(files: descriptor_pb2.FileDescriptorSet) -> descriptor_pool.DescriptorPool:
    """A fresh pool holding `files` plus their imports, taken from the installed modules."""
    pool = descriptor_pool.DescriptorPool()
    own = {f.name: f for f in files.file}
    added: set[str] = set()

    def add(name: str) -> None:
        if name in added:
            return
        added.add(name)
        if name in own:
            proto = own[name]
        else:
            proto = descriptor_pb2.FileDescriptorProto()
            descriptor_pool.Default().FindFileByName(name).CopyToProto(proto)
        for dependency in proto.dependency:
            add(dependency)
        pool.Add(proto)

    for name in own:
        add(name)
    return pool


def render_documents(descriptor_set: bytes) -> dict[str, bytes]:
    """{file name: JSON bytes} for the Swagger 2.0 and OpenAPI 3.1 documents."""
    from gateway import JsonOptions
    from gateway.openapi import openapi31, swagger2
    from gateway.routes import RouteTable
    # The option extensions must be registered before descriptors are read.
    import google.api.annotations_pb2  # noqa: F401
    import google.api.httpbody_pb2  # noqa: F401 - imported by image.proto
    import google.protobuf.empty_pb2  # noqa: F401
    import protoc_gen_openapiv2.options.annotations_pb2  # noqa: F401

    files = descriptor_pb2.FileDescriptorSet.FromString(descriptor_set)
    pool = _pool_for(files)
    services = [pool.FindServiceByName(f"{f.package}.{s.name}") for f in files.file for s in f.service]
    table = RouteTable.from_services(services)
    options = JsonOptions()
    return {
        SWAGGER: _dump(swagger2(table, options, source=files)),
        OPENAPI: _dump(openapi31(table, options, source=files)),
    }


def _dump(document: dict) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode()


@functools.cache
def documents() -> dict[str, bytes]:
    """The documents for the installed oaktree, rendered once per process."""
    data = importlib.resources.files("oaktree.v1").joinpath("descriptor_set.binpb").read_bytes()
    return render_documents(data)


def docs_routes() -> list:
    from gateway.openapi import docs_routes as routes

    return routes(openapi_url="/openapi.json", path="/docs")
