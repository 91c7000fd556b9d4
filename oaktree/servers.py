"""Servers: list/get through Resources, create/delete through openstacksdk's cloud layer,
watch and wait through the shared pollers (oaktree.watch).
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator

import grpc
from openstack import exceptions as sdk_exc

from oaktree.connections import Target
from oaktree.core import Core
from oaktree.errors import RpcError, invalid_argument, not_found
from oaktree.identity import Identity
from oaktree.normalize.server import interfaces, server as normalize_server, supplement_addresses
from oaktree.resources import ResourceKind, origin_of
from oaktree.v1 import compute_pb2
from oaktree.watch.follow import STEADY, check_error, follow, is_final

S = compute_pb2.ServerStatus


def _list_servers(connection):
    """The cloud layer's list, Neutron's floating IPs added in one go, then shade's
    address fields for each server."""
    servers = connection.list_servers(bare=True)
    supplement_addresses(connection, servers)
    return [(s, interfaces(connection, s, supplemental=False)) for s in servers]


SERVERS = ResourceKind(
    name="server", message=compute_pb2.Server, list_raw=_list_servers,
    normalize=lambda pair, origin: normalize_server(pair[0], origin, pair[1]), service="compute",
    # A list with a server on its way somewhere is not cached: watchers see the next change.
    transitional=lambda server: server.status not in STEADY | {S.SERVER_STATUS_ERROR})

_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.I)


def sdk_error(exc: sdk_exc.SDKException, code: grpc.StatusCode) -> RpcError | sdk_exc.SDKException:
    """openstacksdk raises bare SDKException for outcomes (fault, no IP, bad argument) that
    carry no HTTP status; give those the code the caller's situation calls for."""
    if isinstance(exc, (sdk_exc.HttpException, sdk_exc.ResourceTimeout, sdk_exc.DuplicateResource)):
        return exc  # mapped by oaktree.errors
    return RpcError(code, str(exc))


def _target_of(server: compute_pb2.Server, location) -> Target:
    project = location.project
    return Target(server.location.cloud, server.location.region, project.id, project.name,
                  project.domain_id, project.domain_name)


def create_kwargs(request: compute_pb2.CreateServerRequest) -> dict:
    if not request.name:
        raise invalid_argument("name", "name is required")
    if not request.flavor:
        raise invalid_argument("flavor", "flavor is required")
    if not (request.image or request.boot_volume):
        raise invalid_argument("image", "image is required unless boot_volume is given")
    if request.boot_from_volume and not request.image:
        raise invalid_argument("image", "boot_from_volume makes a volume from image: give an image")
    kwargs = dict(
        image=request.image or None, flavor=request.flavor,
        network=list(request.networks) or None,
        boot_from_volume=request.boot_from_volume, terminate_volume=request.terminate_volume,
        boot_volume=request.boot_volume or None, volumes=list(request.volumes) or None,
        nat_destination=request.nat_destination or None, group=request.group or None,
    )
    if request.volume_size:
        kwargs["volume_size"] = request.volume_size
    optional = dict(security_groups=list(request.security_groups), key_name=request.key_name,
                    userdata=request.user_data, meta=dict(request.metadata),
                    availability_zone=request.availability_zone, config_drive=request.config_drive)
    kwargs.update({k: v for k, v in optional.items() if v})
    return kwargs


def _delete_neutron_ips(connection, server) -> None:
    """delete_server(delete_ips=True), asking Neutron which floating IPs are on the server's
    ports: the cloud layer reads Nova's address list, which can lag (still listing a
    detached IP, not yet listing a new one), and would then delete the wrong IP or leak one."""
    for port in connection.network.ports(device_id=server["id"]):
        for ip in connection.network.ips(port_id=port.id):
            connection.delete_floating_ip(ip.id, retry=1)  # False: already gone, fine


class Servers:
    def __init__(self, core: Core):
        self.core = core
        self.fanout = core.fanout
        self.resources = core.resources
        self.hub = core.watch

    # -- reads ------------------------------------------------------------------------
    async def list(self, identity, request, timeout):
        return await self.resources.list(SERVERS, identity, request, timeout)

    async def get(self, identity, request, timeout) -> compute_pb2.Server:
        return await self.resources.get(SERVERS, identity, request, timeout)

    # -- create -----------------------------------------------------------------------
    async def create(self, identity: Identity, request, timeout) -> tuple[Target, compute_pb2.Server]:
        kwargs = create_kwargs(request)
        target = self.fanout.single(request.location, identity)

        def run(connection, target):
            try:
                created = connection.create_server(request.name, wait=False, **kwargs)
            except sdk_exc.SDKException as exc:
                raise sdk_error(exc, grpc.StatusCode.INVALID_ARGUMENT) from exc
            return normalize_server(created, origin_of(connection, target),
                                    interfaces(connection, created, supplemental=False))

        return target, await self.resources.write(identity, target, run, timeout, service="compute",
                                                  invalidates=self._changed())

    async def create_and_wait(self, identity: Identity, request, context_timeout) -> AsyncIterator[compute_pb2.Server]:
        target, created = await self.create(identity, request, context_timeout())
        yield created
        until = frozenset({S.SERVER_STATUS_ACTIVE})
        last = created
        if not is_final(created, until):
            subscription = self.hub.subscribe(identity, target, created.id)
            try:
                async for snapshot in follow(subscription, until, created, context_timeout):
                    if snapshot.status != S.SERVER_STATUS_ACTIVE:
                        yield snapshot  # the ACTIVE one is sent below, with its IPs
                    last = snapshot
            finally:
                subscription.close()
        check_error(last, until)
        yield await self._finish(identity, target, request, last.id, context_timeout())

    async def _finish(self, identity, target, request, server_id: str, timeout) -> compute_pb2.Server:
        """openstacksdk's get_active_server on the ACTIVE server: the IPs it asked for (or
        deleting a server that came up without any address)."""
        auto_ip = request.auto_ip if request.HasField("auto_ip") else True
        reuse = request.reuse_ips if request.HasField("reuse_ips") else True

        def run(connection, target):
            current = connection.compute.get_server(server_id)
            try:
                # wait=False: oaktree's stream is the wait. The attach is done in Neutron when
                # this returns; Nova's own address list may lag (on some clouds it never
                # shows the floating IP), so the addresses come from shade's supplemental
                # lookup below, as openstacksdk's get_server computes them.
                connection.get_active_server(
                    current, auto_ip=auto_ip, ips=list(request.ips) or None,
                    ip_pool=request.ip_pool or None, reuse=reuse, wait=False,
                    timeout=timeout or 180, nat_destination=request.nat_destination or None)
            except sdk_exc.SDKException as exc:
                raise sdk_error(exc, grpc.StatusCode.FAILED_PRECONDITION) from exc
            fresh = connection.compute.get_server(server_id)
            return normalize_server(fresh, origin_of(connection, target),
                                    interfaces(connection, fresh, supplemental=True))

        return await self.resources.write(identity, target, run, timeout, service="compute",
                                          invalidates=self._changed())

    def _changed(self):
        from oaktree.floating_ips import FLOATING_IPS  # (imports this module)
        return (SERVERS, FLOATING_IPS)

    # -- delete -----------------------------------------------------------------------
    async def delete(self, identity: Identity, request, timeout) -> None:
        if not request.name_or_id:
            raise invalid_argument("name_or_id", "name_or_id is required")
        targets = self.fanout.targets(request.location, identity)
        if len(targets) == 1:
            target, name_or_id = targets[0], request.name_or_id
        else:
            found = await self.get(identity, compute_pb2.GetServerRequest(
                location=request.location, name_or_id=request.name_or_id), timeout)
            target, name_or_id = _target_of(found, request.location), found.id

        def run(connection, target):
            # The cloud layer's get_server (not the bare find): it adds floating IPs Neutron
            # knows and Nova does not list yet.
            server = connection.get_server(name_or_id)
            if server is None:
                raise not_found("server", name_or_id, f"no server {name_or_id!r} in {target.describe()}")
            try:
                if request.delete_ips and connection._use_neutron_floating():
                    _delete_neutron_ips(connection, server)
                    return connection._delete_server(server, wait=False)
                return connection._delete_server(server, wait=False, delete_ips=request.delete_ips)
            except sdk_exc.SDKException as exc:
                raise sdk_error(exc, grpc.StatusCode.ABORTED) from exc

        if not await self.resources.write(identity, target, run, timeout, service="compute",
                                          invalidates=self._changed()):
            raise not_found("server", name_or_id, f"no server {name_or_id!r} in {target.describe()}")

    # -- watch ------------------------------------------------------------------------
    async def watch(self, identity: Identity, request, context_timeout) -> AsyncIterator[compute_pb2.Server]:
        if not request.name_or_id:
            raise invalid_argument("name_or_id", "name_or_id is required")
        until = frozenset(request.until) or STEADY
        targets = self.fanout.targets(request.location, identity)
        first = None
        if len(targets) == 1 and _UUID.match(request.name_or_id):
            # An id in one region: the shared poller's first list is the first snapshot.
            target, server_id = targets[0], request.name_or_id
        else:
            # Fresh, not from the list cache: the first snapshot is the server as it is now.
            first = await self.resources.get(SERVERS, identity, compute_pb2.GetServerRequest(
                location=request.location, name_or_id=request.name_or_id), context_timeout(), fresh=True)
            target, server_id = _target_of(first, request.location), first.id
            yield first
            if is_final(first, until):
                check_error(first, until)
                return
        subscription = self.hub.subscribe(identity, target, server_id)
        try:
            async for snapshot in follow(subscription, until, first, context_timeout):
                yield snapshot
        finally:
            subscription.close()
