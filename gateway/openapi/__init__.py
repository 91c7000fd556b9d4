"""OpenAPI 2.0 and 3.1 documents generated from the transcoder's own route table.

    from gateway.openapi import swagger2, openapi31, docs_routes, dumps
    doc = openapi31(gateway.routes, json_options, source=file_descriptor_set)

Generic: knows google.api.http, ProtoJSON and the protoc-gen-openapiv2 annotations,
nothing about any particular API. See README.md for the mapping decisions.
"""
from __future__ import annotations

import json
from typing import Any

from .docs import docs_routes
from .openapi31 import openapi31
from .swagger2 import swagger2

__all__ = ["swagger2", "openapi31", "docs_routes", "dumps"]


def dumps(document: dict[str, Any]) -> bytes:
    """The checked-in form of a document: stable, indented JSON with a final newline."""
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode()
