"""One interceptor chain for native gRPC and REST calls.

The chain is applied by *wrapping the servicer*: ``intercept_servicer`` returns an
object with the same method names whose every call runs through the interceptors
before reaching the real method. The grpc.aio server registers that wrapped object
(with the generated ``add_*Servicer_to_server`` or ``add_to_grpc_server`` below) and
the REST gateway calls the very same wrapped methods, so auth, logging, metrics and
deadline checks are written once and cannot differ between protocols.

An interceptor is any object with::

    async def intercept(self, call: CallDetails, request, context, proceed):
        ...                       # before the call (may `await context.abort(...)`)
        result = await proceed(request, context)
        ...                       # after it
        return result

For a server-streaming method ``proceed`` returns an async iterator of responses
(wrap it to observe the stream); for a client-streaming method ``request`` is the
request iterator. ``call.protocol`` says which protocol carried the call.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Iterable, Protocol, Sequence

import grpc
from google.protobuf import message_factory
from google.protobuf.descriptor import MethodDescriptor, ServiceDescriptor

__all__ = [
    "CallDetails", "Interceptor", "intercept_servicer", "add_to_grpc_server", "protocol_of",
]

Proceed = Callable[[Any, Any], Awaitable[Any]]


@dataclass(frozen=True)
class CallDetails:
    method: MethodDescriptor
    protocol: str  # "grpc" | "rest"

    @property
    def full_method(self) -> str:
        """The gRPC method path, ``/pkg.Service/Method``."""
        return f"/{self.method.containing_service.full_name}/{self.method.name}"

    @property
    def client_streaming(self) -> bool:
        return self.method.client_streaming

    @property
    def server_streaming(self) -> bool:
        return self.method.server_streaming


class Interceptor(Protocol):
    async def intercept(self, call: CallDetails, request: Any, context: Any, proceed: Proceed) -> Any: ...


def protocol_of(context: Any) -> str:
    return getattr(context, "protocol", "grpc")


class _InterceptedServicer:
    """Same method names as the servicer; each call runs the chain. Built by intercept_servicer."""

    def __init__(self, servicer: Any, service: ServiceDescriptor):
        self.__wrapped__ = servicer
        self.service = service

    def __getattr__(self, name: str) -> Any:  # anything we did not wrap (helpers, attributes)
        return getattr(self.__wrapped__, name)


def intercept_servicer(servicer: Any, service: ServiceDescriptor,
                       interceptors: Sequence[Interceptor] = ()) -> Any:
    """Wrap every RPC method of ``servicer`` (for ``service``) in the interceptor chain."""
    wrapped = _InterceptedServicer(servicer, service)
    for method in service.methods:
        target = getattr(servicer, method.name, None)
        if target is None:
            target = _unimplemented(method)
        setattr(wrapped, method.name, _wrap(method, target, tuple(interceptors)))
    return wrapped


def _unimplemented(method: MethodDescriptor):
    async def missing(request, context):
        await context.abort(grpc.StatusCode.UNIMPLEMENTED, "Method not implemented!")
    return missing


async def _terminal(target, request, context):
    result = target(request, context)
    if inspect.isawaitable(result):
        result = await result
    return result


def _chain(method: MethodDescriptor, target, interceptors: tuple) -> Callable[[Any, Any], Awaitable[Any]]:
    async def call(request, context):
        details = CallDetails(method, protocol_of(context))

        async def run(index: int, req, ctx):
            if index == len(interceptors):
                return await _terminal(target, req, ctx)
            return await interceptors[index].intercept(details, req, ctx, lambda r, c: run(index + 1, r, c))

        return await run(0, request, context)

    return call


def _wrap(method: MethodDescriptor, target, interceptors: tuple):
    chain = _chain(method, target, interceptors)
    if method.server_streaming and not inspect.iscoroutinefunction(target):
        async def stream_method(request, context):
            responses = await chain(request, context)
            async for response in _aiter(responses):
                yield response
        stream_method.__name__ = method.name
        return stream_method
    # Unary responses, and server streams written with `await context.write(...)`: those
    # must stay coroutines (grpc.aio refuses write() from an async generator handler).

    async def unary_method(request, context):
        return await chain(request, context)
    unary_method.__name__ = method.name
    return unary_method


async def _aiter(responses):
    if hasattr(responses, "__aiter__"):
        async for item in responses:
            yield item
    else:  # a plain iterable is tolerated, as grpc.aio does
        for item in responses:
            yield item


def add_to_grpc_server(server: grpc.aio.Server, wrapped_servicer: Any, service: ServiceDescriptor) -> None:
    """Register a (wrapped) servicer with a grpc.aio server from its descriptor alone.

    Equivalent to the generated ``add_<Service>Servicer_to_server``; handy when only
    descriptors are at hand.
    """
    handlers = {}
    for method in service.methods:
        request_class = message_factory.GetMessageClass(method.input_type)
        response_class = message_factory.GetMessageClass(method.output_type)
        factory = {
            (False, False): grpc.unary_unary_rpc_method_handler,
            (False, True): grpc.unary_stream_rpc_method_handler,
            (True, False): grpc.stream_unary_rpc_method_handler,
            (True, True): grpc.stream_stream_rpc_method_handler,
        }[(method.client_streaming, method.server_streaming)]
        handlers[method.name] = factory(
            getattr(wrapped_servicer, method.name),
            request_deserializer=request_class.FromString,
            response_serializer=response_class.SerializeToString,
        )
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(service.full_name, handlers),))


def chain_all(servicers: dict[str, Any], services: Iterable[ServiceDescriptor],
              interceptors: Sequence[Interceptor]) -> dict[str, Any]:
    by_name = {s.full_name: s for s in services}
    return {name: intercept_servicer(servicer, by_name[name], interceptors) for name, servicer in servicers.items()}
