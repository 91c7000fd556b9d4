from __future__ import annotations

from oaktree import calls
from oaktree.core import Core
from oaktree.normalize.flavor import flavor
from oaktree.resources import ResourceKind
from oaktree.v1 import compute_pb2, compute_pb2_grpc

FLAVORS = ResourceKind(
    name="flavor", message=compute_pb2.Flavor,
    list_raw=lambda connection: connection.list_flavors(get_extra=True),
    normalize=flavor, service="compute")


class ComputeService(compute_pb2_grpc.ComputeServiceServicer):
    def __init__(self, core: Core):
        self.resources = core.resources

    async def ListFlavors(self, request, context):
        flavors, errors, token = await self.resources.list(
            FLAVORS, calls.identity(context), request, calls.timeout(context))
        return compute_pb2.ListFlavorsResponse(flavors=flavors, errors=errors, next_page_token=token)

    async def GetFlavor(self, request, context):
        return await self.resources.get(FLAVORS, calls.identity(context), request, calls.timeout(context))
