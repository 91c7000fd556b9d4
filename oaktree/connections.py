"""One openstacksdk Connection per (identity, cloud, region, project), created lazily.

Connections hold a keystoneauth session (token, catalog, TCP pool), so reusing them is
what makes a second call cheap. Creating one does no I/O (authentication happens on
first use, in the blocking pool); a rare duplicate from a race is simply dropped.

Personal mode: the server's own clouds.yaml credentials, re-scoped per project on request.
Shared mode: the caller's validated Keystone token (Identity.credential); those
connections are bounded (least recently used first out, `max_token_connections`) and
closed when evicted, when their token expires or when it is found revoked. A pool made
for shared mode refuses to act with the server's own credentials at all.
"""
from __future__ import annotations

import collections
import copy
import dataclasses
import threading
import time

import grpc
import openstack.connection
from openstack.config.cloud_region import CloudRegion

from oaktree.clouds import CloudRegistry
from oaktree.errors import RpcError
from oaktree.identity import Identity
from oaktree.v1 import location_pb2


@dataclasses.dataclass(frozen=True)
class Target:
    """One place to send a call: a configured cloud region, optionally re-scoped to a project."""

    cloud: str
    region: str
    project_id: str = ""
    project_name: str = ""
    project_domain_id: str = ""
    project_domain_name: str = ""

    def describe(self) -> str:
        where = f"{self.cloud}/{self.region}" if self.region else self.cloud
        project = self.project_id or self.project_name
        return f"{where} (project {project})" if project else where


class ConnectionPool:
    def __init__(self, registry: CloudRegistry, *, shared: bool = False,
                 max_token_connections: int = 256):
        self._registry = registry
        self._shared = shared
        self._max_token_connections = max_token_connections
        self._connections: dict[tuple[Identity, Target], openstack.connection.Connection] = {}
        # Token identities' connections, least recently used first.
        self._token_connections: collections.OrderedDict[
            tuple[Identity, Target], openstack.connection.Connection] = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, identity: Identity, target: Target) -> openstack.connection.Connection:
        if identity.credential is not None:
            return self._get_token_connection(identity, target)
        if self._shared:
            raise RpcError(grpc.StatusCode.UNAUTHENTICATED, "shared mode: a call must carry a token")
        key = (identity, target)
        with self._lock:
            connection = self._connections.get(key)
        if connection is None:
            connection = self._connect(identity, target)
            with self._lock:
                connection = self._connections.setdefault(key, connection)
        return connection

    def _connect(self, identity: Identity, target: Target) -> openstack.connection.Connection:
        if not (target.project_id or target.project_name):
            return openstack.connection.Connection(
                config=self._registry.region(target.cloud, target.region))
        # Same cloud region and credentials, scoped to another project (sdk's connect_as).
        base = self.get(identity, Target(target.cloud, target.region))
        scope = {key: getattr(target, key) for key in
                 ("project_id", "project_name", "project_domain_id", "project_domain_name")
                 if getattr(target, key)}
        return base.connect_as(**scope)

    # ---- shared mode -------------------------------------------------------------------------
    def _get_token_connection(self, identity: Identity, target: Target) -> openstack.connection.Connection:
        # Fanout.targets checks these already; checked again here so that no code path can
        # act in a cloud or project the token does not reach.
        token = identity.credential
        token.clouds([target.cloud], explicit=True)
        token.check_project(location_pb2.Project(
            id=target.project_id, name=target.project_name,
            domain_id=target.project_domain_id, domain_name=target.project_domain_name))
        # The token is scoped to one project: one connection per cloud region.
        key = (identity, Target(target.cloud, target.region))
        evicted = []
        with self._lock:
            connection = self._token_connections.get(key)
            if connection is not None:
                self._token_connections.move_to_end(key)
        if connection is None:
            connection = _token_connection(self._registry, identity.credential, key[1])
            with self._lock:
                connection = self._token_connections.setdefault(key, connection)
                evicted = self._evict_locked()
        for stale in evicted:
            stale.close()
        return connection

    def _evict_locked(self) -> list[openstack.connection.Connection]:
        now = time.time()
        evicted = [key for key, _ in self._token_connections.items() if key[0].credential.expired(now)]
        overflow = len(self._token_connections) - len(evicted) - self._max_token_connections
        for key in self._token_connections:
            if overflow <= 0:
                break
            if key not in evicted:
                evicted.append(key)
                overflow -= 1
        return [self._token_connections.pop(key) for key in evicted]

    def drop(self, identity: Identity) -> None:
        """Close every connection of `identity` (its token was revoked or forgotten)."""
        with self._lock:
            keys = [key for key in self._token_connections if key[0] == identity]
            dropped = [self._token_connections.pop(key) for key in keys]
        for connection in dropped:
            connection.close()

    def token_connection_count(self) -> int:
        with self._lock:
            return len(self._token_connections)

    def close(self) -> None:
        with self._lock:
            connections = [*self._connections.values(), *self._token_connections.values()]
            self._connections.clear()
            self._token_connections.clear()
        for connection in connections:
            connection.close()


def _token_connection(registry: CloudRegistry, token, target: Target) -> openstack.connection.Connection:
    """The cloud region's settings (endpoints, interface, TLS) with the caller's token as auth."""
    base = registry.region(target.cloud, target.region)
    config = copy.deepcopy(base.config)
    # What the sdk reads back (current_project's names); the token lives in the auth plugin only.
    config["auth_type"] = "token"
    config["auth"] = {"auth_url": token.auth_url,
                      **{f"project_{key}": value for key, value in token.project.items()}}
    for key in ("project_name", "project_domain_id", "project_domain_name", "username", "password"):
        config.pop(key, None)
    region = CloudRegion(name=base.name, region_name=target.region or None, config=config,
                         auth_plugin=token.auth_plugin(), app_name="oaktree")
    return openstack.connection.Connection(config=region)
