"""List and Get for every resource kind, written once.

A ResourceKind says how to list one kind in one cloud region (the openstacksdk cloud-layer
call) and how to normalise it; List and Get then share fan-out, name_or_id matching,
filters, ordering, paging and errors.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence

import openstack.connection
from google.protobuf.message import Message

from oaktree.connections import Target
from oaktree.errors import RpcError, ambiguous, invalid_argument, not_found
from oaktree.fanout import Fanout
from oaktree.identity import Identity
from oaktree.normalize.common import Origin
from oaktree.selection import compile_filters, match_name_or_id, paginate
from oaktree.v1 import location_pb2


@dataclasses.dataclass(frozen=True)
class ResourceKind:
    name: str                                                   # "flavor", for messages
    message: type[Message]                                      # the normalised message type
    list_raw: Callable[[openstack.connection.Connection], Iterable]  # sdk cloud-layer list call
    normalize: Callable[[object, Origin], Message]
    match_keys: Sequence[str] = ("id", "name")                  # what name_or_id matches
    label_key: str = "name"                                     # how candidates are named


def origin_of(connection: openstack.connection.Connection, target: Target) -> Origin:
    """The cloud region and acting project of a connection (after it has authenticated)."""
    current = connection.current_project or {}
    project = location_pb2.Project(
        id=current.get("id") or "", name=current.get("name") or "",
        domain_id=current.get("domain_id") or "", domain_name=current.get("domain_name") or "")
    return Origin(cloud=target.cloud, region=target.region, project=project)


class Resources:
    def __init__(self, fanout: Fanout):
        self.fanout = fanout

    async def fetch(self, kind: ResourceKind, identity: Identity, location: location_pb2.Location,
                    timeout: float | None):
        """Every item of `kind` at `location`, normalised, in a stable order; plus errors."""
        def list_here(connection, target):
            raw_items = list(kind.list_raw(connection))
            origin = origin_of(connection, target)  # after the call: authenticated, project known
            return [kind.normalize(raw, origin) for raw in raw_items]

        results, errors = await self.fanout.gather(identity, location, list_here, timeout)
        items = [item for _, batch in results for item in batch]
        items.sort(key=lambda m: (m.location.cloud, m.location.region, m.location.project.name,
                                  m.location.project.id, getattr(m, kind.label_key), m.id))
        return items, errors

    async def list(self, kind: ResourceKind, identity: Identity, request: Message,
                   timeout: float | None) -> tuple[list[Message], list, str]:
        matches = compile_filters(kind.message.DESCRIPTOR, request.filters)
        items, errors = await self.fetch(kind, identity, request.location, timeout)
        selected = [m for m in match_name_or_id(items, request.name_or_id, kind.match_keys)
                    if matches(m)]
        page, next_token = paginate(selected, request)
        return page, errors, next_token

    async def get(self, kind: ResourceKind, identity: Identity, request: Message,
                  timeout: float | None) -> Message:
        if not request.name_or_id:
            raise invalid_argument("name_or_id", "name_or_id is required")
        items, errors = await self.fetch(kind, identity, request.location, timeout)
        found = match_name_or_id(items, request.name_or_id, kind.match_keys)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ambiguous(kind.name, request.name_or_id, [_label(kind, m) for m in found])
        if errors and not items:
            # Nothing answered: the cause is more useful than NOT_FOUND.
            raise RpcError.from_status(errors[0].status)
        message = f"no {kind.name} {request.name_or_id!r}"
        if errors:
            message += f" (and {len(errors)} location(s) could not be searched)"
        raise not_found(kind.name, request.name_or_id, message)


def _label(kind: ResourceKind, item: Message) -> str:
    where = "/".join(p for p in (item.location.cloud, item.location.region) if p)
    return f"{getattr(item, kind.label_key) or item.id} (id {item.id}, {where})"

