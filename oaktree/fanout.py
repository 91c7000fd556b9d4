"""A (possibly partial) Location -> the cloud regions it selects -> one call per region,
run concurrently; failures become per-location errors instead of failing the call.

Every cloud call passes the (cloud, service) rate limit and concurrency cap first, then
runs in the bounded thread pool."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import openstack.connection

from oaktree import metrics
from oaktree.blocking import BlockingPool
from oaktree.clouds import CloudRegistry
from oaktree.connections import ConnectionPool, Target
from oaktree.errors import RpcError, from_exception, invalid_argument, not_found
from oaktree.identity import SERVER, Identity
from oaktree.limits import Limiter
from oaktree.v1 import location_pb2

T = TypeVar("T")
PerTarget = Callable[[openstack.connection.Connection, Target], T]
_TIMEOUT = object()  # Fanout.call's default wait: as long as the timeout


class Fanout:
    def __init__(self, registry: CloudRegistry, connections: ConnectionPool, blocking: BlockingPool,
                 limiter: Limiter | None = None):
        self.registry = registry
        self.connections = connections
        self.blocking = blocking
        self.limiter = limiter or Limiter()

    def targets(self, location: location_pb2.Location, identity: Identity = SERVER) -> list[Target]:
        """The cloud regions a Location selects. Naming an unknown cloud or region is NOT_FOUND;
        a cloud or project a token identity cannot reach is PERMISSION_DENIED."""
        if location.cloud and not self.registry.has_cloud(location.cloud):
            raise not_found("cloud", location.cloud, f"cloud {location.cloud!r} is not configured; "
                            f"configured clouds: {', '.join(self.registry.cloud_names())}")
        clouds = [location.cloud] if location.cloud else self.registry.cloud_names()
        project = location.project
        token = identity.credential
        if token is not None:  # shared mode: the token's Keystone's clouds, the token's project
            clouds = token.clouds(clouds, explicit=bool(location.cloud))
            token.check_project(project)
            project = location_pb2.Project()
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

    def single(self, location: location_pb2.Location, identity: Identity = SERVER) -> Target:
        """The one cloud region a write acts on; INVALID_ARGUMENT naming the candidates when
        the location selects several."""
        targets = self.targets(location, identity)
        if len(targets) > 1:
            raise invalid_argument("location", "the location selects "
                                   f"{len(targets)} cloud regions ({', '.join(t.describe() for t in targets)}); "
                                   "name the cloud and region to act on")
        return targets[0]

    async def call(self, identity: Identity, target: Target, fn: PerTarget[T],
                   timeout: float | None, *, service: str = "", wait=_TIMEOUT) -> T:
        """Run fn(connection, target) in the blocking pool; map every failure to an RpcError.

        `service` (a service type: compute, image, network...) selects the rate limit;
        the call waits for it at most `wait` seconds (default: `timeout`; None: the
        configured maximum, for a caller without a deadline)."""
        def run() -> T:
            return fn(self.connections.get(identity, target), target)
        async with self.limiter.slot(target.cloud, service, timeout if wait is _TIMEOUT else wait):
            metrics.BACKEND_CALLS.labels(target.cloud, service).inc()
            try:
                return await self.blocking.run(run, timeout=timeout)
            except RpcError:
                raise
            except Exception as exc:  # noqa: BLE001 - every cloud failure is mapped, none escapes
                raise from_exception(exc, target.describe()) from exc

    async def gather(self, identity: Identity, location: location_pb2.Location, fn: PerTarget[T],
                     timeout: float | None, *, service: str = ""
                     ) -> tuple[list[tuple[Target, T]], list[location_pb2.LocationError]]:
        return await self.each(self.targets(location, identity), lambda target: self.call(
            identity, target, fn, timeout, service=service))

    async def each(self, targets: list[Target], run: Callable[[Target], Awaitable[T]]
                   ) -> tuple[list[tuple[Target, T]], list[location_pb2.LocationError]]:
        """run(target) for every target concurrently; RpcErrors become per-location errors."""
        outcomes = await asyncio.gather(*(run(target) for target in targets), return_exceptions=True)
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
