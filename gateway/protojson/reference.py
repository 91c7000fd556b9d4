"""The reference codec: google.protobuf.json_format behind the public codec signatures.

It defines what "correct" means for the fast codec (the differential tests compare the two)
and does the work the fast codec delegates (google.protobuf.Any).
"""
from __future__ import annotations

import re
from typing import Any, Callable

import orjson
from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor
from google.protobuf.message import Message

from .errors import ProtoJsonEncodeError, ProtoJsonError
from .options import JsonOptions

MAX_DEPTH = 100
"""json_format's default max_recursion_depth: messages nested deeper are rejected."""

# json_format reports the path as "at Message.a.b[2]" (sometimes quoted) inside its messages.
_PATH_IN_MESSAGE = re.compile(r' at "?([^" \n]+)')
_UNKNOWN_FIELD = re.compile(r'has no field named "([^"]*)" at "([^"]*)"')
_FAILED_FIELD = re.compile(r"Failed to parse ([A-Za-z_][A-Za-z0-9_]*) field: ")


def to_dict_options(options: JsonOptions) -> dict[str, bool]:
    """The MessageToDict keyword arguments that express `options`."""
    return {
        "always_print_fields_with_no_presence": options.emit_unpopulated,
        "preserving_proto_field_name": options.use_proto_names,
        "use_integers_for_enums": options.enums_as_ints,
    }


def reference_to_dict_for(descriptor: Descriptor, options: JsonOptions) -> Callable[[Message], dict]:
    kwargs = to_dict_options(options)

    def to_dict(message: Message) -> dict:
        try:
            return json_format.MessageToDict(message, **kwargs)
        except (json_format.Error, ValueError, TypeError) as e:
            raise ProtoJsonEncodeError(str(e)) from e

    return to_dict


def reference_encoder_for(descriptor: Descriptor, options: JsonOptions) -> Callable[[Message], bytes]:
    to_dict = reference_to_dict_for(descriptor, options)
    return lambda message: orjson.dumps(to_dict(message))


def reference_decoder_for(message_class: type[Message], options: JsonOptions) -> Callable[[Any], Message]:
    ignore = options.ignore_unknown_fields

    def decode(data: bytes | str | dict) -> Message:
        message = message_class()
        try:
            if isinstance(data, (bytes, bytearray, memoryview, str)):
                json_format.Parse(bytes(data) if isinstance(data, memoryview) else data, message, ignore)
            else:
                json_format.ParseDict(data, message, ignore)
        except json_format.ParseError as e:
            raise ProtoJsonError(field_of(str(e), message_class.DESCRIPTOR.name), str(e)) from e
        except Exception as e:  # json_format.Parse wraps these too; ParseDict lets them escape
            raise ProtoJsonError("", f"{type(e).__name__}: {e}") from e
        return message

    return decode


def parse_part(message_class: type[Message], value: Any, ignore_unknown: bool, depth: int) -> Message:
    """json_format's verdict on `value` as a message nested at `depth` (the top is 1).

    The fast decoder hands over the inputs whose meaning depends on json_format's quirks
    (key order, a field spelled two ways, non-object message values, google.protobuf.Any).
    """
    message = message_class()
    try:
        json_format.ParseDict(value, message, ignore_unknown, max_recursion_depth=MAX_DEPTH + 1 - depth)
    except json_format.ParseError as e:
        raise ProtoJsonError(field_of(str(e), message_class.DESCRIPTOR.name), str(e)) from None
    except Exception as e:  # json_format.Parse would wrap these as ParseError
        raise ProtoJsonError("", f"{type(e).__name__}: {e}") from None
    return message


def field_of(description: str, root_name: str) -> str:
    """Best-effort dotted field path from a json_format error message."""
    unknown = _UNKNOWN_FIELD.search(description)
    if unknown:
        path = f"{unknown.group(2)}.{unknown.group(1)}"
    else:
        paths = _PATH_IN_MESSAGE.findall(description)
        if not paths:  # only the chain "Failed to parse a field: Failed to parse b field: ..."
            return ".".join(_FAILED_FIELD.findall(description))
        path = paths[0].rstrip(".")
    if path == root_name:
        return ""
    return path[len(root_name) + 1:] if path.startswith(root_name + ".") else path
