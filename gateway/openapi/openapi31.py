"""OpenAPI 3.1: the Swagger 2.0 content plus what 2.0 cannot say (see README.md)."""
from __future__ import annotations

from typing import Any

from . import options
from .document import DEFAULT_ERROR, STATUS, Document
from .operations import Operation

JSON = "application/json"
NDJSON = "application/x-ndjson"
SSE = "text/event-stream"
# google.api.HttpBody: any media type really; octet-stream is what generators understand.
BINARY = "application/octet-stream"
_HEADER_TYPES = {1: "string", 2: "number", 3: "integer", 4: "boolean"}
_BINARY = {"type": "string", "format": "binary"}


def openapi31(table, json_options, source=None, *, title: str | None = None,
              version: str | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 document for every binding of `table` (arguments as for swagger2)."""
    document = Document(table, json_options, source, v3=True)
    renderer = _Renderer(document)
    doc: dict[str, Any] = {"openapi": "3.1.0", "info": document.info(title=title, version=version, v3=True)}
    swagger = document.swagger
    if swagger is not None and swagger.host:
        schemes = [options.openapiv2_pb2.Scheme.Name(s).lower() for s in swagger.schemes] or ["https"]
        doc["servers"] = [{"url": f"{scheme}://{swagger.host}{swagger.base_path}"} for scheme in schemes]
    else:  # relative: the server the document was fetched from
        doc["servers"] = [{"url": swagger.base_path if swagger is not None and swagger.base_path else "/"}]
    doc["tags"] = document.tags()
    doc["paths"] = document.paths(renderer.operation)
    components: dict[str, Any] = {"schemas": {}}
    if swagger is not None and swagger.security_definitions.security:
        components["securitySchemes"] = options.security_schemes(swagger.security_definitions, v3=True)
    doc["components"] = components
    options.document_level(doc, swagger)
    components["schemas"] = document.definitions("#/components/schemas/", doc)
    return doc


class _Renderer:
    def __init__(self, document: Document):
        self.document = document
        self.schemas = document.schemas

    def operation(self, op: Operation) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["tags"] = op.tags
        if op.summary:
            out["summary"] = op.summary
        if op.description:
            out["description"] = op.description
        out["operationId"] = op.operation_id
        parameters = self.parameters(op)
        if parameters:
            out["parameters"] = parameters
        if op.body_kind:
            out["requestBody"] = self.request_body(op)
        out["responses"] = self.responses(op)
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
            out.update(options.extensions(annotation.extensions))
        # Tools (and tests/openapi/conformance.py) can tell a stream from a single message.
        if op.streaming_request:
            out["x-client-streaming"] = True
        if op.streaming_response:
            out["x-server-streaming"] = True
        return out

    # ---- request ----------------------------------------------------------------------
    def request_body(self, op: Operation) -> dict[str, Any]:
        if op.body_kind == "binary":
            content = {BINARY: {"schema": dict(_BINARY)}}
        else:
            if op.body_kind == "field":
                schema = self.schemas.field_type(op.body_field)
            elif op.body_excluded:
                schema = self.body_without_path_fields(op)
            else:
                schema = self.schemas.message(op.body_type)
            content = {JSON: {"schema": schema}}
            if op.streaming_request:
                # Client streams: one JSON message after another (newline-delimited).
                content = {NDJSON: {"schema": schema}, JSON: {"schema": schema}}
        body: dict[str, Any] = {"required": True, "content": content}
        if op.streaming_request:
            body["description"] = "A stream of messages: one JSON object per line."
        return body

    def body_without_path_fields(self, op: Operation) -> dict[str, Any]:
        schema = self.schemas.message_definition(op.body_type)
        names = {self.schemas.json_name(op.body_type.fields_by_name[n]) for n in op.body_excluded}
        schema["properties"] = {k: v for k, v in schema["properties"].items() if k not in names}
        if "required" in schema:
            schema["required"] = [r for r in schema["required"] if r not in names]
            if not schema["required"]:
                del schema["required"]
        return schema

    # ---- responses --------------------------------------------------------------------
    def responses(self, op: Operation) -> dict[str, Any]:
        binding = op.binding
        md = binding.method
        success: dict[str, Any] = {"description": "A successful response."}
        if op.response_kind == "empty":
            success["description"] = "No content."
        elif op.response_kind == "binary":
            success["content"] = {BINARY: {"schema": dict(_BINARY)}}
            success["description"] = "The raw bytes (google.api.HttpBody); Content-Type is the one the method sets."
        else:
            if op.response_kind == "field":
                schema = self.schemas.field_type(binding.response_body_field)
            else:
                schema = self.schemas.message(md.output_type)
            success["content"] = {JSON: {"schema": schema}}
        if op.streaming_response and op.response_kind != "binary":
            result = success["content"][JSON]["schema"]
            framed = {"schema": self.stream_item(result)}
            success["description"] = (
                "A stream of results. `application/json` (the default) and `application/x-ndjson` "
                "(when asked for by Accept): one JSON object per line holding `result`, or, last, "
                "`error`. `text/event-stream` (when asked for by Accept): one `data:` event per "
                "result; a failure is an `event: error` whose data is a google.rpc.Status.")
            success["content"] = {JSON: framed, NDJSON: dict(framed), SSE: {"schema": result}}
        if op.location:
            success["headers"] = {"Location": {"description": "URL of the created resource.",
                                               "schema": {"type": "string"}}}
        responses = {str(op.status): success}
        swagger = self.document.swagger
        if swagger is not None:
            for code in sorted(swagger.responses):
                self._merge_response(responses, code, swagger.responses[code])
        if op.annotation is not None:
            for code in sorted(op.annotation.responses):
                self._merge_response(responses, code, op.annotation.responses[code])
        responses.setdefault("default", {
            "description": DEFAULT_ERROR, "content": {JSON: {"schema": self.schemas.ref(STATUS)}}})
        return responses

    def stream_item(self, result: dict[str, Any]) -> dict[str, Any]:
        """One message of a server stream, framed as grpc-gateway frames it."""
        return {
            "type": "object",
            "properties": {"result": result, "error": self.schemas.ref(STATUS)},
            "minProperties": 1,
            "maxProperties": 1,
        }

    def _merge_response(self, responses: dict, code: str, response) -> None:
        entry = responses.setdefault(code, {"description": ""})
        if response.description:
            entry["description"] = response.description
        if response.HasField("schema"):
            schema = options.json_schema(response.schema.json_schema, v3=True)
            ref = response.schema.json_schema.ref
            if ref:
                schema = self.schemas.message(
                    self.document.services[0].file.pool.FindMessageTypeByName(ref.lstrip(".")))
            if schema:
                entry["content"] = {JSON: {"schema": schema}}
        if response.headers:
            entry["headers"] = {}
            for name in sorted(response.headers):
                header = response.headers[name]
                schema = {"type": header.type or "string"}
                for attr in ("format", "pattern"):
                    if getattr(header, attr):
                        schema[attr] = getattr(header, attr)
                if header.default:
                    schema["default"] = options.example(header.default)
                item: dict[str, Any] = {"schema": schema}
                if header.description:
                    item["description"] = header.description
                entry["headers"][name] = item
        if response.examples:
            content = entry.setdefault("content", {})
            for media in sorted(response.examples):
                content.setdefault(media, {})["example"] = options.example(response.examples[media])
        entry.update(options.extensions(response.extensions))

    # ---- parameters -------------------------------------------------------------------
    def parameters(self, op: Operation) -> list[dict[str, Any]]:
        params: list[dict[str, Any]] = []
        for param, leaf, description in op.path_params:
            entry: dict[str, Any] = {"name": param.name, "in": "path", "required": True}
            if description:
                entry["description"] = description
            entry["schema"] = self.schemas.value_type(leaf) if param.whole_field else {"type": "string"}
            _strip_null(entry["schema"])
            params.append(entry)
        for q in op.query_params:
            entry = {"name": q.name, "in": "query"}
            if q.description:
                entry["description"] = q.description
            if q.required:
                entry["required"] = True
            value = self.schemas.value_type(q.field)
            _strip_null(value)
            if q.repeated:
                entry["schema"] = {"type": "array", "items": value}
                entry["explode"] = True
            else:
                entry["schema"] = value
            params.append(entry)
        if op.annotation is not None:
            for header in op.annotation.parameters.headers:
                entry = {"name": header.name, "in": "header"}
                if header.description:
                    entry["description"] = header.description
                if header.required:
                    entry["required"] = True
                schema = {"type": _HEADER_TYPES.get(header.type, "string")}
                if header.format:
                    schema["format"] = header.format
                entry["schema"] = schema
                params.append(entry)
        return params


def _strip_null(schema: dict[str, Any]) -> None:
    """Parameters are never JSON null: a wrapper in the query is its plain scalar."""
    kind = schema.get("type")
    if isinstance(kind, list):
        rest = [k for k in kind if k != "null"]
        schema["type"] = rest[0] if len(rest) == 1 else rest

