"""Well-known types: the JSON form the runtime writes for them, as an inline schema.

``google.protobuf.Any`` is the exception: it becomes the ``protobufAny`` definition (an
object with ``@type``), as in protoc-gen-openapiv2.
"""
from __future__ import annotations

from typing import Any

ANY = "google.protobuf.Any"
EMPTY = "google.protobuf.Empty"
HTTP_BODY = "google.api.HttpBody"
STATUS = "google.rpc.Status"

_DURATION_PATTERN = r"^-?[0-9]+(\.[0-9]{1,9})?s$"

# name -> (schema, nullable): wrappers accept JSON null on input (= unset).
_SCHEMAS: dict[str, tuple[dict[str, Any], bool]] = {
    "google.protobuf.Timestamp": ({"type": "string", "format": "date-time"}, False),
    "google.protobuf.Duration": ({"type": "string"}, False),
    "google.protobuf.FieldMask": ({"type": "string"}, False),
    "google.protobuf.Empty": ({"type": "object"}, False),
    "google.protobuf.Struct": ({"type": "object", "additionalProperties": {}}, False),
    "google.protobuf.Value": ({}, False),
    "google.protobuf.ListValue": ({"type": "array", "items": {}}, False),
    "google.protobuf.DoubleValue": ({"type": "number", "format": "double"}, True),
    "google.protobuf.FloatValue": ({"type": "number", "format": "float"}, True),
    "google.protobuf.Int64Value": ({"type": "string", "format": "int64"}, True),
    "google.protobuf.UInt64Value": ({"type": "string", "format": "uint64"}, True),
    "google.protobuf.Int32Value": ({"type": "integer", "format": "int32"}, True),
    "google.protobuf.UInt32Value": ({"type": "integer", "format": "int64"}, True),
    "google.protobuf.BoolValue": ({"type": "boolean"}, True),
    "google.protobuf.StringValue": ({"type": "string"}, True),
    "google.protobuf.BytesValue": ({"type": "string", "format": "byte"}, True),
}

# Shown in query parameters, where only scalars can go.
QUERY_SCALARS = frozenset(name for name, (schema, _) in _SCHEMAS.items()
                          if schema.get("type") in ("string", "number", "integer", "boolean"))


def is_wkt(full_name: str) -> bool:
    return full_name in _SCHEMAS or full_name == "google.protobuf.NullValue"


def wkt_schema(full_name: str, *, v3: bool) -> dict[str, Any]:
    """Inline schema for a well-known message or NullValue (3.1: wrappers are nullable)."""
    if full_name == "google.protobuf.NullValue":
        return {"type": "null"} if v3 else {"type": "string"}
    schema, nullable = _SCHEMAS[full_name]
    schema = dict(schema)
    if not v3:
        if full_name == "google.protobuf.ListValue":
            schema["items"] = {"type": "object"}
        if full_name == "google.protobuf.Struct":
            schema.pop("additionalProperties")
        return schema
    if full_name == "google.protobuf.Duration":
        schema["pattern"] = _DURATION_PATTERN
    if nullable:
        schema["type"] = [schema["type"], "null"]
    return schema


def any_definition() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "A message of any type: `@type` names it, the other keys are its fields.",
        "properties": {"@type": {"type": "string", "description": "type.googleapis.com/<full message name>"}},
        "additionalProperties": {},
    }
