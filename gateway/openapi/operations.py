"""One route-table binding -> the facts both documents state about its operation.

Everything here is read from the Binding the transcoder serves (path template, body,
response_body, success status) and the descriptors, so the documents follow the runtime.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.api import field_behavior_pb2
from google.protobuf.descriptor import Descriptor, FieldDescriptor

from . import options, wkt
from .comments import Comments, split_summary
from .paths import PathParam, openapi_path
from .schemas import field_behavior, is_map, is_repeated

_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_T = FieldDescriptor


@dataclass
class QueryParam:
    name: str
    field: FieldDescriptor  # the leaf field (its type gives the schema)
    repeated: bool
    required: bool
    description: str


@dataclass
class Operation:
    binding: Any
    path: str
    method: str  # lowercase HTTP method
    operation_id: str
    tags: list[str]
    summary: str
    description: str
    path_params: list[tuple[PathParam, FieldDescriptor, str]]  # param, leaf field, description
    query_params: list[QueryParam]
    body_kind: str  # "" | "message" (whole request) | "field" | "binary"
    body_type: Descriptor | None  # the request message when body_kind == "message"
    body_field: FieldDescriptor | None
    body_excluded: set[str]  # top-level request fields carried by the path (body "*")
    status: int
    response_kind: str  # "message" | "field" | "empty" | "binary"
    annotation: Any = None  # openapiv2_operation, when set
    streaming_request: bool = False
    streaming_response: bool = False
    location: bool = False


def build_operations(table, json_options, comments: Comments) -> list[Operation]:
    proto_names = bool(getattr(json_options, "use_proto_names", False))
    operations = []
    for binding in table.bindings:
        method = binding.http_method.lower()
        if method not in _HTTP_METHODS:  # "*" and custom kinds cannot be described
            continue
        operations.append(_operation(binding, method, proto_names, comments))
    return operations


def _operation(binding, method: str, proto_names: bool, comments: Comments) -> Operation:
    md = binding.method
    request = md.input_type
    service = md.containing_service

    def name_of(fd: FieldDescriptor) -> str:
        return fd.name if proto_names else fd.json_name

    def json_path(field_path) -> str:
        message, names = request, []
        for part in field_path:
            fd = message.fields_by_name[part]
            names.append(name_of(fd))
            message = fd.message_type
        return ".".join(names)

    path, params = openapi_path(binding.template, proto_names=proto_names, json_name_of=json_path)
    path_params = []
    for param in params:
        leaf = _leaf(request, param.field_path)
        path_params.append((param, leaf, _path_description(param, comments[leaf.full_name])))
    bound = {".".join(p.field_path) for p in params}

    body_kind, body_field, excluded = "", None, set()
    if binding.body == "*":
        body_kind = "binary" if request.full_name == wkt.HTTP_BODY else "message"
        excluded = {p.field_path[0] for p in params if len(p.field_path) == 1}
    elif binding.body:
        body_field = request.fields_by_name[binding.body]
        is_http_body = body_field.type == _T.TYPE_MESSAGE and body_field.message_type.full_name == wkt.HTTP_BODY
        body_kind = "binary" if is_http_body else "field"

    query: list[QueryParam] = []
    if binding.body != "*":
        skip = {binding.body} if binding.body else set()
        _query_params(request, "", (), bound, skip, proto_names, comments, query, {request.full_name})

    if md.output_type.full_name == wkt.HTTP_BODY and not binding.response_body:
        response_kind = "binary"
    elif binding.response_body:
        response_kind = "field"
    elif binding.success_status == 204:
        response_kind = "empty"
    else:
        response_kind = "message"

    summary, description = split_summary(comments[md.full_name], title_style=False)
    operation_id = f"{service.name}_{md.name}" + (str(binding.index + 1) if binding.index else "")
    tags = [service.name]
    annotation = options.option(md, options.OPERATION)
    if annotation is not None:
        summary = annotation.summary or summary
        description = annotation.description or description
        if annotation.operation_id:
            operation_id = annotation.operation_id + (str(binding.index + 1) if binding.index else "")
        if annotation.tags:
            tags = list(annotation.tags)
    return Operation(
        binding=binding, path=path, method=method, operation_id=operation_id, tags=tags,
        summary=summary, description=description, path_params=path_params, query_params=query,
        body_kind=body_kind, body_type=request if body_kind == "message" else None,
        body_field=body_field, body_excluded=excluded, status=binding.success_status,
        response_kind=response_kind, annotation=annotation,
        streaming_request=md.client_streaming, streaming_response=md.server_streaming,
        location=getattr(binding, "location", None) is not None,
    )


def _leaf(message: Descriptor, field_path) -> FieldDescriptor:
    fd = None
    for part in field_path:
        fd = message.fields_by_name[part]
        message = fd.message_type
    return fd


def _path_description(param: PathParam, comment: str) -> str:
    if param.whole_field:
        text = comment
        if param.multi_segment:
            text = (text + "\n\n" if text else "") + "May contain `/`."
        return text
    field = ".".join(param.field_path)
    note = f"One segment of `{field}` (`{param.pattern}`); the server joins the segments into `{field}`."
    if param.multi_segment:
        note = f"The rest of `{field}` (`{param.pattern}`); may contain `/`."
    return note + ("\n\n" + comment if comment else "")


def _query_params(message: Descriptor, prefix: str, proto_prefix: tuple, bound: set[str], skip: set[str],
                  proto_names: bool, comments: Comments, out: list[QueryParam], seen: set[str]) -> None:
    """Fields not bound by path or body, flattened to dotted names (grpc-gateway's rules):
    scalars, enums, repeated scalars and scalar-like well-known types; nested messages
    recurse (once per type on the way down); maps and repeated messages cannot be queried."""
    for fd in message.fields:
        proto_path = proto_prefix + (fd.name,)
        if not prefix and fd.name in skip:
            continue
        if ".".join(proto_path) in bound:
            continue
        name = prefix + (fd.name if proto_names else fd.json_name)
        required = field_behavior_pb2.REQUIRED in field_behavior(fd)
        if is_map(fd):
            continue
        if fd.type == _T.TYPE_MESSAGE:
            full = fd.message_type.full_name
            if full in wkt.QUERY_SCALARS:
                out.append(QueryParam(name, fd, is_repeated(fd), required, comments[fd.full_name]))
                continue
            if is_repeated(fd) or wkt.is_wkt(full) or full in (wkt.ANY, wkt.HTTP_BODY) or full in seen:
                continue
            _query_params(fd.message_type, name + ".", proto_path, bound, skip, proto_names, comments,
                          out, seen | {full})
            continue
        if fd.type == _T.TYPE_GROUP:
            continue
        out.append(QueryParam(name, fd, is_repeated(fd), required, comments[fd.full_name]))
