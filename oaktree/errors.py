"""Errors: one exception type carrying a gRPC status + google.rpc details, and the one
place where openstacksdk / keystoneauth exceptions are mapped to it.

The transcoder turns the same status into HTTP (gateway/errors.py), so mapping once here
gives both protocols the same answer.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence

import grpc
from google.protobuf import any_pb2
from google.protobuf.message import Message
from google.rpc import error_details_pb2, status_pb2
from keystoneauth1 import exceptions as ksa_exc
from openstack import exceptions as sdk_exc

log = logging.getLogger(__name__)

DOMAIN = "oaktree.dev"


class RpcError(Exception):
    """An error with a gRPC status code, a message and google.rpc detail messages."""

    def __init__(self, code: grpc.StatusCode, message: str, details: Sequence[Message] = ()):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = list(details)
        self._packed: list[any_pb2.Any] = []  # details already packed (from a Status)

    @classmethod
    def from_status(cls, status: status_pb2.Status) -> "RpcError":
        code = next(c for c in grpc.StatusCode if c.value[0] == status.code)
        error = cls(code, status.message)
        error._packed = list(status.details)
        return error

    def to_status(self) -> status_pb2.Status:
        status = status_pb2.Status(code=self.code.value[0], message=self.message,
                                   details=self._packed)
        for detail in self.details:
            packed = any_pb2.Any()
            packed.Pack(detail)
            status.details.append(packed)
        return status

    def trailing_metadata(self) -> tuple[tuple[str, bytes], ...]:
        """grpc-status-details-bin: how gRPC carries rich error details."""
        return (("grpc-status-details-bin", self.to_status().SerializeToString()),)


def not_found(resource_type: str, name: str, description: str) -> RpcError:
    return RpcError(grpc.StatusCode.NOT_FOUND, description, [
        error_details_pb2.ResourceInfo(resource_type=resource_type, resource_name=name,
                                       description=description)])


def invalid_argument(field: str, description: str) -> RpcError:
    return RpcError(grpc.StatusCode.INVALID_ARGUMENT, description, [
        error_details_pb2.BadRequest(field_violations=[
            error_details_pb2.BadRequest.FieldViolation(field=field, description=description)])])


def ambiguous(resource_type: str, name: str, candidates: Sequence[str]) -> RpcError:
    message = (f"{len(candidates)} {resource_type}s match {name!r}; use an id or a narrower "
               f"location: {', '.join(candidates)}")
    return RpcError(grpc.StatusCode.INVALID_ARGUMENT, message, [
        error_details_pb2.ErrorInfo(reason="AMBIGUOUS_NAME", domain=DOMAIN, metadata={
            "resource_type": resource_type, "name": name, "candidates": ",".join(candidates)}),
        error_details_pb2.BadRequest(field_violations=[
            error_details_pb2.BadRequest.FieldViolation(
                field="name_or_id", description=f"matches {len(candidates)} {resource_type}s")]),
    ])


# HTTP status from a cloud -> gRPC code. Upstream 5xx become UNAVAILABLE: the client did
# nothing wrong and may retry.
_HTTP_TO_CODE = {
    400: grpc.StatusCode.INVALID_ARGUMENT,
    401: grpc.StatusCode.UNAUTHENTICATED,
    403: grpc.StatusCode.PERMISSION_DENIED,
    404: grpc.StatusCode.NOT_FOUND,
    409: grpc.StatusCode.ABORTED,
    412: grpc.StatusCode.FAILED_PRECONDITION,
    413: grpc.StatusCode.RESOURCE_EXHAUSTED,
    429: grpc.StatusCode.RESOURCE_EXHAUSTED,
    501: grpc.StatusCode.UNIMPLEMENTED,
    504: grpc.StatusCode.DEADLINE_EXCEEDED,
}


def from_exception(exc: BaseException, where: str = "") -> RpcError:
    """Map any exception raised while talking to a cloud to an RpcError."""
    if isinstance(exc, RpcError):
        return exc
    prefix = f"{where}: " if where else ""
    if isinstance(exc, (sdk_exc.EndpointNotFound, ksa_exc.EndpointNotFound,
                        sdk_exc.ServiceDisabledException)):
        return _with_reason(grpc.StatusCode.UNIMPLEMENTED, f"{prefix}service not available: {exc}",
                            "SERVICE_NOT_AVAILABLE")
    if isinstance(exc, (ksa_exc.ConnectFailure, ksa_exc.ConnectTimeout,
                        ksa_exc.UnknownConnectionError, ksa_exc.DiscoveryFailure)):
        return _with_reason(grpc.StatusCode.UNAVAILABLE, f"{prefix}cloud unreachable: {exc}",
                            "CLOUD_UNREACHABLE")
    if isinstance(exc, ksa_exc.Unauthorized):
        return _with_reason(grpc.StatusCode.UNAUTHENTICATED,
                            f"{prefix}the cloud rejected the credentials", "CLOUD_AUTH_FAILED")
    if isinstance(exc, sdk_exc.DuplicateResource):
        return RpcError(grpc.StatusCode.INVALID_ARGUMENT, f"{prefix}{exc}")
    if isinstance(exc, sdk_exc.NotFoundException):
        # Also raised without an HTTP status by find_* when a name matches nothing.
        return RpcError(grpc.StatusCode.NOT_FOUND, f"{prefix}{exc.details or exc.message}")
    if isinstance(exc, sdk_exc.HttpException) and exc.status_code:
        return _from_http(exc.status_code, f"{prefix}{exc.details or exc.message}")
    if isinstance(exc, ksa_exc.HttpError) and exc.http_status:
        return _from_http(exc.http_status, f"{prefix}{exc.message}")
    if isinstance(exc, sdk_exc.ResourceTimeout):
        return RpcError(grpc.StatusCode.DEADLINE_EXCEEDED, f"{prefix}{exc}")
    log.exception("unexpected error %s", prefix, exc_info=exc)
    return RpcError(grpc.StatusCode.INTERNAL, f"{prefix}internal error ({type(exc).__name__})")


def _from_http(http_status: int, message: str) -> RpcError:
    code = _HTTP_TO_CODE.get(http_status)
    if code is None:
        code = grpc.StatusCode.UNAVAILABLE if http_status >= 500 else grpc.StatusCode.UNKNOWN
    return RpcError(code, message, [error_details_pb2.ErrorInfo(
        reason="CLOUD_HTTP_ERROR", domain=DOMAIN, metadata={"http_status": str(http_status)})])


def _with_reason(code: grpc.StatusCode, message: str, reason: str) -> RpcError:
    return RpcError(code, message, [error_details_pb2.ErrorInfo(reason=reason, domain=DOMAIN)])

