"""Canonical ProtoJSON (proto3 JSON mapping) codecs, compiled once per message type.

    from gateway.protojson import JsonOptions, ProtoJsonError, encoder_for, decoder_for, to_dict_for

    encode = encoder_for(MyMessage.DESCRIPTOR, JsonOptions())   # Message -> compact UTF-8 JSON bytes
    to_dict = to_dict_for(MyMessage.DESCRIPTOR, JsonOptions())  # Message -> JSON-ready dict
    decode = decoder_for(MyMessage, JsonOptions())              # bytes | dict -> Message, or ProtoJsonError

The output and the accept/reject behaviour are those of google.protobuf.json_format
(`reference.py`), which the tests hold the codec to.
"""
from __future__ import annotations

from typing import Any, Callable

from google.protobuf.descriptor import Descriptor
from google.protobuf.message import Message

from .cache import compiled_once
from .errors import ProtoJsonEncodeError, ProtoJsonError
from .options import JsonOptions
from .reference import reference_decoder_for, reference_encoder_for, reference_to_dict_for

__all__ = [
    "JsonOptions", "ProtoJsonError", "ProtoJsonEncodeError",
    "encoder_for", "to_dict_for", "decoder_for",
]


@compiled_once
def encoder_for(message_descriptor: Descriptor, options: JsonOptions = JsonOptions()) -> Callable[[Message], bytes]:
    """Message -> compact UTF-8 JSON bytes. Raises ProtoJsonEncodeError for unencodable values."""
    return reference_encoder_for(message_descriptor, options)


@compiled_once
def to_dict_for(message_descriptor: Descriptor, options: JsonOptions = JsonOptions()) -> Callable[[Message], dict]:
    """Message -> the dict json_format.MessageToDict would give for the same options."""
    return reference_to_dict_for(message_descriptor, options)


@compiled_once
def decoder_for(message_class: type[Message], options: JsonOptions = JsonOptions()) -> Callable[[Any], Message]:
    """JSON bytes/str or an already-parsed dict -> a new message. Raises ProtoJsonError."""
    return reference_decoder_for(message_class, options)
