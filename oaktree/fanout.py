"""A (possibly partial) Location -> the cloud regions it selects -> one call per region,
run concurrently; failures become per-location errors instead of failing the call."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

import openstack.connection

from oaktree.blocking import BlockingPool
from oaktree.clouds import CloudRegistry
from oaktree.connections import ConnectionPool, Target
from oaktree.errors import RpcError, from_exception, invalid_argument, not_found
from oaktree.identity import Identity
from oaktree.v1 import location_pb2

T = TypeVar("T")
PerTarget = Callable[[openstack.connection.Connection, Target], T]


class Fanout:
    def __init__(self, registry: CloudRegistry, connections: ConnectionPool, blocking: BlockingPool):
        self.registry = registry
        self.connections = connections
        self.blocking = blocking

    def targets(self, location: location_pb2.Location) -> list[Target]:
        """The cloud regions a Location selects. Naming an unknown cloud or region is NOT_FOUND."""
        if location.cloud and not self.registry.has_cloud(location.cloud):
            raise not_found("cloud", location.cloud, f"cloud {location.cloud!r} is not configured; "
                            f"configured clouds: {', '.join(self.registry.cloud_names())}")
        clouds = [location.cloud] if location.cloud else self.registry.cloud_names()
        project = location.project
        targets = [
            Target(cloud, region, project.id, project.name, project.domain_id, project.domain_name)
            for cloud in clouds for region in self.registry.regions_of(cloud)
            if not location.region or region == location.region
        ]
        if not targets:
            where = f"cloud {location.cloud!r}" if location.cloud else "any configured cloud"
            raise not_found("region", location.region,
                            f"region {location.region!r} is not configured in {where}")
        return targets

    def single(self, location: location_pb2.Location) -> Target:
        """The one cloud region a write acts on; INVALID_ARGUMENT naming the candidates when
        the location selects several."""
        targets = self.targets(location)
        if len(targets) > 1:
            raise invalid_argument("location", "the location selects "
                                   f"{len(targets)} cloud regions ({', '.join(t.describe() for t in targets)}); "
                                   "name the cloud and region to act on")
        return targets[0]

    async def call(self, identity: Identity, target: Target, fn: PerTarget[T],
                   timeout: float | None) -> T:
        """Run fn(connection, target) in the blocking pool; map every failure to an RpcError."""
        def run() -> T:
            return fn(self.connections.get(identity, target), target)
        try:
            return await self.blocking.run(run, timeout=timeout)
        except RpcError:
            raise
        except Exception as exc:  # noqa: BLE001 - every cloud failure is mapped, none escapes
            raise from_exception(exc, target.describe()) from exc

    async def gather(self, identity: Identity, location: location_pb2.Location, fn: PerTarget[T],
                     timeout: float | None) -> tuple[list[tuple[Target, T]], list[location_pb2.LocationError]]:
        targets = self.targets(location)
        outcomes = await asyncio.gather(
            *(self.call(identity, target, fn, timeout) for target in targets), return_exceptions=True)
        results, errors = [], []
        for target, outcome in zip(targets, outcomes):
            if isinstance(outcome, RpcError):
                errors.append(location_pb2.LocationError(
                    location=location_of(target), status=outcome.to_status()))
            elif isinstance(outcome, BaseException):
                raise outcome
            else:
                results.append((target, outcome))
        return results, errors


def location_of(target: Target) -> location_pb2.Location:
    return location_pb2.Location(cloud=target.cloud, region=target.region, project=location_pb2.Project(
        id=target.project_id, name=target.project_name,
        domain_id=target.project_domain_id, domain_name=target.project_domain_name))
