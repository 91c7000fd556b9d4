"""Canonical ProtoJSON (proto3 JSON mapping) codecs, compiled once per message type.

    from gateway.protojson import JsonOptions, ProtoJsonError, encoder_for, decoder_for, to_dict_for

    encode = encoder_for(MyMessage.DESCRIPTOR, JsonOptions())   # Message -> compact UTF-8 JSON bytes
    to_dict = to_dict_for(MyMessage.DESCRIPTOR, JsonOptions())  # Message -> JSON-ready dict
    decode = decoder_for(MyMessage, JsonOptions())              # bytes | dict -> Message, or ProtoJsonError

Output and accept/reject behaviour are google.protobuf.json_format's (`reference.py`);
the converters are generated per message type (`encoder.py`, `decoder.py`) and the tests
hold them to json_format. Known differences, all on input text that is not plain JSON:
duplicate object keys (json_format rejects, we keep the last one), bare NaN/Infinity
literals (json_format's json.loads accepts them, orjson does not), and integer literals
beyond 64 bits (orjson reads them as floats, so -9223372036854775809 rounds to int64's min).
"""
from __future__ import annotations

from typing import Any, Callable

from google.protobuf import descriptor_pool
from google.protobuf.descriptor import Descriptor
from google.protobuf.message import Message

from .cache import compiled_once
from .decoder import compile_decoder
from .encoder import compile_encoder, compile_to_dict
from .errors import ProtoJsonEncodeError, ProtoJsonError
from .options import JsonOptions
from .reference import reference_decoder_for, reference_encoder_for, reference_to_dict_for

__all__ = [
    "JsonOptions", "ProtoJsonError", "ProtoJsonEncodeError",
    "encoder_for", "to_dict_for", "decoder_for",
]


def _custom_enum_names_in_use() -> bool:
    """json_format honours the `pb.enumvalue.json` option when its proto is loaded; the
    generated converters do not, so then everything goes through json_format."""
    try:
        descriptor_pool.Default().FindExtensionByName("pb.enumvalue.json")
    except KeyError:
        return False
    return True


@compiled_once
def encoder_for(message_descriptor: Descriptor, options: JsonOptions = JsonOptions()) -> Callable[[Message], bytes]:
    """Message -> compact UTF-8 JSON bytes. Raises ProtoJsonEncodeError for unencodable values."""
    if _custom_enum_names_in_use():
        return reference_encoder_for(message_descriptor, options)
    return compile_encoder(message_descriptor, options)


@compiled_once
def to_dict_for(message_descriptor: Descriptor, options: JsonOptions = JsonOptions()) -> Callable[[Message], Any]:
    """Message -> what json_format.MessageToDict gives for the same options (a dict, or a
    string/list/... for well-known types such as Timestamp)."""
    if _custom_enum_names_in_use():
        return reference_to_dict_for(message_descriptor, options)
    return compile_to_dict(message_descriptor, options)


@compiled_once
def decoder_for(message_class: type[Message], options: JsonOptions = JsonOptions()) -> Callable[[Any], Message]:
    """JSON bytes/str or an already-parsed dict -> a new message. Raises ProtoJsonError."""
    if _custom_enum_names_in_use():
        return reference_decoder_for(message_class, options)
    return compile_decoder(message_class, options)
