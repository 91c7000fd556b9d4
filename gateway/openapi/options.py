"""The protoc-gen-openapiv2 annotations: reading them and turning them into OpenAPI pieces.

Both documents honour the same annotations; where Swagger 2.0 and OpenAPI 3.1 spell a
thing differently (exclusiveMaximum, security schemes, examples) the caller says which.
"""
from __future__ import annotations

import json
from typing import Any

from google.protobuf import json_format
from protoc_gen_openapiv2.options import annotations_pb2, openapiv2_pb2

SWAGGER = annotations_pb2.openapiv2_swagger
OPERATION = annotations_pb2.openapiv2_operation
SCHEMA = annotations_pb2.openapiv2_schema
FIELD = annotations_pb2.openapiv2_field
TAG = annotations_pb2.openapiv2_tag
ENUM = annotations_pb2.openapiv2_enum

_SIMPLE_TYPES = {
    openapiv2_pb2.JSONSchema.ARRAY: "array", openapiv2_pb2.JSONSchema.BOOLEAN: "boolean",
    openapiv2_pb2.JSONSchema.INTEGER: "integer", openapiv2_pb2.JSONSchema.NULL: "null",
    openapiv2_pb2.JSONSchema.NUMBER: "number", openapiv2_pb2.JSONSchema.OBJECT: "object",
    openapiv2_pb2.JSONSchema.STRING: "string",
}


def option(descriptor, extension):
    """The annotation message on a descriptor, or None when it is not set."""
    options = descriptor.GetOptions()
    if options.HasExtension(extension):
        return options.Extensions[extension]
    return None


def extensions(values) -> dict[str, Any]:
    """map<string, google.protobuf.Value> -> {"x-...": JSON value}, sorted."""
    return {key: json_format.MessageToDict(values[key]) for key in sorted(values)}


def example(text: str) -> Any:
    """Examples are written as JSON text in the annotations; plain text stays a string."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def external_docs(docs: openapiv2_pb2.ExternalDocumentation) -> dict[str, str] | None:
    if not docs.url and not docs.description:
        return None
    out = {}
    if docs.description:
        out["description"] = docs.description
    out["url"] = docs.url
    return out


def json_schema(js: openapiv2_pb2.JSONSchema, *, v3: bool) -> dict[str, Any]:
    """The constraints an openapiv2_field / openapiv2_schema.json_schema adds to a schema."""
    out: dict[str, Any] = {}
    if js.title:
        out["title"] = js.title
    if js.description:
        out["description"] = js.description
    if js.default:
        out["default"] = example(js.default)
    if js.read_only:
        out["readOnly"] = True
    if js.example:  # 3.1 schemas are JSON Schema 2020-12: a list of examples
        if v3:
            out["examples"] = [example(js.example)]
        else:
            out["example"] = example(js.example)
    if js.multiple_of:
        out["multipleOf"] = js.multiple_of
    for bound, exclusive, name in ((js.maximum, js.exclusive_maximum, "maximum"),
                                   (js.minimum, js.exclusive_minimum, "minimum")):
        if not bound:
            continue
        if exclusive and v3:
            out["exclusiveM" + name[1:]] = bound
        else:
            out[name] = bound
            if exclusive:
                out["exclusiveM" + name[1:]] = True
    for attr, key in (("max_length", "maxLength"), ("min_length", "minLength"),
                      ("max_items", "maxItems"), ("min_items", "minItems"),
                      ("max_properties", "maxProperties"), ("min_properties", "minProperties")):
        if getattr(js, attr):
            out[key] = getattr(js, attr)
    if js.pattern:
        out["pattern"] = js.pattern
    if js.unique_items:
        out["uniqueItems"] = True
    if js.type:
        types = [_SIMPLE_TYPES[t] for t in js.type if t in _SIMPLE_TYPES]
        if types:
            out["type"] = types[0] if len(types) == 1 or not v3 else types
    if js.format:
        out["format"] = js.format
    if js.enum:
        out["enum"] = list(js.enum)
    out.update(extensions(js.extensions))
    return out


def security_requirements(requirements) -> list[dict[str, list[str]]]:
    return [{name: list(req.security_requirement[name].scope) for name in sorted(req.security_requirement)}
            for req in requirements]


_SCHEME_TYPES = {
    openapiv2_pb2.SecurityScheme.TYPE_BASIC: "basic",
    openapiv2_pb2.SecurityScheme.TYPE_API_KEY: "apiKey",
    openapiv2_pb2.SecurityScheme.TYPE_OAUTH2: "oauth2",
}
_IN = {openapiv2_pb2.SecurityScheme.IN_QUERY: "query", openapiv2_pb2.SecurityScheme.IN_HEADER: "header"}
_FLOWS_V2 = {
    openapiv2_pb2.SecurityScheme.FLOW_IMPLICIT: "implicit",
    openapiv2_pb2.SecurityScheme.FLOW_PASSWORD: "password",
    openapiv2_pb2.SecurityScheme.FLOW_APPLICATION: "application",
    openapiv2_pb2.SecurityScheme.FLOW_ACCESS_CODE: "accessCode",
}
_FLOWS_V3 = {"implicit": "implicit", "password": "password",
             "application": "clientCredentials", "accessCode": "authorizationCode"}


def security_schemes(definitions: openapiv2_pb2.SecurityDefinitions, *, v3: bool) -> dict[str, dict]:
    """Swagger securityDefinitions, or their OpenAPI 3 securitySchemes spelling."""
    out: dict[str, dict] = {}
    for name in sorted(definitions.security):
        scheme = definitions.security[name]
        kind = _SCHEME_TYPES.get(scheme.type)
        if kind is None:
            continue
        entry: dict[str, Any] = {}
        scopes = {k: scheme.scopes.scope[k] for k in sorted(scheme.scopes.scope)}
        flow = _FLOWS_V2.get(scheme.flow)
        if not v3:
            entry["type"] = kind
            if kind == "apiKey":
                entry["name"], entry["in"] = scheme.name, _IN.get(getattr(scheme, "in"), "header")
            if kind == "oauth2":
                entry["flow"] = flow or "implicit"
                if scheme.authorization_url:
                    entry["authorizationUrl"] = scheme.authorization_url
                if scheme.token_url:
                    entry["tokenUrl"] = scheme.token_url
                entry["scopes"] = scopes
        elif kind == "basic":
            entry.update(type="http", scheme="basic")
        elif kind == "apiKey":
            entry.update(type="apiKey", name=scheme.name, **{"in": _IN.get(getattr(scheme, "in"), "header")})
        else:
            v3_flow: dict[str, Any] = {}
            if flow in ("implicit", "accessCode"):
                v3_flow["authorizationUrl"] = scheme.authorization_url
            if flow in ("password", "application", "accessCode"):
                v3_flow["tokenUrl"] = scheme.token_url
            v3_flow["scopes"] = scopes
            entry.update(type="oauth2", flows={_FLOWS_V3[flow or "implicit"]: v3_flow})
        if scheme.description:
            entry["description"] = scheme.description
        entry.update(extensions(scheme.extensions))
        out[name] = entry
    return out


def document_level(doc: dict[str, Any], swagger) -> None:
    """The file-level openapiv2_swagger parts both document versions share: security
    requirements, external docs and x- extensions."""
    if swagger is None:
        return
    if swagger.security:
        doc["security"] = security_requirements(swagger.security)
    docs = external_docs(swagger.external_docs)
    if docs:
        doc["externalDocs"] = docs
    doc.update(extensions(swagger.extensions))
