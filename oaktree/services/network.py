from __future__ import annotations

from google.protobuf import empty_pb2

from oaktree import calls
from oaktree.core import Core
from oaktree.floating_ips import FLOATING_IPS, FloatingIps
from oaktree.v1 import network_pb2, network_pb2_grpc


class NetworkService(network_pb2_grpc.NetworkServiceServicer):
    def __init__(self, core: Core):
        self.resources = core.resources
        self.floating_ips = FloatingIps(core)

    async def ListFloatingIps(self, request, context):
        ips, errors, token = await self.resources.list(
            FLOATING_IPS, calls.identity(context), request, calls.timeout(context))
        return network_pb2.ListFloatingIpsResponse(floating_ips=ips, errors=errors, next_page_token=token)

    async def GetFloatingIp(self, request, context):
        return await self.resources.get(
            FLOATING_IPS, calls.identity(context), request, calls.timeout(context))

    async def CreateFloatingIp(self, request, context):
        return await self.floating_ips.create(calls.identity(context), request, calls.timeout(context))

    async def AttachFloatingIp(self, request, context):
        return await self.floating_ips.attach(calls.identity(context), request, calls.timeout(context))

    async def DetachFloatingIp(self, request, context):
        return await self.floating_ips.detach(calls.identity(context), request, calls.timeout(context))

    async def DeleteFloatingIp(self, request, context):
        await self.floating_ips.delete(calls.identity(context), request, calls.timeout(context))
        return empty_pb2.Empty()

    async def DeleteUnattachedFloatingIps(self, request, context):
        return await self.floating_ips.delete_unattached(
            calls.identity(context), request, calls.timeout(context))
