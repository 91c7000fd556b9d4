"""Keypairs through openstacksdk's cloud layer. A keypair belongs to the user, per region;
its id is its name (shade's rule)."""
from __future__ import annotations

import grpc
from openstack import exceptions as sdk_exc

from oaktree.core import Core
from oaktree.errors import RpcError, invalid_argument, not_found
from oaktree.normalize.keypair import keypair as normalize_keypair
from oaktree.resources import ResourceKind, origin_of
from oaktree.v1 import compute_pb2

KEYPAIRS = ResourceKind(
    name="keypair", message=compute_pb2.Keypair,
    list_raw=lambda connection: connection.list_keypairs(),
    normalize=normalize_keypair, service="compute")


class Keypairs:
    def __init__(self, core: Core):
        self.fanout = core.fanout
        self.resources = core.resources

    async def list(self, identity, request, timeout):
        return await self.resources.list(KEYPAIRS, identity, request, timeout)

    async def get(self, identity, request, timeout):
        return await self.resources.get(KEYPAIRS, identity, request, timeout)

    async def create(self, identity, request, timeout, public_key: str = "") -> compute_pb2.Keypair:
        if not request.name:
            raise invalid_argument("name", "name is required")
        target = self.fanout.single(request.location, identity)

        def run(connection, target):
            try:
                # Without a public key Nova generates the pair and returns the private key
                # in this answer only.
                created = connection.create_keypair(request.name, public_key=public_key or None)
            except sdk_exc.ConflictException as exc:
                raise RpcError(grpc.StatusCode.ALREADY_EXISTS,
                               f"keypair {request.name!r} already exists in {target.describe()}") from exc
            return normalize_keypair(created, origin_of(connection, target))

        return await self.resources.write(identity, target, run, timeout, service="compute",
                                          invalidates=[KEYPAIRS])

    async def import_(self, identity, request, timeout) -> compute_pb2.Keypair:
        if not request.public_key.strip():
            raise invalid_argument("public_key", "public_key is required (OpenSSH format)")
        return await self.create(identity, request, timeout, public_key=request.public_key.strip())

    async def delete(self, identity, request, timeout) -> None:
        name = request.name_or_id
        if not name:
            raise invalid_argument("name_or_id", "name_or_id is required")
        target = self.fanout.single(request.location, identity)
        deleted = await self.resources.write(
            identity, target, lambda connection, _: connection.delete_keypair(name), timeout,
            service="compute", invalidates=[KEYPAIRS])
        if not deleted:
            raise not_found("keypair", name, f"no keypair {name!r} in {target.describe()}")
