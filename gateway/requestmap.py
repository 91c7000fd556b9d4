"""HTTP request -> request message, for one binding (compiled once at start-up).

Order, as grpc-gateway: the body fills the message (all of it for ``body: "*"``, one
field otherwise), then path variables are written over it (**path wins**), then query
parameters fill the fields neither the path nor the body bound.

Everything is first assembled as a ProtoJSON-shaped dict (proto field names) and
turned into a message by one call to the ProtoJSON decoder, so path and query values
follow exactly the JSON rules: enums by name or number, int64 as strings, bytes in
standard or URL-safe base64, Timestamp / Duration / FieldMask / wrapper strings.
"""
from __future__ import annotations

from typing import Any, Callable
from urllib.parse import parse_qsl

import orjson
from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from .errors import RpcError, bad_request
from .protojson import JsonOptions, ProtoJsonError, decoder_for
from .routes import Binding, HTTP_BODY, is_repeated

__all__ = ["RequestMapper", "QueryParser", "text_to_json", "HTTP_BODY"]

T = FieldDescriptor
_TRUE = frozenset({"true", "True", "TRUE", "t", "T", "1"})
_FALSE = frozenset({"false", "False", "FALSE", "f", "F", "0"})
_STRING_FORM = frozenset({"google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask"})
_JSON_FORM = frozenset({"google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue"})
_WRAPPERS = frozenset({
    "google.protobuf.StringValue", "google.protobuf.BytesValue", "google.protobuf.BoolValue",
    "google.protobuf.Int32Value", "google.protobuf.Int64Value", "google.protobuf.UInt32Value",
    "google.protobuf.UInt64Value", "google.protobuf.FloatValue", "google.protobuf.DoubleValue",
})


def text_to_json(fd: FieldDescriptor, text: str, name: str) -> Any:
    """A path/query string -> the JSON value ProtoJSON expects for this field."""
    kind = fd.type
    if kind == T.TYPE_BOOL:
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise bad_request(name, f"invalid bool value {text!r}")
    if kind == T.TYPE_ENUM:
        stripped = text[1:] if text.startswith("-") else text
        return int(text) if stripped.isdigit() else text
    if kind == T.TYPE_MESSAGE:
        full = fd.message_type.full_name
        if full in _STRING_FORM:
            return text
        if full in _WRAPPERS:
            return text_to_json(fd.message_type.fields_by_name["value"], text, name)
        if full in _JSON_FORM:
            try:
                return orjson.loads(text)
            except orjson.JSONDecodeError:
                raise bad_request(name, "not valid JSON") from None
        raise bad_request(name, f"a {full} cannot be given as one value; set its fields as {name}.<field>")
    return text  # numbers and bytes: ProtoJSON accepts their string forms


def _setdefault_dict(target: dict, fd: FieldDescriptor) -> dict:
    for key in (fd.name, fd.json_name):
        existing = target.get(key)
        if isinstance(existing, dict):
            return existing
    child: dict = {}
    target.pop(fd.json_name, None)
    target[fd.name] = child
    return child


def assign(target: dict, chain: tuple[FieldDescriptor, ...], value: Any) -> None:
    """Set target[chain] = value, replacing either spelling of the leaf (path wins)."""
    for fd in chain[:-1]:
        target = _setdefault_dict(target, fd)
    leaf = chain[-1]
    target.pop(leaf.json_name, None)
    target[leaf.name] = value


class _Leaf:
    __slots__ = ("chain", "name", "map_key", "repeated")

    def __init__(self, chain, name, map_key=None):
        self.chain = chain
        self.name = name
        self.map_key = map_key
        self.repeated = map_key is None and is_repeated(chain[-1])


class QueryParser:
    """Query string -> entries of the request dict, for the fields not bound elsewhere."""

    def __init__(self, message: Descriptor, excluded: dict[tuple[str, ...], str], allow_none: bool,
                 ignore_unknown: bool):
        self.message = message
        self.excluded = excluded  # proto field path -> why ("path" / "body")
        self.allow_none = allow_none  # body "*": the spec allows no query parameters at all
        self.ignore_unknown = ignore_unknown
        self._cache: dict[str, _Leaf] = {}

    def resolve(self, name: str) -> _Leaf | None:
        """Parameter name -> field chain; None when it should be ignored; raise when rejected."""
        leaf = self._cache.get(name)
        if leaf is not None:
            return leaf
        try:
            leaf = self._resolve(name)
        except RpcError:
            if self.ignore_unknown:
                return None
            raise
        self._cache[name] = leaf
        return leaf

    def _resolve(self, name: str) -> _Leaf:
        if self.allow_none:
            raise bad_request(name, "unknown query parameter: this method takes every field in the body")
        map_key = None
        dotted = name
        if name.endswith("]") and "[" in name:
            dotted, _, rest = name.partition("[")
            map_key = rest[:-1]
        message = self.message
        chain: list[FieldDescriptor] = []
        parts = dotted.split(".")
        for i, part in enumerate(parts):
            fd = _field(message, part) if message is not None else None
            if fd is None:
                raise bad_request(name, "unknown query parameter")
            chain.append(fd)
            proto_path = tuple(f.name for f in chain)
            why = self.excluded.get(proto_path)
            if why is not None:
                raise bad_request(name, f"unknown query parameter: the field is bound by the {why}")
            last = i == len(parts) - 1
            is_map = fd.type == T.TYPE_MESSAGE and fd.message_type.GetOptions().map_entry
            if last:
                if is_map:
                    if map_key is None:
                        raise bad_request(name, f"map field: use {dotted}[key]=value")
                    value_fd = fd.message_type.fields_by_name["value"]
                    if value_fd.type == T.TYPE_MESSAGE:
                        raise bad_request(name, "maps of messages cannot be set from query parameters")
                    return _Leaf(tuple(chain), name, map_key)
                if map_key is not None:
                    raise bad_request(name, "unknown query parameter: not a map field")
                if fd.type == T.TYPE_MESSAGE and is_repeated(fd):
                    raise bad_request(name, "repeated message fields cannot be set from query parameters")
                return _Leaf(tuple(chain), name)
            if fd.type != T.TYPE_MESSAGE or is_map or fd.message_type.full_name in _WRAPPERS | _STRING_FORM:
                raise bad_request(name, "unknown query parameter")
            if is_repeated(fd):
                raise bad_request(name, "repeated message fields cannot be set from query parameters")
            message = fd.message_type
        raise bad_request(name, "unknown query parameter")  # pragma: no cover (loop always returns)

    def fill(self, target: dict, query_string: str) -> None:
        if not query_string:
            return
        try:
            pairs = parse_qsl(query_string, keep_blank_values=True, errors="strict")
        except (UnicodeDecodeError, ValueError) as exc:
            raise bad_request("", f"malformed query string: {exc}") from None
        seen: set[str] = set()
        repeated: dict[tuple, list] = {}
        for name, text in pairs:
            leaf = self.resolve(name)
            if leaf is None:
                continue
            fd = leaf.chain[-1]
            if leaf.map_key is not None:
                value_fd = fd.message_type.fields_by_name["value"]
                container = target
                for part in leaf.chain:
                    container = _setdefault_dict(container, part)
                container[leaf.map_key] = text_to_json(value_fd, text, name)
                continue
            value = text_to_json(fd, text, name)
            if leaf.repeated:
                key = tuple(f.name for f in leaf.chain)
                values = repeated.get(key)
                if values is None:
                    values = repeated[key] = []
                    assign(target, leaf.chain, values)
                values.append(value)
                continue
            key_name = ".".join(f.name for f in leaf.chain)
            if key_name in seen:
                raise bad_request(name, "more than one value for a singular field")
            seen.add(key_name)
            assign(target, leaf.chain, value)


def _field(message: Descriptor, name: str) -> FieldDescriptor | None:
    fd = message.fields_by_name.get(name)
    if fd is not None:
        return fd
    for candidate in message.fields:
        if candidate.json_name == name:
            return candidate
    return None


class RequestMapper:
    """Builds the request message(s) of one binding from path values, query and body."""

    def __init__(self, binding: Binding, json_options: JsonOptions, ignore_unknown_query: bool,
                 patch_field_mask: bool = True):
        self.binding = binding
        request = binding.request_type
        self.message_class: type[Message] = message_factory.GetMessageClass(request)
        self.decode: Callable[[Any], Message] = decoder_for(self.message_class, json_options)
        self.path_fields = binding.path_fields
        excluded: dict[tuple[str, ...], str] = {
            tuple(fd.name for fd in chain): "URL path" for _, chain in binding.path_fields}
        if binding.body_field is not None:
            excluded[(binding.body_field.name,)] = "request body"
        self.query = QueryParser(request, excluded, allow_none=binding.body == "*",
                                 ignore_unknown=ignore_unknown_query)
        # Where raw bytes go when the body target is a google.api.HttpBody.
        if binding.body == "*" and request.full_name == HTTP_BODY:
            self.raw_body: str | None = ""  # the message itself
        elif binding.body_field is not None and binding.body_field.type == T.TYPE_MESSAGE \
                and binding.body_field.message_type.full_name == HTTP_BODY and not is_repeated(binding.body_field):
            self.raw_body = binding.body_field.name
        else:
            self.raw_body = None
        self.patch_mask = _patch_mask_field(binding) if patch_field_mask else None

    @property
    def has_body(self) -> bool:
        return bool(self.binding.body)

    def base_dict(self, path_values: dict[str, str], query_string: str, body: Any = None) -> dict:
        """The request dict from body JSON (already parsed), path values and query."""
        target: dict
        if body is None:
            target = {}
        elif self.binding.body == "*":
            if not isinstance(body, dict):
                raise bad_request("", "the request body must be a JSON object")
            target = body
        else:
            target = {self.binding.body_field.name: body}
        for name, chain in self.path_fields:
            assign(target, chain, text_to_json(chain[-1], path_values[name], name))
        self.query.fill(target, query_string)
        return target

    def message(self, path_values: dict[str, str], query_string: str, body: bytes,
                content_type: str = "") -> Message:
        """A unary request (JSON body, or raw bytes for an HttpBody target)."""
        if self.raw_body is not None:
            return self.with_raw(self.base_dict(path_values, query_string), body, content_type)
        if self.binding.body == "*" and not self.path_fields and not query_string and body:
            return self._decode(body)  # fast path: the body is the whole message
        parsed = parse_json(body) if (body and self.has_body) else None
        # The PATCH mask comes from the keys the client sent, before path values are merged in.
        implied = (mask_paths(parsed, self.binding.body_field.message_type)
                   if self.patch_mask is not None and isinstance(parsed, dict) else None)
        message = self._decode(self.base_dict(path_values, query_string, parsed))
        if implied is not None:
            mask = getattr(message, self.patch_mask)
            if not mask.paths:  # the client sent no mask of its own
                mask.paths.extend(implied)
        return message

    def with_raw(self, base: dict, data: bytes, content_type: str) -> Message:
        message = self._decode(base)
        target = message if self.raw_body == "" else getattr(message, self.raw_body)
        target.content_type = content_type
        target.data = data
        return message

    def stream_item(self, line: bytes, first: tuple[dict[str, str], str] | None) -> Message:
        """One NDJSON line of a client stream; `first` = (path values, query) for the first message only."""
        parsed = parse_json(line)
        if first is not None:
            return self._decode(self.base_dict(first[0], first[1], parsed))
        if self.binding.body == "*":
            if not isinstance(parsed, dict):
                raise bad_request("", "each streamed request must be a JSON object")
            return self._decode(parsed)
        return self._decode({self.binding.body_field.name: parsed})

    def _decode(self, data: Any) -> Message:
        try:
            return self.decode(data)
        except ProtoJsonError as exc:
            raise bad_request(exc.field, exc.description) from None


def _patch_mask_field(binding: Binding) -> str | None:
    """grpc-gateway's PATCH feature applies: PATCH, body = one message field, and an
    `update_mask` FieldMask the path does not bind."""
    body = binding.body_field
    if binding.http_method != "PATCH" or body is None or body.type != T.TYPE_MESSAGE or is_repeated(body):
        return None
    mask = binding.request_type.fields_by_name.get("update_mask")
    if mask is None or mask.type != T.TYPE_MESSAGE or mask.message_type.full_name != "google.protobuf.FieldMask":
        return None
    if any(chain[0].name == "update_mask" for _, chain in binding.path_fields):
        return None
    return "update_mask"


def mask_paths(body: dict, message: Descriptor, prefix: str = "") -> list[str]:
    """Field paths (proto names) of the keys present in a JSON object, depth first; nested
    objects of plain message fields are descended into, maps/Struct/WKTs are leaves."""
    paths: list[str] = []
    for key, value in body.items():
        fd = _field(message, key)
        if fd is None:
            continue
        path = prefix + fd.name
        plain_message = (fd.type == T.TYPE_MESSAGE and not is_repeated(fd)
                         and not fd.message_type.full_name.startswith("google.protobuf."))
        if plain_message and isinstance(value, dict) and value:
            paths.extend(mask_paths(value, fd.message_type, path + "."))
        else:
            paths.append(path)
    return paths


def parse_json(body: bytes) -> Any:
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise bad_request("", f"the request body is not valid JSON: {exc}") from None
