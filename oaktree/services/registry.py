"""Every API service, built once and registered with both protocols.

The servicer objects built here are the ones the grpc.aio server and the REST gateway
both call, wrapped in the one interceptor chain (oaktree.interceptors).
"""
from __future__ import annotations

import importlib

import grpc

from oaktree import interceptors
from oaktree.core import Core
from oaktree.services.clouds import CloudsService
from oaktree.services.compute import ComputeService
from oaktree.services.image import ImageService
from oaktree.services.network import NetworkService

SERVICES = (CloudsService, ComputeService, ImageService, NetworkService)


def _generated(cls) -> tuple[str, object]:
    """(full service name, generated *_pb2_grpc module) for a servicer class."""
    base = next(b for b in cls.__mro__[1:] if b.__name__.endswith("Servicer"))
    grpc_module = importlib.import_module(base.__module__)
    pb2 = importlib.import_module(base.__module__.removesuffix("_grpc"))
    name = base.__name__.removesuffix("Servicer")
    return pb2.DESCRIPTOR.services_by_name[name].full_name, grpc_module


def build(core: Core) -> dict[str, object]:
    """{full service name: servicer wrapped in the interceptor chain}."""
    chain = interceptors.default_chain()
    return {_generated(cls)[0]: interceptors.wrap(cls(core), chain) for cls in SERVICES}


def add_to_grpc(servicers: dict[str, object], server: grpc.aio.Server) -> None:
    for cls in SERVICES:
        name, grpc_module = _generated(cls)
        add = getattr(grpc_module, f"add_{name.rsplit('.', 1)[1]}Servicer_to_server")
        add(servicers[name], server)
