"""The gwtest.v1.Transcoding servicer: echoes what it received so tests can see the mapping."""
from __future__ import annotations

import asyncio
import hashlib

import grpc
from google.api import httpbody_pb2
from google.protobuf import any_pb2, empty_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

from gwtest.v1 import transcoding_pb2 as pb


class TranscodingServicer:
    def __init__(self):
        self.deleted: list[str] = []
        self.stream_cancelled = asyncio.Event()

    async def Echo(self, request, context):
        return request

    async def GetBook(self, request, context):
        if request.name.endswith("/missing"):
            await context.abort(grpc.StatusCode.NOT_FOUND, f"{request.name} not found")
        return pb.Book(name=request.name, title="Title of " + request.name, pages=12)

    async def CreateBook(self, request, context):
        book = pb.Book()
        book.CopyFrom(request.book)
        book.name = f"{request.parent}/books/{request.book_id or 'new'}"
        return book

    async def UpdateBook(self, request, context):
        book = pb.Book()
        book.CopyFrom(request.book)
        book.title = f"{book.title} [{','.join(request.update_mask.paths)}]"
        return book

    async def DeleteBook(self, request, context):
        self.deleted.append(request.name)
        return empty_pb2.Empty()

    async def ArchiveBook(self, request, context):
        return pb.Book(name=request.name, title=f"archived: {request.reason}")

    async def ListBooks(self, request, context):
        size = request.page_size or 2
        return pb.ListBooksResponse(
            books=[pb.Book(name=f"{request.parent}/books/{i}", pages=i) for i in range(size)],
            next_page_token="next")

    async def SearchBooks(self, request, context):
        return pb.ListBooksResponse(books=[pb.Book(title=request.query)])

    async def StreamBooks(self, request, context):
        for i in range(request.count):
            if request.fail_code and i == request.fail_after:
                await context.abort(grpc.StatusCode(_code(request.fail_code)), f"failed at {i}")
            if request.interval.ToTimedelta().total_seconds():
                try:
                    await asyncio.sleep(request.interval.ToTimedelta().total_seconds())
                except asyncio.CancelledError:
                    self.stream_cancelled.set()
                    raise
            yield pb.Book(name=f"{request.parent}/books/{i}", pages=i)
        if request.fail_code and request.fail_after >= request.count:
            await context.abort(grpc.StatusCode(_code(request.fail_code)), "failed at end")

    async def CollectBooks(self, request_iterator, context):
        titles, pages = [], 0
        async for book in request_iterator:
            titles.append(book.title)
            pages += book.pages
        return pb.CollectBooksResponse(titles=titles, total_pages=pages)

    async def Upload(self, request_iterator, context):
        name, size, chunks, ctype = "", 0, 0, ""
        digest = hashlib.sha256()
        async for item in request_iterator:
            if chunks == 0:
                name, ctype = item.name, item.chunk.content_type
            chunks += 1
            size += len(item.chunk.data)
            digest.update(item.chunk.data)
        return pb.UploadResponse(name=name, size=size, chunks=chunks, content_type=ctype,
                                 sha256=digest.hexdigest())

    async def Download(self, request, context):
        for i in range(request.chunks):
            yield httpbody_pb2.HttpBody(content_type="text/plain", data=f"part {i};".encode())

    async def GetFile(self, request, context):
        return httpbody_pb2.HttpBody(content_type="text/csv", data=f"path,{request.path}\n".encode())

    async def Fail(self, request, context):
        code = grpc.StatusCode(_code(request.code))
        if request.crash:
            raise RuntimeError("boom")
        if request.with_details:
            detail = any_pb2.Any()
            detail.Pack(error_details_pb2.ErrorInfo(reason="TEST", domain="gwtest", metadata={"k": "v"}))
            status = status_pb2.Status(code=code.value[0], message=request.message, details=[detail])
            await context.abort_with_status(rpc_status.to_status(status))
        if request.via_set_code:
            context.set_code(code)
            context.set_details(request.message)
            return empty_pb2.Empty()
        await context.abort(code, request.message)

    async def Metadata(self, request, context):
        await context.send_initial_metadata((("x-initial", "hello"), ("x-bin-bin", b"\x00\x01")))
        context.set_trailing_metadata((("x-trailer", "bye"),))
        metadata = {}
        for key, value in context.invocation_metadata():
            metadata[key] = value if isinstance(value, str) else "bin:" + value.hex()
        remaining = context.time_remaining()
        return pb.MetadataReply(metadata=metadata, time_remaining=-1 if remaining is None else remaining,
                                peer=context.peer())

    async def Chat(self, request_iterator, context):
        async for book in request_iterator:
            yield pb.Book(name=book.name, title=book.title.upper(), pages=book.pages)

    async def ImportBooks(self, request, context):
        return empty_pb2.Empty()

    async def Unbound(self, request, context):
        return empty_pb2.Empty()


def _code(number: int):
    return next(c for c in grpc.StatusCode if c.value[0] == number).value
