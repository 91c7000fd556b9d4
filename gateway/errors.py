"""gRPC status -> HTTP: the status table and the google.rpc.Status JSON body.

One place decides how every failure looks over REST, whether it comes from the
servicer (abort, set_code, an exception), from request mapping (a bad query
parameter) or from routing (404/405/406/415): always a ``google.rpc.Status``
``{"code", "message", "details": [{"@type": ...}]}`` body.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import grpc
import orjson
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2

from .protojson import JsonOptions, ProtoJsonEncodeError, encoder_for

__all__ = [
    "HTTP_STATUS", "http_status_for", "RpcError", "bad_request", "status_body",
    "DETAILS_KEY", "details_from_metadata",
]

log = logging.getLogger(__name__)

# grpc-gateway's HTTPStatusFromCode (identical in Envoy and Connect).
HTTP_STATUS: dict[grpc.StatusCode, int] = {
    grpc.StatusCode.OK: 200,
    grpc.StatusCode.CANCELLED: 499,
    grpc.StatusCode.UNKNOWN: 500,
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.FAILED_PRECONDITION: 400,  # deliberately not 412, as grpc-gateway
    grpc.StatusCode.ABORTED: 409,
    grpc.StatusCode.OUT_OF_RANGE: 400,
    grpc.StatusCode.UNIMPLEMENTED: 501,
    grpc.StatusCode.INTERNAL: 500,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DATA_LOSS: 500,
    grpc.StatusCode.UNAUTHENTICATED: 401,
}
_BY_NUMBER: dict[int, grpc.StatusCode] = {c.value[0]: c for c in grpc.StatusCode}

# grpcio-status puts the serialized google.rpc.Status in this trailing metadata key.
DETAILS_KEY = "grpc-status-details-bin"


def http_status_for(code: grpc.StatusCode | int) -> int:
    """HTTP status for a gRPC code; any code outside the table is a 500."""
    if isinstance(code, int):
        code = _BY_NUMBER.get(code)  # type: ignore[assignment]
    status = HTTP_STATUS.get(code)  # type: ignore[arg-type]
    if status is None:
        log.warning("no HTTP status for gRPC code %r; answering 500", code)
        return 500
    return status


def code_from_number(number: int) -> grpc.StatusCode:
    return _BY_NUMBER.get(number, grpc.StatusCode.UNKNOWN)


@dataclass
class RpcError(Exception):
    """A failed call as the gateway sees it: gRPC code, message, google.rpc details.

    ``http_status`` overrides the table (routing errors: 405, 406, 415); ``headers`` are
    extra response headers (``Allow``); ``trailing_metadata`` is what the servicer set.
    """

    code: grpc.StatusCode
    message: str = ""
    details: list[any_pb2.Any] = field(default_factory=list)
    http_status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    trailing_metadata: Sequence[tuple[str, str | bytes]] = ()

    def __post_init__(self) -> None:
        Exception.__init__(self, f"{self.code.name}: {self.message}")

    @property
    def status(self) -> int:
        return self.http_status if self.http_status is not None else http_status_for(self.code)

    def to_proto(self) -> status_pb2.Status:
        status = status_pb2.Status(code=self.code.value[0], message=self.message)
        status.details.extend(self.details)
        return status


def bad_request(field_path: str, description: str, message: str | None = None) -> RpcError:
    """INVALID_ARGUMENT with a google.rpc.BadRequest naming the offending field."""
    detail = any_pb2.Any()
    detail.Pack(error_details_pb2.BadRequest(field_violations=[
        error_details_pb2.BadRequest.FieldViolation(field=field_path, description=description)]))
    text = message or (f"invalid value for {field_path}: {description}" if field_path else description)
    return RpcError(grpc.StatusCode.INVALID_ARGUMENT, text, [detail])


def details_from_metadata(metadata: Iterable[tuple[str, str | bytes]]) -> tuple[list[any_pb2.Any], str | None]:
    """Unpack grpc-status-details-bin (as written by grpcio-status' abort_with_status).

    Returns (details, message from the Status proto or None).
    """
    for key, value in metadata or ():
        if key == DETAILS_KEY and isinstance(value, (bytes, bytearray)):
            status = status_pb2.Status()
            try:
                status.ParseFromString(bytes(value))
            except Exception:  # a malformed blob must not hide the real error
                log.warning("ignoring malformed %s", DETAILS_KEY)
                return [], None
            return list(status.details), status.message
    return [], None


def status_body(error: RpcError, options: JsonOptions) -> bytes:
    """The google.rpc.Status JSON for an error, details with their ``@type``."""
    encode = encoder_for(status_pb2.Status.DESCRIPTOR, options)
    status = error.to_proto()
    try:
        return encode(status)
    except (ProtoJsonEncodeError, Exception):
        # A detail whose type is not in the descriptor pool cannot be rendered as JSON;
        # keep the code and message rather than failing the whole error.
        log.warning("dropping undecodable error details for %s", error.code.name)
        del status.details[:]
        try:
            return encode(status)
        except Exception:
            return orjson.dumps({"code": 13, "message": "failed to marshal error message", "details": []})
