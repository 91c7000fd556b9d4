"""The core, assembled once per process: configuration, connections, thread pool, fan-out,
the shared watch pollers."""
from __future__ import annotations

import dataclasses

from oaktree.blocking import BlockingPool
from oaktree.clouds import CloudRegistry
from oaktree.connections import ConnectionPool
from oaktree.fanout import Fanout
from oaktree.resources import Resources
from oaktree.watch.hub import DEFAULT_INTERVAL, WatchHub


@dataclasses.dataclass
class Core:
    registry: CloudRegistry
    connections: ConnectionPool
    blocking: BlockingPool
    fanout: Fanout
    resources: Resources
    watch: WatchHub

    @classmethod
    def create(cls, registry: CloudRegistry, max_workers: int = 16,
               watch_interval: float = DEFAULT_INTERVAL) -> "Core":
        connections = ConnectionPool(registry)
        blocking = BlockingPool(max_workers)
        fanout = Fanout(registry, connections, blocking)
        return cls(registry, connections, blocking, fanout, Resources(fanout),
                   WatchHub(fanout, watch_interval))

    def close(self) -> None:
        self.blocking.shutdown()
        self.connections.close()
