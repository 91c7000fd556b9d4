"""Selecting resources from a list: name_or_id (exact or glob), attribute filters
(validated against the resource message, with ranges on numbers) and page tokens.

It works on normalised proto messages, so every resource kind and every cloud gets the
same semantics (openstacksdk's differ per resource and per release).
"""
from __future__ import annotations

import base64
import binascii
import fnmatch
import hashlib
import json
import operator
import re
from collections.abc import Callable, Mapping, Sequence

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from oaktree.errors import invalid_argument

_GLOB = re.compile(r"[*?\[]")
_RANGE = re.compile(r"^(>=|<=|!=|>|<|=)?\s*(.*)$", re.S)
_OPERATORS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
              "=": operator.eq, "!=": operator.ne, None: operator.eq}
_NUMBER_TYPES = {FieldDescriptor.TYPE_INT32, FieldDescriptor.TYPE_INT64,
                 FieldDescriptor.TYPE_UINT32, FieldDescriptor.TYPE_UINT64,
                 FieldDescriptor.TYPE_SINT32, FieldDescriptor.TYPE_SINT64,
                 FieldDescriptor.TYPE_FIXED32, FieldDescriptor.TYPE_FIXED64,
                 FieldDescriptor.TYPE_SFIXED32, FieldDescriptor.TYPE_SFIXED64,
                 FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT}


def match_name_or_id(items: Sequence[Message], pattern: str,
                     keys: Sequence[str] = ("id", "name")) -> list[Message]:
    """Exact matches on any key win; otherwise a glob pattern matches (shade's rule)."""
    if not pattern:
        return list(items)
    exact = [item for item in items if any(getattr(item, key) == pattern for key in keys)]
    if exact or not _GLOB.search(pattern):
        return exact
    return [item for item in items
            if any(fnmatch.fnmatchcase(getattr(item, key), pattern) for key in keys)]


Predicate = Callable[[Message], bool]


def compile_filters(descriptor: Descriptor, filters: Mapping[str, str]) -> Predicate:
    """Validate `filters` against the message type and return one predicate for all of them.

    Keys are field paths (proto or JSON names, dotted into sub-messages); values are
    compared by the field's type: numbers accept `>=`, `<=`, `>`, `<`, `=`, `!=`; booleans
    `true`/`false`; enums their name (with or without the type prefix) or number; repeated
    fields match when any element matches.
    """
    predicates = [_compile_one(descriptor, key, value) for key, value in sorted(filters.items())]
    return lambda message: all(predicate(message) for predicate in predicates)


def _compile_one(descriptor: Descriptor, key: str, raw: str) -> Predicate:
    field_name = f"filters[{key}]"
    path: list[FieldDescriptor] = []
    current = descriptor
    for part in key.split("."):
        field = None
        if current is not None:
            field = current.fields_by_name.get(part) or next(
                (f for f in current.fields if f.json_name == part), None)
        if field is None:
            known = ", ".join(sorted(f.name for f in descriptor.fields if _filterable(f)))
            raise invalid_argument(field_name, f"unknown filter {key!r}; filterable fields: {known}")
        path.append(field)
        current = field.message_type if field.type == FieldDescriptor.TYPE_MESSAGE else None
    leaf = path[-1]
    if not _filterable(leaf):
        raise invalid_argument(field_name, f"field {key!r} cannot be used as a filter")
    test = _value_test(leaf, raw, field_name)

    def predicate(message: Message) -> bool:
        value = message
        for field in path[:-1]:
            value = getattr(value, field.name)
        value = getattr(value, leaf.name)
        if leaf.is_repeated:
            return any(test(element) for element in value)
        return test(value)

    return predicate


def _filterable(field: FieldDescriptor) -> bool:
    if field.type == FieldDescriptor.TYPE_MESSAGE:
        return not field.is_repeated and field.message_type.full_name.startswith("oaktree.")
    return not (field.message_type and field.message_type.GetOptions().map_entry)


def _value_test(field: FieldDescriptor, raw: str, field_name: str) -> Callable[[object], bool]:
    if field.type in _NUMBER_TYPES:
        op, text = _RANGE.match(raw.strip()).groups()
        try:
            number = float(text)
        except ValueError:
            raise invalid_argument(field_name, f"{raw!r} is not a number or a range such as '>=2048'") from None
        compare = _OPERATORS[op]
        return lambda value: compare(value, number)
    if field.type == FieldDescriptor.TYPE_BOOL:
        if raw.lower() not in ("true", "false"):
            raise invalid_argument(field_name, f"{raw!r} is not 'true' or 'false'")
        wanted = raw.lower() == "true"
        return lambda value: value == wanted
    if field.type == FieldDescriptor.TYPE_ENUM:
        number = _enum_number(field, raw)
        if number is None:
            names = ", ".join(_short_enum_names(field))
            raise invalid_argument(field_name, f"{raw!r} is not one of: {names}")
        return lambda value: value == number
    if field.type == FieldDescriptor.TYPE_MESSAGE:
        raise invalid_argument(field_name, "filter on one of this message's fields instead, e.g. "
                                           f"'{field.name}.{field.message_type.fields[0].name}'")
    return lambda value: value == raw


def _short_enum_names(field: FieldDescriptor) -> list[str]:
    prefix = _enum_prefix(field)
    return [v.name.removeprefix(prefix) for v in field.enum_type.values if v.number != 0]


def _enum_prefix(field: FieldDescriptor) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", field.enum_type.name).upper() + "_"


def _enum_number(field: FieldDescriptor, raw: str) -> int | None:
    text = raw.strip().upper()
    for value in field.enum_type.values:
        if text in (value.name, value.name.removeprefix(_enum_prefix(field)), str(value.number)):
            return value.number
    return None


def paginate(items: list[Message], request: Message) -> tuple[list[Message], str]:
    """Slice one page out of `items` (already in a stable order); return it and the next token.

    A token is bound to the request it came from (all fields but the page ones), so a token
    reused with other filters is rejected instead of silently skipping items.
    """
    page_size = getattr(request, "page_size", 0)
    if page_size < 0:
        raise invalid_argument("page_size", "page_size must not be negative")
    fingerprint = _fingerprint(request)
    offset = _decode_token(request.page_token, fingerprint) if request.page_token else 0
    if not page_size:
        return items[offset:], ""
    end = offset + page_size
    next_token = _encode_token(end, fingerprint) if end < len(items) else ""
    return items[offset:end], next_token


def _fingerprint(request: Message) -> str:
    clean = type(request)()
    clean.CopyFrom(request)
    clean.ClearField("page_token")
    clean.ClearField("page_size")
    return hashlib.sha256(clean.SerializeToString(deterministic=True)).hexdigest()[:16]


def _encode_token(offset: int, fingerprint: str) -> str:
    raw = json.dumps({"o": offset, "f": fingerprint}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_token(token: str, fingerprint: str) -> int:
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        offset, bound_to = int(data["o"]), data["f"]
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise invalid_argument("page_token", "malformed page token") from None
    if bound_to != fingerprint or offset < 0:
        raise invalid_argument("page_token", "page token does not belong to this request")
    return offset
