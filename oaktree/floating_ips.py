"""Floating IPs: create / attach / detach / delete and nodepool's leak cleanup, through
openstacksdk's cloud layer (which knows Neutron and nova-network and picks the port)."""
from __future__ import annotations

import grpc
from openstack import exceptions as sdk_exc

from oaktree.connections import Target
from oaktree.core import Core
from oaktree.errors import from_exception, invalid_argument, not_found
from oaktree.fanout import location_of
from oaktree.normalize.floating_ip import floating_ip as normalize_fip
from oaktree.resources import ResourceKind, origin_of
from oaktree.servers import SERVERS, sdk_error
from oaktree.v1 import location_pb2, network_pb2

FLOATING_IPS = ResourceKind(
    name="floating IP", message=network_pb2.FloatingIp,
    list_raw=lambda connection: connection.list_floating_ips(),
    normalize=normalize_fip,
    match_keys=("id", "floating_ip_address"), label_key="floating_ip_address", service="network")


def _find(connection, name_or_id: str, target: Target):
    """By id or address, in this region (the cloud layer's list, so nova-network works too)."""
    for ip in connection.list_floating_ips():
        if name_or_id in (ip["id"], ip["floating_ip_address"]):
            return ip
    raise not_found("floating IP", name_or_id, f"no floating IP {name_or_id!r} in {target.describe()}")


def _server(connection, name_or_id: str, target: Target):
    server = connection.get_server(name_or_id)  # cloud layer: addresses include Neutron's FIPs
    if server is None:
        raise not_found("server", name_or_id, f"no server {name_or_id!r} in {target.describe()}")
    return server


def _retry(request) -> int:
    return request.retry if request.HasField("retry") else 1


class FloatingIps:
    def __init__(self, core: Core):
        self.fanout = core.fanout
        self.resources = core.resources

    async def create(self, identity, request, timeout) -> network_pb2.FloatingIp:
        if request.port and (request.server or request.fixed_address or request.nat_destination):
            raise invalid_argument("port", "give either port, or server (with fixed_address / "
                                           "nat_destination), not both")
        target = self.fanout.single(request.location, identity)

        def run(connection, target):
            server = _server(connection, request.server, target) if request.server else None
            try:
                ip = connection.create_floating_ip(
                    network=request.network or None, server=server,
                    fixed_address=request.fixed_address or None,
                    nat_destination=request.nat_destination or None, port=request.port or None,
                    wait=request.wait, timeout=timeout or 60)
            except sdk_exc.SDKException as exc:
                raise sdk_error(exc, grpc.StatusCode.FAILED_PRECONDITION) from exc
            return normalize_fip(connection.network.get_ip(ip["id"]), origin_of(connection, target))

        return await self.resources.write(identity, target, run, timeout, service="network",
                                          invalidates=(FLOATING_IPS, SERVERS))

    async def attach(self, identity, request, timeout) -> network_pb2.FloatingIp:
        if not request.server:
            raise invalid_argument("server", "server is required")
        target = self.fanout.single(request.location, identity)

        def run(connection, target):
            ip = _find(connection, request.name_or_id, target)
            server = _server(connection, request.server, target)
            try:
                if connection._use_neutron_floating():
                    # Neutron is the truth about attachments. The cloud layer's own attach
                    # first asks Nova's address list, which lags behind (a just-detached IP
                    # can still be listed there, and the attach is then skipped).
                    ports = {port.id for port in connection.network.ports(device_id=server["id"])}
                    if ip["port_id"] not in ports:
                        connection._neutron_attach_ip_to_server(
                            server=server, floating_ip=ip, fixed_address=request.fixed_address or None,
                            nat_destination=request.nat_destination or None)
                    if request.wait:  # until Nova shows it, as the cloud layer waits
                        connection._attach_ip_to_server(server=server, floating_ip=ip, wait=True,
                                                        timeout=timeout or 60, skip_attach=True)
                else:
                    connection._attach_ip_to_server(
                        server=server, floating_ip=ip, fixed_address=request.fixed_address or None,
                        wait=request.wait, timeout=timeout or 60,
                        nat_destination=request.nat_destination or None)
            except sdk_exc.SDKException as exc:
                raise sdk_error(exc, grpc.StatusCode.FAILED_PRECONDITION) from exc
            return normalize_fip(connection.network.get_ip(ip["id"]), origin_of(connection, target))

        return await self.resources.write(identity, target, run, timeout, service="network",
                                          invalidates=(FLOATING_IPS, SERVERS))

    async def detach(self, identity, request, timeout) -> network_pb2.FloatingIp:
        target = self.fanout.single(request.location, identity)

        def run(connection, target):
            ip = _find(connection, request.name_or_id, target)
            if ip["port_id"]:
                # The server it is attached to: the port's device (nova-network needs it).
                port = connection.network.get_port(ip["port_id"])
                try:
                    connection.detach_ip_from_server(server_id=port.device_id, floating_ip_id=ip["id"])
                except sdk_exc.SDKException as exc:
                    raise sdk_error(exc, grpc.StatusCode.ABORTED) from exc
            return normalize_fip(connection.network.get_ip(ip["id"]), origin_of(connection, target))

        return await self.resources.write(identity, target, run, timeout, service="network",
                                          invalidates=(FLOATING_IPS, SERVERS))

    async def delete(self, identity, request, timeout) -> None:
        if not request.name_or_id:
            raise invalid_argument("name_or_id", "name_or_id is required")
        targets = self.fanout.targets(request.location, identity)
        if len(targets) == 1:
            target = targets[0]
        else:
            found = await self.resources.get(FLOATING_IPS, identity, network_pb2.GetFloatingIpRequest(
                location=request.location, name_or_id=request.name_or_id), timeout)
            project = request.location.project
            target = Target(found.location.cloud, found.location.region, project.id, project.name,
                            project.domain_id, project.domain_name)

        def run(connection, target):
            ip = _find(connection, request.name_or_id, target)
            try:
                return connection.delete_floating_ip(ip["id"], retry=_retry(request))
            except sdk_exc.SDKException as exc:
                raise sdk_error(exc, grpc.StatusCode.ABORTED) from exc

        if not await self.resources.write(identity, target, run, timeout, service="network",
                                          invalidates=(FLOATING_IPS, SERVERS)):
            raise not_found("floating IP", request.name_or_id, f"no floating IP {request.name_or_id!r}")

    async def delete_unattached(self, identity, request, timeout) -> network_pb2.DeleteUnattachedFloatingIpsResponse:
        def run(connection, target):
            """The cloud layer's delete_unattached_floating_ips, one IP at a time so the
            answer can say what was deleted (and a dry run can list it first)."""
            candidates = [ip for ip in connection.list_floating_ips() if not ip["port_id"]]
            origin = origin_of(connection, target)
            if request.dry_run or not connection._use_neutron_floating():
                # openstacksdk cleans up Neutron floating IPs only; nova-network ones stay.
                return [normalize_fip(ip, origin) for ip in candidates] if request.dry_run else [], None
            deleted = []
            for ip in candidates:
                try:
                    if connection.delete_floating_ip(ip["id"], retry=_retry(request)):
                        deleted.append(normalize_fip(ip, origin))
                except Exception as exc:  # noqa: BLE001 - reported with what was done so far
                    return deleted, from_exception(exc, target.describe())
            return deleted, None

        targets = self.fanout.targets(request.location, identity)
        results, errors = await self.fanout.each(targets, lambda target: self.resources.write(
            identity, target, run, timeout, service="network", invalidates=(FLOATING_IPS, SERVERS)))
        response = network_pb2.DeleteUnattachedFloatingIpsResponse(errors=errors, dry_run=request.dry_run)
        for target, (deleted, error) in results:
            response.floating_ips.extend(deleted)
            if error is not None:
                response.errors.append(location_pb2.LocationError(
                    location=location_of(target), status=error.to_status()))
        return response
