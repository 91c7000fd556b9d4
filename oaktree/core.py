"""The core, assembled once per process: configuration, connections, thread pool, fan-out."""
from __future__ import annotations

import dataclasses

from oaktree.blocking import BlockingPool
from oaktree.clouds import CloudRegistry
from oaktree.connections import ConnectionPool
from oaktree.fanout import Fanout
from oaktree.resources import Resources


@dataclasses.dataclass
class Core:
    registry: CloudRegistry
    connections: ConnectionPool
    blocking: BlockingPool
    fanout: Fanout
    resources: Resources

    @classmethod
    def create(cls, registry: CloudRegistry, max_workers: int = 16, *, shared: bool = False,
               max_token_connections: int = 256) -> "Core":
        connections = ConnectionPool(registry, shared=shared, max_token_connections=max_token_connections)
        blocking = BlockingPool(max_workers)
        fanout = Fanout(registry, connections, blocking)
        return cls(registry, connections, blocking, fanout, Resources(fanout))

    def close(self) -> None:
        self.blocking.shutdown()
        self.connections.close()
