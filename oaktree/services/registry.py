"""Every API service, built once and registered with both protocols.

The servicer objects built here are the ones the grpc.aio server and the REST gateway
both call, wrapped in the one interceptor chain (oaktree.interceptors).
"""
from __future__ import annotations

import importlib

import grpc

from gateway.interceptors import add_to_grpc_server, intercept_servicer
from google.protobuf.descriptor import ServiceDescriptor

from oaktree import interceptors
from oaktree.core import Core
from oaktree.services.clouds import CloudsService
from oaktree.services.compute import ComputeService
from oaktree.services.image import ImageService
from oaktree.services.network import NetworkService

SERVICES = (CloudsService, ComputeService, ImageService, NetworkService)


def descriptor_of(cls) -> ServiceDescriptor:
    """The service a servicer class implements, from its generated base class."""
    base = next(b for b in cls.__mro__[1:] if b.__name__.endswith("Servicer"))
    pb2 = importlib.import_module(base.__module__.removesuffix("_grpc"))
    return pb2.DESCRIPTOR.services_by_name[base.__name__.removesuffix("Servicer")]


def build(core: Core) -> dict[str, object]:
    """{full service name: servicer wrapped in the interceptor chain}."""
    chain = interceptors.default_chain()
    return {descriptor_of(cls).full_name: intercept_servicer(cls(core), descriptor_of(cls), chain)
            for cls in SERVICES}


def add_to_grpc(servicers: dict[str, object], server: grpc.aio.Server) -> None:
    for cls in SERVICES:
        add_to_grpc_server(server, servicers[descriptor_of(cls).full_name], descriptor_of(cls))
