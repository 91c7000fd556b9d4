from __future__ import annotations

from oaktree import calls
from oaktree.core import Core
from oaktree.normalize.image import image
from oaktree.resources import ResourceKind
from oaktree.v1 import image_pb2, image_pb2_grpc

# Images on their way to active (or out): a list holding one is not cached.
_TRANSITIONAL = frozenset({
    image_pb2.IMAGE_STATUS_QUEUED, image_pb2.IMAGE_STATUS_SAVING, image_pb2.IMAGE_STATUS_UPLOADING,
    image_pb2.IMAGE_STATUS_IMPORTING, image_pb2.IMAGE_STATUS_PENDING_DELETE,
})

IMAGES = ResourceKind(
    name="image", message=image_pb2.Image,
    list_raw=lambda connection: connection.list_images(),
    normalize=image, service="image",
    transitional=lambda item: item.status in _TRANSITIONAL)


class ImageService(image_pb2_grpc.ImageServiceServicer):
    def __init__(self, core: Core):
        self.resources = core.resources

    async def ListImages(self, request, context):
        images, errors, token = await self.resources.list(
            IMAGES, calls.identity(context), request, calls.timeout(context))
        return image_pb2.ListImagesResponse(images=images, errors=errors, next_page_token=token)

    async def GetImage(self, request, context):
        return await self.resources.get(IMAGES, calls.identity(context), request, calls.timeout(context))
