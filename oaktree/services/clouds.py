from __future__ import annotations

from oaktree import calls, capabilities
from oaktree.core import Core
from oaktree.errors import not_found
from oaktree.resources import origin_of
from oaktree.v1 import clouds_pb2, clouds_pb2_grpc, location_pb2


class CloudsService(clouds_pb2_grpc.CloudsServiceServicer):
    def __init__(self, core: Core):
        self.registry = core.registry
        self.fanout = core.fanout
        self.capabilities_cache = capabilities.TtlCache()

    async def ListClouds(self, request, context):
        names = self.registry.cloud_names()
        if request.cloud:
            if request.cloud not in names:
                raise not_found("cloud", request.cloud, f"cloud {request.cloud!r} is not configured; "
                                f"configured clouds: {', '.join(names)}")
            names = [request.cloud]
        return clouds_pb2.ListCloudsResponse(clouds=[self._cloud(name) for name in names])

    def _cloud(self, name: str) -> clouds_pb2.Cloud:
        info = self.registry.info(name)
        return clouds_pb2.Cloud(
            name=info.name, regions=info.regions, auth_url=info.auth_url, auth_type=info.auth_type,
            project=location_pb2.Project(id=info.project_id, name=info.project_name,
                                         domain_id=info.project_domain_id,
                                         domain_name=info.project_domain_name))

    async def GetCapabilities(self, request, context):
        identity = calls.identity(context)

        def here(connection, target):
            key = (identity, target)
            cached = None if request.refresh else self.capabilities_cache.get(key)
            if cached is None:
                cached = capabilities.gather(connection)
                cached.location.CopyFrom(origin_of(connection, target).location())
                self.capabilities_cache.put(key, cached)
            return cached

        results, errors = await self.fanout.gather(identity, request.location, here, calls.timeout(context))
        answers = sorted((caps for _, caps in results), key=lambda c: (c.location.cloud, c.location.region))
        return clouds_pb2.GetCapabilitiesResponse(capabilities=answers, errors=errors)
