"""Turn a poller subscription into a stream of Server snapshots that ends at a terminal state.

Rules (shared by WatchServer and CreateServerAndWait):
* a snapshot is sent when something a client acts on changed (status, task, power state,
  progress, addresses), never twice the same;
* the stream ends after a snapshot whose status is in `until`;
* ERROR not in `until` -> the ERROR snapshot, then FAILED_PRECONDITION with Nova's fault;
* the server gone -> a DELETED snapshot if DELETED is in `until`, else NOT_FOUND;
* the caller's deadline -> DEADLINE_EXCEEDED.
"""
from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import grpc
from google.rpc import error_details_pb2

from oaktree.errors import RpcError, not_found
from oaktree.v1 import compute_pb2
from oaktree.watch.poller import MISSING, Subscription

S = compute_pb2.ServerStatus
STEADY = frozenset({S.SERVER_STATUS_ACTIVE, S.SERVER_STATUS_SHUTOFF, S.SERVER_STATUS_PAUSED,
                    S.SERVER_STATUS_SUSPENDED, S.SERVER_STATUS_SHELVED,
                    S.SERVER_STATUS_SHELVED_OFFLOADED, S.SERVER_STATUS_RESCUE,
                    S.SERVER_STATUS_VERIFY_RESIZE, S.SERVER_STATUS_SOFT_DELETED})


def change_key(server: compute_pb2.Server) -> tuple:
    return (server.status, server.task_state, server.vm_state, server.power_state, server.progress,
            tuple(sorted((a.network, a.address, a.type) for a in server.addresses)))


def is_final(server: compute_pb2.Server, until: frozenset[int]) -> bool:
    return server.status in until or server.status == S.SERVER_STATUS_ERROR


def check_error(server: compute_pb2.Server, until: frozenset[int]) -> None:
    """Raise FAILED_PRECONDITION for an ERROR the caller did not ask to end on."""
    if server.status == S.SERVER_STATUS_ERROR and S.SERVER_STATUS_ERROR not in until:
        reason = server.fault_message or "no further information available"
        raise RpcError(grpc.StatusCode.FAILED_PRECONDITION,
                       f"server {server.name or server.id} ({server.id}) went to ERROR: {reason}", [
                           error_details_pb2.ResourceInfo(resource_type="server",
                                                          resource_name=server.id,
                                                          description=reason),
                           error_details_pb2.ErrorInfo(reason="SERVER_ERROR", domain="oaktree.dev",
                                                       metadata={"fault": reason[:1000]})])


async def follow(subscription: Subscription, until: frozenset[int],
                 last: compute_pb2.Server | None,
                 time_left: Callable[[], float | None]) -> AsyncIterator[compute_pb2.Server]:
    """Snapshots after `last` (already sent by the caller, may be None) until a final one."""
    last_key = change_key(last) if last is not None else None
    while True:
        state = await subscription.next(timeout=time_left())
        if state is MISSING or (state is not None and state.status == S.SERVER_STATUS_DELETED):
            if S.SERVER_STATUS_DELETED in until:
                gone = compute_pb2.Server(id=subscription.server_id, status=S.SERVER_STATUS_DELETED)
                if last is not None:
                    gone.location.CopyFrom(last.location)
                    gone.name = last.name
                yield gone
                return
            raise not_found("server", subscription.server_id,
                            f"server {subscription.server_id} does not exist (deleted?)")
        if state is None:
            continue
        key = change_key(state)
        if key != last_key:
            yield state
            last, last_key = state, key
        if is_final(state, until):
            check_error(state, until)
            return
