from __future__ import annotations

import asyncio
import threading

from google.api import httpbody_pb2
from google.protobuf import empty_pb2

from gateway.streaming import ClientDisconnected
from oaktree import calls, imagedata
from oaktree.connections import Target
from oaktree.blocking import BlockingPool
from oaktree.core import Core
from oaktree.fanout import Fanout
from oaktree.errors import invalid_argument
from oaktree.normalize.image import image
from oaktree.resources import ResourceKind, origin_of
from oaktree.streams import Inbound, Outbound, StreamAborted
from oaktree.v1 import image_pb2, image_pb2_grpc, location_pb2

TRANSFER_WORKERS = 32

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
        self.fanout = core.fanout
        # Uploads and downloads hold a worker thread for their whole duration: they get
        # their own pool so that a few big transfers cannot starve every other call.
        self.transfers = Fanout(core.registry, core.connections, BlockingPool(TRANSFER_WORKERS))

    async def ListImages(self, request, context):
        images, errors, token = await self.resources.list(
            IMAGES, calls.identity(context), request, calls.timeout(context))
        return image_pb2.ListImagesResponse(images=images, errors=errors, next_page_token=token)

    async def GetImage(self, request, context):
        return await self.resources.get(IMAGES, calls.identity(context), request, calls.timeout(context))

    # ---- create ---------------------------------------------------------------------------
    async def UploadImage(self, request_iterator, context):
        requests = request_iterator.__aiter__()
        try:
            first = await requests.__anext__()
        except StopAsyncIteration:
            raise invalid_argument("spec", "the stream carried no request") from None
        imagedata.check_spec(first.spec)
        target = self._one_target(first.location)
        identity, timeout = calls.identity(context), calls.timeout(context)
        loop = asyncio.get_running_loop()
        inbound, cancelled = Inbound(loop), threading.Event()

        def run(connection, target):
            return (imagedata.upload(connection, first.spec, inbound, cancelled, timeout),
                    origin_of(connection, target))

        # The worker starts at once (it creates the record while the data arrives) and
        # reads the data through the bounded queue; the loop feeds it as chunks arrive.
        work = asyncio.ensure_future(self.transfers.call(identity, target, run, timeout))
        try:
            return await self._feed(first, requests, inbound, cancelled, work)
        finally:
            await self.resources.invalidate(identity, target, IMAGES)

    async def _feed(self, first, requests, inbound, cancelled, work):
        """Pass the client's chunks to the worker; return the created image."""
        try:
            message, received = first, 0
            while True:
                if message.data.data:
                    received += len(message.data.data)
                    await inbound.put(message.data.data, work)
                try:
                    message = await requests.__anext__()
                except StopAsyncIteration:
                    break
                if message.HasField("spec") or message.HasField("location"):
                    raise invalid_argument("spec", "only the first message may carry spec and location")
            if not received:
                raise invalid_argument("data", "the upload carried no data")
            await inbound.finish(work)
            created, origin = await work
        except BaseException as error:
            # Client cancelled, bad data, deadline: the worker's read fails, so the
            # upload request fails and the half-made image is deleted (in the worker).
            cancelled.set()
            inbound.abort(StreamAborted(f"upload aborted ({type(error).__name__})"))
            work.add_done_callback(_retrieve)
            if isinstance(error, ClientDisconnected):
                raise StreamAborted("the client closed the connection during the upload") from None
            raise
        return image(created, origin)

    async def CreateImage(self, request, context):
        imagedata.check_spec(request.spec)
        if not request.source_uri:
            raise invalid_argument("source_uri", "source_uri is required")
        target = self._one_target(request.location)
        timeout, cancelled = calls.timeout(context), threading.Event()

        def run(connection, target):
            return (imagedata.create_from_uri(connection, request.spec, request.source_uri, cancelled, timeout),
                    origin_of(connection, target))

        try:
            created, origin = await self.transfers.call(calls.identity(context), target, run, timeout)
        except BaseException:
            cancelled.set()  # the worker deletes the image at its next poll
            raise
        finally:
            await self.resources.invalidate(calls.identity(context), target, IMAGES)
        return image(created, origin)

    # ---- by name or id --------------------------------------------------------------------
    async def DeleteImage(self, request, context):
        found, target = await self._find(request, context)
        await self.resources.write(calls.identity(context), target,
                                   lambda connection, _: connection.image.delete_image(
                                       found.id, ignore_missing=False),
                                   calls.timeout(context), service="image", invalidates=[IMAGES])
        return empty_pb2.Empty()

    async def DownloadImage(self, request, context):
        found, target = await self._find(request, context)
        out = Outbound(asyncio.get_running_loop())
        work = asyncio.ensure_future(self.transfers.call(
            calls.identity(context), target,
            lambda connection, _: imagedata.download(connection, found, out), calls.timeout(context)))
        try:
            first = True
            while (chunk := await out.get(work)) is not None:
                yield httpbody_pb2.HttpBody(content_type=out.content_type if first else "", data=chunk)
                first = False
            await work
        finally:
            out.close()  # a consumer that left (or failed) frees the worker
            work.add_done_callback(_retrieve)

    # ---- helpers --------------------------------------------------------------------------
    def _one_target(self, location: location_pb2.Location) -> Target:
        targets = self.fanout.targets(location)
        if len(targets) != 1:
            where = ", ".join(t.describe() for t in targets)
            raise invalid_argument("location", f"the location must select one cloud region, not "
                                   f"{len(targets)} ({where}); set location.cloud and location.region")
        return targets[0]

    async def _find(self, request, context):
        """The one image a name_or_id request selects, and the target that reaches it."""
        found = await self.resources.get(IMAGES, calls.identity(context), request, calls.timeout(context))
        project = request.location.project
        target = Target(found.location.cloud, found.location.region, project.id, project.name,
                        project.domain_id, project.domain_name)
        return found, target


def _retrieve(future: asyncio.Future) -> None:
    """Consume the outcome of a worker nobody awaits any more (it cleans up by itself)."""
    if not future.cancelled():
        future.exception()
