"""Every API service of oaktree, built once per process.

The gateway wraps these servicers in the interceptor chain and registers the wrapped
objects with the grpc.aio server too, so both protocols run the same code per call.
"""
from __future__ import annotations

import importlib

from google.protobuf.descriptor import ServiceDescriptor

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
    """{full service name: servicer}."""
    return {descriptor_of(cls).full_name: cls(core) for cls in SERVICES}
