"""HTTP headers <-> gRPC metadata, as grpc-gateway maps them.

In:  ``Grpc-Metadata-Foo`` -> ``foo``; IANA permanent headers -> ``grpcgateway-<name>``
     (``Authorization`` also as ``authorization``); ``X-Forwarded-Host`` (else ``Host``)
     and ``X-Forwarded-For`` (plus the client address); ``-Bin`` values base64-decoded;
     anything else is dropped unless listed in ``forward_headers``.
Out: initial metadata -> ``Grpc-Metadata-<key>``; trailing -> ``Grpc-Trailer-<key>``;
     binary values base64-encoded.
"""
from __future__ import annotations

import base64
import binascii
import re
from typing import Iterable

from .errors import bad_request

__all__ = ["incoming_metadata", "outgoing_headers", "parse_grpc_timeout", "PERMANENT_HEADERS"]

METADATA_PREFIX = "grpc-metadata-"
GATEWAY_PREFIX = "grpcgateway-"
# IANA "permanent" message headers grpc-gateway forwards with the grpcgateway- prefix.
PERMANENT_HEADERS = frozenset({
    "accept", "accept-charset", "accept-language", "accept-ranges", "authorization",
    "cache-control", "content-type", "cookie", "date", "expect", "from", "host", "if-match",
    "if-modified-since", "if-none-match", "if-schedule-tag-match", "if-unmodified-since",
    "max-forwards", "origin", "pragma", "referer", "user-agent", "via", "warning",
})
_VALID_KEY = re.compile(r"^[0-9a-z_.\-]+$")
_TIMEOUT = re.compile(r"^([0-9]{1,8})([HMSmun])$")
_UNITS = {"H": 3600.0, "M": 60.0, "S": 1.0, "m": 1e-3, "u": 1e-6, "n": 1e-9}


def incoming_metadata(headers: Iterable[tuple[bytes, bytes]], client_host: str | None,
                      forward_headers: frozenset[str] = frozenset()) -> tuple[tuple[str, str | bytes], ...]:
    """Raw ASGI headers -> gRPC invocation metadata (lower-case keys)."""
    out: list[tuple[str, str | bytes]] = []
    host = forwarded_host = forwarded_for = None
    for raw_key, raw_value in headers:
        key = raw_key.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        if key.startswith(METADATA_PREFIX):
            name = key[len(METADATA_PREFIX):]
            if not name or not _VALID_KEY.match(name) or name.startswith("grpc-"):
                continue  # invalid or reserved metadata keys are skipped, as grpc-gateway does
            out.append((name, _decode_bin(value) if name.endswith("-bin") else value))
            continue
        if key == "host":
            host = value
        elif key == "x-forwarded-host":
            forwarded_host = value
            continue
        elif key == "x-forwarded-for":
            forwarded_for = value
            continue
        if key in PERMANENT_HEADERS:
            out.append((GATEWAY_PREFIX + key, value))
            if key == "authorization":
                out.append(("authorization", value))
        elif key in forward_headers:
            out.append((key, value))
    if forwarded_host or host:
        out.append(("x-forwarded-host", forwarded_host or host))
    if client_host:
        forwarded_for = f"{forwarded_for}, {client_host}" if forwarded_for else client_host
    if forwarded_for:
        out.append(("x-forwarded-for", forwarded_for))
    return tuple(out)


def _decode_bin(value: str) -> bytes:
    padded = value + "=" * (-len(value) % 4)
    try:
        return base64.b64decode(padded, altchars=b"-_" if ("-" in value or "_" in value) else None)
    except (binascii.Error, ValueError):
        return value.encode("latin-1")


def _encode_value(key: str, value: str | bytes) -> str:
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def outgoing_headers(initial: Iterable[tuple[str, str | bytes]],
                     trailing: Iterable[tuple[str, str | bytes]] = ()) -> list[tuple[bytes, bytes]]:
    """Servicer metadata -> response headers (Grpc-Metadata-*, Grpc-Trailer-*)."""
    headers: list[tuple[bytes, bytes]] = []
    for prefix, pairs in (("grpc-metadata-", initial), ("grpc-trailer-", trailing)):
        for key, value in pairs:
            if key == "grpc-status-details-bin":
                continue  # already rendered as the error body's details
            text = _encode_value(key, value)
            headers.append(((prefix + key).encode("latin-1"), text.encode("latin-1", "replace")))
    return headers


def parse_grpc_timeout(value: str) -> float:
    """``Grpc-Timeout`` (``10S``, ``500m``, ``1H``...) -> seconds; bad input is a 400."""
    m = _TIMEOUT.match(value.strip())
    if m is None:
        raise bad_request("Grpc-Timeout", f"invalid timeout {value!r}: want 1-8 digits and a unit H M S m u n")
    return int(m.group(1)) * _UNITS[m.group(2)]
