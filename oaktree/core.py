"""The core, assembled once per process: configuration, connections, thread pool, rate
limits, fan-out, the list cache, the shared watch pollers."""
from __future__ import annotations

import dataclasses

from oaktree.blocking import BlockingPool
from oaktree.cache.backend import open_backend
from oaktree.cache.lists import ListCache
from oaktree.clouds import CloudRegistry
from oaktree.connections import ConnectionPool
from oaktree.config import Config
from oaktree.fanout import Fanout
from oaktree.limits import Limiter
from oaktree.resources import Resources
from oaktree.watch.hub import DEFAULT_INTERVAL, WatchHub


@dataclasses.dataclass
class Core:
    registry: CloudRegistry
    connections: ConnectionPool
    blocking: BlockingPool
    fanout: Fanout
    resources: Resources
    watch: WatchHub | None = None  # made from fanout when not given

    def __post_init__(self) -> None:
        if self.watch is None:
            self.watch = WatchHub(self.fanout)

    @classmethod
    def create(cls, registry: CloudRegistry, max_workers: int = 16,
               config: Config | None = None,
               watch_interval: float = DEFAULT_INTERVAL, *, shared: bool = False,
               max_token_connections: int = 256) -> "Core":
        config = config or Config()
        connections = ConnectionPool(registry, shared=shared, max_token_connections=max_token_connections)
        blocking = BlockingPool(max_workers)
        fanout = Fanout(registry, connections, blocking, Limiter(config.limits))
        backend = (open_backend(config.cache.backend, config.cache.namespace)
                   if config.cache.enabled else None)
        cache = ListCache(config.cache, backend)
        return cls(registry, connections, blocking, fanout, Resources(fanout, cache),
                   WatchHub(fanout, watch_interval))

    async def aclose(self) -> None:
        await self.resources.cache.close()
        self.close()

    def close(self) -> None:
        self.blocking.shutdown()
        self.connections.close()
