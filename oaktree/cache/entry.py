"""A cached list as bytes: a small header and the normalised messages, length-delimited.

Protobuf in, protobuf out (never pickle): a shared backend holds nothing that executes on
load, and any replica reads what any other wrote. Each message is prefixed by its varint
length, protobuf's own delimited framing.
"""
from __future__ import annotations

import dataclasses
import struct
from collections.abc import Iterable

from google.protobuf.message import Message

MAGIC = b"OKC1"
_HEADER = struct.Struct(">dq")  # fetched_at (unix seconds), invalidation epoch at fetch time


class CorruptEntry(ValueError):
    pass


@dataclasses.dataclass(frozen=True)
class Entry:
    fetched_at: float
    epoch: int
    payload: bytes  # the delimited messages

    def encode(self) -> bytes:
        return MAGIC + _HEADER.pack(self.fetched_at, self.epoch) + self.payload

    @classmethod
    def decode(cls, data: bytes) -> "Entry":
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _HEADER.size:
            raise CorruptEntry("not an oaktree cache entry")
        fetched_at, epoch = _HEADER.unpack_from(data, len(MAGIC))
        return cls(fetched_at, epoch, data[len(MAGIC) + _HEADER.size:])


def encode_messages(messages: Iterable[Message]) -> bytes:
    out = bytearray()
    for message in messages:
        body = message.SerializeToString(deterministic=True)
        out += _varint(len(body))
        out += body
    return bytes(out)


def decode_messages(message_type: type[Message], payload: bytes) -> list[Message]:
    messages, position = [], 0
    while position < len(payload):
        length, position = _read_varint(payload, position)
        end = position + length
        if end > len(payload):
            raise CorruptEntry("truncated message")
        messages.append(message_type.FromString(payload[position:end]))
        position = end
    return messages


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _read_varint(data: bytes, position: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if position >= len(data) or shift > 63:
            raise CorruptEntry("bad length prefix")
        byte = data[position]
        position += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, position
        shift += 7
