from __future__ import annotations

from oaktree import calls
from oaktree.core import Core
from oaktree.normalize.floating_ip import floating_ip
from oaktree.resources import ResourceKind
from oaktree.v1 import network_pb2, network_pb2_grpc

FLOATING_IPS = ResourceKind(
    name="floating IP", message=network_pb2.FloatingIp,
    list_raw=lambda connection: connection.list_floating_ips(),
    normalize=floating_ip,
    match_keys=("id", "floating_ip_address"), label_key="floating_ip_address", service="network")


class NetworkService(network_pb2_grpc.NetworkServiceServicer):
    def __init__(self, core: Core):
        self.resources = core.resources

    async def ListFloatingIps(self, request, context):
        ips, errors, token = await self.resources.list(
            FLOATING_IPS, calls.identity(context), request, calls.timeout(context))
        return network_pb2.ListFloatingIpsResponse(floating_ips=ips, errors=errors, next_page_token=token)

    async def GetFloatingIp(self, request, context):
        return await self.resources.get(
            FLOATING_IPS, calls.identity(context), request, calls.timeout(context))
