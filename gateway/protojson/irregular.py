"""The decoder's slow path: JSON objects the generated code does not take at face value.

The generated decoder counts the keys it recognises; when that count differs from the
object's size, or a oneof got more than one member, it calls `irregular`, which names the
first unknown field, or hands the object to json_format when the meaning depends on
json_format's key-order quirks (a field spelled both ways, a null oneof member beside a set
one, extension syntax, a non-object where an object belongs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from .errors import ProtoJsonError
from .reference import MAX_DEPTH, parse_part

_EXTENSION_KEY = re.compile(r"\[[a-zA-Z0-9\._]*\]$")  # json_format's extension syntax


@dataclass(frozen=True)
class TypeInfo:
    """What the slow path needs to know about one message type."""

    message_class: type[Message]
    fields_by_key: dict[str, FieldDescriptor]
    oneofs: tuple[tuple[str, frozenset[FieldDescriptor]], ...]
    ignore_unknown: bool


def irregular(info: TypeInfo, js: Any, depth: int, kw: dict | None = None) -> Any:
    """The slow path: unknown keys, a field given twice, oneof conflicts, non-objects."""
    if kw is None or type(js) is not dict or depth > MAX_DEPTH:
        return parse_part(info.message_class, js, info.ignore_unknown, depth)
    seen: set[FieldDescriptor] = set()
    for key in js:
        field = info.fields_by_key.get(key)
        if field is None:
            if _EXTENSION_KEY.match(key):  # json_format rejects these even when ignoring unknowns
                return parse_part(info.message_class, js, info.ignore_unknown, depth)
            if info.ignore_unknown:
                continue
            raise ProtoJsonError(key, f"unknown field of {info.message_class.DESCRIPTOR.full_name}")
        if field in seen:  # the JSON and the proto name of one field: json_format merges in order
            return parse_part(info.message_class, js, info.ignore_unknown, depth)
        seen.add(field)
    for oneof_name, members in info.oneofs:
        present = [key for key in js if info.fields_by_key.get(key) in members]
        if len(present) > 1:
            set_members = [key for key in present if js[key] is not None]
            if len(set_members) > 1:
                raise ProtoJsonError(set_members[1], f"only one field of oneof {oneof_name} may be set")
            # A null beside a value: the outcome depends on key order (a null Value is set).
            return parse_part(info.message_class, js, info.ignore_unknown, depth)
    return kw


def spelled(js: dict, names: tuple[str, ...]) -> str:
    """The key the client used for a field (error paths name the field as it was sent)."""
    for name in names:
        if name in js:
            return name
    return names[0]


def type_info(descriptor: Descriptor, ignore_unknown: bool) -> TypeInfo:
    fields_by_key: dict[str, FieldDescriptor] = {}
    for field in descriptor.fields:
        fields_by_key[field.name] = field
    for field in descriptor.fields:
        fields_by_key[field.json_name] = field  # json_format looks the JSON name up first
    oneofs = tuple((oneof.name, frozenset(oneof.fields)) for oneof in descriptor.oneofs)
    return TypeInfo(message_factory.GetMessageClass(descriptor), fields_by_key, oneofs, ignore_unknown)
