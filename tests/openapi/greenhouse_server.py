"""A small gwtest Greenhouse served through the real gateway, with its OpenAPI documents
and docs page: what the SDK and browser tests talk to.

    python tests/openapi/greenhouse_server.py --port 8080     # try it by hand
"""
from __future__ import annotations

import argparse
import asyncio
import socket
import threading

import grpc
from google.api import httpbody_pb2
from google.protobuf import empty_pb2, timestamp_pb2
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Mount, Route

from tests.openapi import fixture
from gwtest.v1 import openapi_pb2 as pb  # noqa: E402  (fixture put tests/gen on sys.path)

from gateway import Gateway, JsonOptions
from gateway.openapi import docs_routes, dumps, openapi31, swagger2

PHOTO = b"\x89PNG\r\n\x1a\nfake"


class Greenhouse:
    def __init__(self):
        self.plants: dict[str, pb.Plant] = {}
        for bed, plant, display, species, height in (("b1", "p1", "Tomato one", pb.TOMATO, 1200),
                                                     ("b1", "p2", "Basil", pb.BASIL, 300),
                                                     ("b2", "p3", "Tomato two", pb.TOMATO, 900)):
            name = f"beds/{bed}/plants/{plant}"
            self.plants[name] = pb.Plant(
                name=name, display_name=display, species=species, height_mm=height,
                create_time=timestamp_pb2.Timestamp(seconds=1_700_000_000), bed_slot="A1",
                labels={"sun": "full"}, tags=["veg"])

    async def _get(self, name: str, context) -> pb.Plant:
        plant = self.plants.get(name)
        if plant is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"plant {name!r} not found")
        return plant

    async def GetPlant(self, request, context):
        return await self._get(request.name, context)

    async def ListPlants(self, request, context):
        prefix = request.parent + "/" if request.parent else ""
        plants = [p for n, p in sorted(self.plants.items()) if n.startswith(prefix)
                  and (not request.species or p.species in request.species)]
        if request.page_size:
            plants = plants[:request.page_size]
        return pb.ListPlantsResponse(plants=plants, total_size=len(plants))

    async def CreatePlant(self, request, context):
        if not request.plant.display_name:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "plant.display_name is required")
        plant = pb.Plant()
        plant.CopyFrom(request.plant)
        plant.name = f"{request.parent}/plants/{request.plant_id or f'p{len(self.plants) + 1}'}"
        plant.create_time.FromSeconds(1_700_000_000)
        self.plants[plant.name] = plant
        return plant

    async def UpdatePlant(self, request, context):
        plant = await self._get(request.plant.name, context)
        plant.MergeFrom(request.plant)
        return plant

    async def DeletePlant(self, request, context):
        await self._get(request.name, context)
        del self.plants[request.name]
        return empty_pb2.Empty()

    async def WatchPlants(self, request, context):
        for name, plant in sorted(self.plants.items()):
            if name.startswith(request.parent + "/"):
                yield pb.PlantEvent(kind=pb.PlantEvent.ADDED, plant=plant)

    async def PlantMany(self, request_iterator, context):
        created = []
        async for plant in request_iterator:
            self.plants[plant.name] = plant
            created.append(plant)
        return pb.ListPlantsResponse(plants=created, total_size=len(created))

    async def GetPhoto(self, request, context):
        await self._get(request.name, context)
        return httpbody_pb2.HttpBody(content_type="image/png", data=PHOTO)

    async def UploadPhoto(self, request, context):
        plant = await self._get(request.name, context)
        plant.photo_thumbnail = request.photo.data[:16]
        return plant

    async def SearchPlants(self, request, context):
        plants = [p for _, p in sorted(self.plants.items()) if request.query.lower() in p.display_name.lower()]
        return pb.ListPlantsResponse(plants=plants[:request.limit or None], total_size=len(plants))

    async def GetBed(self, request, context):
        return pb.Bed(bed_id=request.bed_id, label=pb.BedLabel(text=f"Bed {request.bed_id}"))

    async def GetBedLabel(self, request, context):
        return pb.Bed(bed_id=request.bed_id, label=pb.BedLabel(text=f"Bed {request.bed_id}"))

    async def RenameBed(self, request, context):
        return pb.Bed(bed_id=request.bed_id, label=pb.BedLabel(text=request.new_name))

    async def GetFile(self, request, context):
        return pb.File(path=request.path, size=len(request.path))


class SeedVault:
    async def CountSeeds(self, request, context):
        return pb.CountSeedsResponse(count=12_000_000_000 if request.species == pb.TOMATO else 7)


def build_app(json_options: JsonOptions = JsonOptions()) -> Starlette:
    gateway = Gateway(servicers={"gwtest.v1.Greenhouse": Greenhouse(), "gwtest.v1.SeedVault": SeedVault()},
                      json_options=json_options)
    source = fixture.descriptor_set()
    v31 = dumps(openapi31(gateway.routes, json_options, source=source))
    v2 = dumps(swagger2(gateway.routes, json_options, source=source))

    def serve(content: bytes):
        async def endpoint(request):
            return Response(content, media_type="application/json")
        return endpoint

    return Starlette(routes=[
        Route("/openapi.json", serve(v31)),
        Route("/swagger.json", serve(v2)),
        *docs_routes("/openapi.json", "/docs", title="Greenhouse API"),
        Mount("/", app=gateway.app),
    ])


class BackgroundServer:
    """uvicorn on 127.0.0.1:<free port> in a thread; `with BackgroundServer(app) as url:`."""

    def __init__(self, app):
        import uvicorn

        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        asyncio.run(self.server.serve(sockets=[self.socket]))

    def __enter__(self) -> str:
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            self.thread.join(0.05)
        return self.url

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)
        self.socket.close()


if __name__ == "__main__":
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    uvicorn.run(build_app(), host="127.0.0.1", port=args.port)
