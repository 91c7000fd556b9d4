"""Swagger 2.0, shaped like protoc-gen-openapiv2's output for the same protos."""
from __future__ import annotations

from typing import Any

from . import options
from .document import DEFAULT_ERROR, STATUS, Document
from .operations import Operation

_HEADER_TYPES = {1: "string", 2: "number", 3: "integer", 4: "boolean"}


def swagger2(table, json_options, source=None, *, title: str | None = None,
             version: str | None = None) -> dict[str, Any]:
    """The Swagger 2.0 document for every binding of `table`.

    json_options: the transcoder's JsonOptions (names and enum style follow them).
    source: a FileDescriptorSet (or its bytes) with source info: comments -> descriptions.
    """
    document = Document(table, json_options, source, v3=False)
    renderer = _Renderer(document)
    doc: dict[str, Any] = {"swagger": "2.0", "info": document.info(title=title, version=version, v3=False)}
    swagger = document.swagger
    if swagger is not None:
        if swagger.host:
            doc["host"] = swagger.host
        if swagger.base_path:
            doc["basePath"] = swagger.base_path
        if swagger.schemes:
            doc["schemes"] = [options.openapiv2_pb2.Scheme.Name(s).lower() for s in swagger.schemes]
    doc["tags"] = document.tags()
    doc["consumes"] = list(swagger.consumes) if swagger is not None and swagger.consumes else ["application/json"]
    doc["produces"] = list(swagger.produces) if swagger is not None and swagger.produces else ["application/json"]
    doc["paths"] = document.paths(renderer.operation)
    if swagger is not None and swagger.security_definitions.security:
        doc["securityDefinitions"] = options.security_schemes(swagger.security_definitions, v3=False)
    options.document_level(doc, swagger)
    doc["definitions"] = document.definitions("#/definitions/", doc)
    return doc


class _Renderer:
    def __init__(self, document: Document):
        self.document = document
        self.schemas = document.schemas

    def operation(self, op: Operation) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if op.summary:
            out["summary"] = op.summary
        description = op.description
        if op.streaming_request:
            description = (description + " " if description else "") + "(streaming inputs)"
        if description:
            out["description"] = description
        out["operationId"] = op.operation_id
        out["responses"] = self.responses(op)
        parameters = self.parameters(op)
        if parameters:
            out["parameters"] = parameters
        out["tags"] = op.tags
        if op.binding.method.GetOptions().deprecated:  # `option deprecated = true;` on the rpc
            out["deprecated"] = True
        annotation = op.annotation
        if annotation is not None:
            if annotation.deprecated:
                out["deprecated"] = True
            if annotation.security:
                out["security"] = options.security_requirements(annotation.security)
            docs = options.external_docs(annotation.external_docs)
            if docs:
                out["externalDocs"] = docs
            if annotation.consumes:
                out["consumes"] = list(annotation.consumes)
            if annotation.produces:
                out["produces"] = list(annotation.produces)
            if annotation.schemes:
                out["schemes"] = [options.openapiv2_pb2.Scheme.Name(s).lower() for s in annotation.schemes]
            out.update(options.extensions(annotation.extensions))
        return out

    # ---- responses --------------------------------------------------------------------
    def responses(self, op: Operation) -> dict[str, Any]:
        success: dict[str, Any] = {"description": "A successful response."}
        binding = op.binding
        md = binding.method
        if op.response_kind == "empty":
            success["description"] = "No content."
        elif op.response_kind == "binary":
            success["schema"] = {"type": "string", "format": "binary"}
        elif op.response_kind == "field":
            success["schema"] = self.schemas.field_type(binding.response_body_field)
        else:
            success["schema"] = self.schemas.message(md.output_type)
        if op.streaming_response:
            success["description"] += "(streaming responses)"
            if op.response_kind == "binary":
                success["schema"] = {"type": "string", "format": "binary", "title": "Free form byte stream"}
            else:
                success["schema"] = {
                    "type": "object",
                    "properties": {"result": success["schema"], "error": self.schemas.ref(STATUS)},
                    "title": f"Stream result of {md.output_type.full_name}",
                }
        if op.location:
            success["headers"] = {"Location": {"type": "string", "description": "URL of the created resource."}}
        responses = {str(op.status): success}
        swagger = self.document.swagger
        if swagger is not None:
            for code in sorted(swagger.responses):
                self._merge_response(responses, code, swagger.responses[code])
        if op.annotation is not None:
            for code in sorted(op.annotation.responses):
                self._merge_response(responses, code, op.annotation.responses[code])
        responses.setdefault("default", {"description": DEFAULT_ERROR, "schema": self.schemas.ref(STATUS)})
        return responses

    def _merge_response(self, responses: dict, code: str, response) -> None:
        entry = responses.setdefault(code, {"description": ""})
        if response.description:
            entry["description"] = response.description
        if response.HasField("schema"):
            schema = options.json_schema(response.schema.json_schema, v3=False)
            ref = response.schema.json_schema.ref
            if ref:
                schema = self.schemas.message(_find_message(self.document, ref))
            if schema:
                entry["schema"] = schema
        if response.headers:
            entry["headers"] = {name: _header(response.headers[name]) for name in sorted(response.headers)}
        if response.examples:
            entry["examples"] = {k: options.example(response.examples[k]) for k in sorted(response.examples)}
        entry.update(options.extensions(response.extensions))

    # ---- parameters -------------------------------------------------------------------
    def parameters(self, op: Operation) -> list[dict[str, Any]]:
        params: list[dict[str, Any]] = []
        for param, leaf, description in op.path_params:
            entry: dict[str, Any] = {"name": param.name}
            if description:
                entry["description"] = description
            entry.update({"in": "path", "required": True})
            scalar = self.scalar(leaf)
            if param.whole_field:
                entry.update(scalar)
            else:
                entry["type"] = "string"
            params.append(entry)
        if op.body_kind:
            params.append(self.body_parameter(op))
        for q in op.query_params:
            entry = {"name": q.name}
            if q.description:
                entry["description"] = q.description
            entry.update({"in": "query", "required": q.required})
            scalar = self.scalar(q.field)
            if q.repeated:
                entry.update({"type": "array", "items": scalar, "collectionFormat": "multi"})
            else:
                entry.update(scalar)
            params.append(entry)
        if op.annotation is not None:
            for header in op.annotation.parameters.headers:
                entry = {"name": header.name}
                if header.description:
                    entry["description"] = header.description
                entry.update({"in": "header", "required": header.required,
                              "type": _HEADER_TYPES.get(header.type, "string")})
                if header.format:
                    entry["format"] = header.format
                params.append(entry)
        return params

    def body_parameter(self, op: Operation) -> dict[str, Any]:
        if op.body_kind == "binary":
            name = op.body_field.name if op.body_field is not None else "body"
            return {"name": name, "in": "body", "required": True, "schema": {"type": "string", "format": "binary"}}
        if op.body_kind == "field":
            return {"name": op.body_field.name, "in": "body", "required": True,
                    "schema": self.schemas.field_type(op.body_field)}
        if op.body_excluded:
            schema = self.schemas.message_definition(op.body_type)
            schema["properties"] = {k: v for k, v in schema["properties"].items()
                                    if k not in _json_names(self.schemas, op.body_type, op.body_excluded)}
            if "required" in schema:
                schema["required"] = [r for r in schema["required"] if r in schema["properties"]] or None
                if schema["required"] is None:
                    del schema["required"]
            schema.pop("title", None)
        else:
            schema = self.schemas.message(op.body_type)
        return {"name": "body", "in": "body", "required": True, "schema": schema}

    def scalar(self, field) -> dict[str, Any]:
        """A non-body parameter's type: Swagger 2.0 parameters cannot $ref, so enums go inline."""
        schema = self.schemas.value_type(field)
        if "$ref" in schema:
            enum = field.enum_type
            definition = self.schemas.enum_definition(enum)
            return {k: definition[k] for k in ("type", "format", "enum", "default") if k in definition}
        return {k: v for k, v in schema.items() if k in ("type", "format")}


def _json_names(schemas, message, proto_names: set[str]) -> set[str]:
    return {schemas.json_name(message.fields_by_name[n]) for n in proto_names}


def _header(header) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if header.description:
        out["description"] = header.description
    out["type"] = header.type or "string"
    for attr in ("format", "default", "pattern"):
        if getattr(header, attr):
            out[attr] = getattr(header, attr)
    return out


def _find_message(document: Document, ref: str):
    pool = document.services[0].file.pool
    return pool.FindMessageTypeByName(ref.lstrip("."))
