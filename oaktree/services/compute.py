from __future__ import annotations

from google.protobuf import empty_pb2

from oaktree import calls
from oaktree.core import Core
from oaktree.keypairs import Keypairs
from oaktree.normalize.flavor import flavor
from oaktree.resources import ResourceKind
from oaktree.servers import Servers
from oaktree.v1 import compute_pb2, compute_pb2_grpc

FLAVORS = ResourceKind(
    name="flavor", message=compute_pb2.Flavor,
    list_raw=lambda connection: connection.list_flavors(get_extra=True),
    normalize=flavor, service="compute")


class ComputeService(compute_pb2_grpc.ComputeServiceServicer):
    def __init__(self, core: Core):
        self.resources = core.resources
        self.servers = Servers(core)
        self.keypairs = Keypairs(core)

    async def ListFlavors(self, request, context):
        flavors, errors, token = await self.resources.list(
            FLAVORS, calls.identity(context), request, calls.timeout(context))
        return compute_pb2.ListFlavorsResponse(flavors=flavors, errors=errors, next_page_token=token)

    async def GetFlavor(self, request, context):
        return await self.resources.get(FLAVORS, calls.identity(context), request, calls.timeout(context))

    # -- servers ------------------------------------------------------------------------
    async def ListServers(self, request, context):
        servers, errors, token = await self.servers.list(
            calls.identity(context), request, calls.timeout(context))
        return compute_pb2.ListServersResponse(servers=servers, errors=errors, next_page_token=token)

    async def GetServer(self, request, context):
        return await self.servers.get(calls.identity(context), request, calls.timeout(context))

    async def CreateServer(self, request, context):
        _, server = await self.servers.create(calls.identity(context), request, calls.timeout(context))
        return server

    async def CreateServerAndWait(self, request, context):
        async for server in self.servers.create_and_wait(
                calls.identity(context), request, lambda: calls.timeout(context)):
            yield server

    async def DeleteServer(self, request, context):
        await self.servers.delete(calls.identity(context), request, calls.timeout(context))
        return empty_pb2.Empty()

    async def WatchServer(self, request, context):
        async for server in self.servers.watch(
                calls.identity(context), request, lambda: calls.timeout(context)):
            yield server

    # -- keypairs -----------------------------------------------------------------------
    async def ListKeypairs(self, request, context):
        keypairs, errors, token = await self.keypairs.list(
            calls.identity(context), request, calls.timeout(context))
        return compute_pb2.ListKeypairsResponse(keypairs=keypairs, errors=errors, next_page_token=token)

    async def GetKeypair(self, request, context):
        return await self.keypairs.get(calls.identity(context), request, calls.timeout(context))

    async def CreateKeypair(self, request, context):
        return await self.keypairs.create(calls.identity(context), request, calls.timeout(context))

    async def ImportKeypair(self, request, context):
        return await self.keypairs.import_(calls.identity(context), request, calls.timeout(context))

    async def DeleteKeypair(self, request, context):
        await self.keypairs.delete(calls.identity(context), request, calls.timeout(context))
        return empty_pb2.Empty()
