"""List and Get for every resource kind, written once.

A ResourceKind says how to list one kind in one cloud region (the openstacksdk cloud-layer
call) and how to normalise it; List and Get then share fan-out, name_or_id matching,
filters, ordering, paging and errors.

The backend query per cloud region is always "the whole list of this kind"; everything
else (filters, name matching, paging) happens here, on that list. So the list per
(identity, cloud, region, project, kind) is what the cache stores and coalesces
(oaktree.cache), and every request shape is served from it.

Writes: a write RPC runs its cloud call through `Resources.write(...)`, which invalidates
the lists the write changes (see its docstring).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import openstack.connection
from google.protobuf.message import Message

from oaktree import calls
from oaktree.cache.keys import CacheKey, Scope, principal_of
from oaktree.cache.lists import ListCache, ListSpec
from oaktree.cache.settings import CacheSettings
from oaktree.connections import Target
from oaktree.errors import RpcError, ambiguous, invalid_argument, not_found
from oaktree.fanout import Fanout, PerTarget
from oaktree.identity import Identity
from oaktree.normalize.common import Origin
from oaktree.selection import compile_filters, match_name_or_id, paginate
from oaktree.v1 import location_pb2

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class ResourceKind:
    name: str                                                   # "flavor", for messages
    message: type[Message]                                      # the normalised message type
    list_raw: Callable[[openstack.connection.Connection], Iterable]  # sdk cloud-layer list call
    normalize: Callable[[object, Origin], Message]
    match_keys: Sequence[str] = ("id", "name")                  # what name_or_id matches
    label_key: str = "name"                                     # how candidates are named
    service: str = ""                                           # service type: rate limits, metrics
    # True for an item in a transitional state (image saving, server building): a list
    # holding one is not cached, so pollers see the next change at once.
    transitional: Callable[[Message], bool] | None = None

    @property
    def key(self) -> str:
        """The kind in configuration and metrics: "floating IP" -> "floating_ip"."""
        return self.name.lower().replace(" ", "_")

    @property
    def spec(self) -> ListSpec:
        return ListSpec(self.key, self.service, self.message, self.transitional)


def origin_of(connection: openstack.connection.Connection, target: Target) -> Origin:
    """Where resources listed on `connection` come from: the target and its acting project."""
    current = connection.current_project or {}
    project = location_pb2.Project(
        id=current.get("id") or "", name=current.get("name") or "",
        domain_id=current.get("domain_id") or "", domain_name=current.get("domain_name") or "")
    return Origin(cloud=target.cloud, region=target.region, project=project)


class Resources:
    def __init__(self, fanout: Fanout, cache: ListCache | None = None):
        self.fanout = fanout
        self.cache = cache or ListCache(CacheSettings(backend="none"), None)
        self._principals: dict[tuple[str, str], str] = {}

    async def fetch(self, kind: ResourceKind, identity: Identity, location: location_pb2.Location,
                    timeout: float | None, fresh: bool | None = None):
        """Every item of `kind` at `location`, normalised, in a stable order; plus errors.

        Served from the cache when it holds a fresh enough list; `fresh` (default: the
        call's Cache-Control) skips the cache and refreshes it."""
        fresh = calls.no_cache.get() if fresh is None else fresh

        def list_here(connection, target):
            raw_items = list(kind.list_raw(connection))
            origin = origin_of(connection, target)  # after the call: authenticated, project known
            return [kind.normalize(raw, origin) for raw in raw_items]

        async def at(target: Target):
            async def load(wait: float | None):
                # Shared by every caller of the flight: bounded by the backend cap, not by
                # one caller's deadline (each caller waits up to its own).
                return await self.fanout.call(identity, target, list_here,
                                              self.cache.settings.backend_timeout,
                                              service=kind.service, wait=wait)
            key = CacheKey.of(identity, self._principal(target), target, kind.key)
            return await self.cache.get(key, kind.spec, load, fresh=fresh, timeout=timeout)

        results, errors = await self.fanout.each(self.fanout.targets(location, identity), at)
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

    async def write(self, identity: Identity, target: Target, fn: PerTarget[T], timeout: float | None,
                    *, service: str, invalidates: Sequence[ResourceKind]) -> T:
        """Run a write (create, update, delete...) fn(connection, target) and invalidate the
        lists it changes, whether it succeeded or not (a failed or timed-out write may
        still have changed something). How every write RPC talks to the cloud:

            server = await core.resources.write(
                calls.identity(context), target,
                lambda connection, target: connection.create_server(...),
                calls.timeout(context), service="compute", invalidates=[SERVERS, PORTS])
        """
        try:
            return await self.fanout.call(identity, target, fn, timeout, service=service)
        finally:
            await self.invalidate(identity, target, *invalidates)

    async def invalidate(self, identity: Identity, target: Target, *kinds: ResourceKind) -> None:
        """Drop every cached list of `kinds` in target's cloud region, for every identity
        and project: one caller's write changes what others see (shared projects, public
        images, flavors). For writes made outside `write`."""
        for kind in kinds:
            await self.cache.invalidate(Scope(target.cloud, target.region, kind.key))

    def _principal(self, target: Target) -> str:
        where = (target.cloud, target.region)
        if where not in self._principals:
            self._principals[where] = principal_of(
                self.fanout.registry.region(target.cloud, target.region).config)
        return self._principals[where]

    async def get(self, kind: ResourceKind, identity: Identity, request: Message,
                  timeout: float | None, fresh: bool | None = None) -> Message:
        if not request.name_or_id:
            raise invalid_argument("name_or_id", "name_or_id is required")
        items, errors = await self.fetch(kind, identity, request.location, timeout, fresh=fresh)
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

