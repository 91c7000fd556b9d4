"""JSON -> message: one generated function per message type, building constructor kwargs.

The generated function for a type (decoder_source.py) turns a parsed JSON object into the
keyword arguments of the upb message constructor, nested messages as nested dicts, looking
each field up by its JSON name, then its proto name. The constructor then builds the whole
tree in C, which is what makes this far faster than json_format.ParseDict. What the
generated code does not take at face value goes to irregular.py, which may hand a
sub-object to json_format, so the verdict is always json_format's.
"""
from __future__ import annotations

from typing import Any, Callable

import orjson
from google.protobuf.message import Message

from . import scalars
from .codegen import Compiler
from .decoder_source import generate_for
from .errors import ProtoJsonError
from .irregular import irregular, spelled
from .options import JsonOptions
from .reference import MAX_DEPTH, parse_part, reference_decoder_for
from .wkt import is_wrapper, wkt_decoder

_MISSING = object()
_NULL_VALUE = {"null_value": 0}


def _namespace() -> dict[str, Any]:
    return {
        "_MISSING": _MISSING, "_NULL_VALUE": _NULL_VALUE, "_SKIP": scalars.SKIP, "MAX_DEPTH": MAX_DEPTH,
        "ProtoJsonError": ProtoJsonError, "_irregular": irregular, "_spelled": spelled,
        "_to_int": scalars.to_int, "_to_float": scalars.to_float, "_to_bool": scalars.to_bool,
        "_to_str": scalars.to_str, "_to_bytes": scalars.to_bytes, "_to_enum": scalars.to_enum,
        "_to_map_key": scalars.to_map_key,
    }


_compilers: dict[JsonOptions, Compiler] = {}


def _compiler(options: JsonOptions) -> Compiler:
    compiler = _compilers.get(options)
    if compiler is None:
        compiler = _compilers.setdefault(options, Compiler(generate_for(options), _namespace()))
    return compiler


_TEXT = (bytes, bytearray, memoryview, str)


def _load(text: Any) -> Any:
    """Parse JSON text. Unlike json.loads, orjson refuses NaN/Infinity literals (not JSON)
    and keeps the last of duplicate keys, where json_format.Parse rejects them."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as e:
        raise ProtoJsonError("", f"malformed JSON: {e}") from None


def compile_decoder(message_class: type[Message], options: JsonOptions) -> Callable[[Any], Message]:
    """bytes/str (JSON text) or a parsed dict -> a new `message_class` message."""
    descriptor = message_class.DESCRIPTOR
    reference = reference_decoder_for(message_class, options)
    if wkt_decoder(descriptor, options) is not None or is_wrapper(descriptor):
        # A well-known type at the top (rare: request messages are ordinary messages).
        ignore = options.ignore_unknown_fields

        def decode_special(data: Any) -> Message:
            return parse_part(message_class, _load(data) if isinstance(data, _TEXT) else data, ignore, 1)
        return decode_special

    to_kwargs = _compiler(options).compile(descriptor)

    def decode(data: Any) -> Message:
        js = _load(data) if isinstance(data, _TEXT) else data
        kwargs = to_kwargs(js, 1)
        if type(kwargs) is not dict:
            return kwargs  # json_format built it (see irregular.py)
        try:
            return message_class(**kwargs)
        except (ValueError, TypeError, OverflowError):
            # Something the upb setters refuse that the converters let through (a lone
            # surrogate in a string, say): json_format gives the verdict and the message.
            return reference(js)

    return decode
