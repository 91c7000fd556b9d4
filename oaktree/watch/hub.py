"""Where watchers find their poller: one per (identity, cloud region, project).

The key includes the identity, so one caller's servers are never listed with another's
credentials nor shown to another caller.
"""
from __future__ import annotations

import collections

from oaktree.connections import Target
from oaktree.fanout import Fanout
from oaktree.identity import Identity
from oaktree.normalize.server import interfaces, server as normalize_server, supplement_addresses
from oaktree.resources import origin_of
from oaktree.v1 import compute_pb2
from oaktree.watch.poller import Poller, Subscription

DEFAULT_INTERVAL = 2.0


class WatchHub:
    def __init__(self, fanout: Fanout, interval: float = DEFAULT_INTERVAL):
        self.fanout = fanout
        self.interval = interval
        self._pollers: dict[tuple[Identity, Target], Poller] = {}
        # List calls made per key, kept after a poller stops (tests and benchmarks read it).
        self.polls: collections.Counter[tuple[Identity, Target]] = collections.Counter()

    def subscribe(self, identity: Identity, target: Target, server_id: str) -> Subscription:
        key = (identity, target)
        poller = self._pollers.get(key)
        if poller is None:
            poller = Poller(self._fetcher(identity, target), self.interval,
                            on_idle=lambda p, key=key: self._forget(key, p),
                            name=target.describe())
            self._pollers[key] = poller
        return poller.subscribe(server_id)

    def pollers(self) -> int:
        return len(self._pollers)

    def _forget(self, key, poller: Poller) -> None:
        if self._pollers.get(key) is poller:
            del self._pollers[key]

    def _fetcher(self, identity: Identity, target: Target):
        async def fetch(watched: frozenset[str]) -> dict[str, compute_pb2.Server]:
            self.polls[(identity, target)] += 1
            # Bounded, so a hung cloud call counts as a failed poll instead of stalling
            # every watcher of the location behind it.
            return await self.fanout.call(identity, target, lambda c, t: _list(c, t, watched),
                                          timeout=max(30.0, 5 * self.interval), service="compute")
        return fetch


def _list(connection, target: Target, watched: frozenset[str]) -> dict[str, compute_pb2.Server]:
    """One `GET /servers/detail` for the whole location; normalise only the watched ones.
    When a watched server is ACTIVE without a floating IP in Nova's answer, one Neutron
    floating-IP list for all of them (never per server or per watcher)."""
    found = {}
    for resource in connection.compute.servers(details=True):
        if resource.id in watched:
            found[resource.id] = resource
    supplement_addresses(connection, list(found.values()))
    origin = origin_of(connection, target)
    return {server_id: normalize_server(resource, origin, interfaces(connection, resource, supplemental=False))
            for server_id, resource in found.items()}
