"""One openstacksdk Connection per (identity, cloud, region, project), created lazily.

Connections hold a keystoneauth session (token, catalog, TCP pool), so reusing them is
what makes a second call cheap. Creating one does no I/O (authentication happens on
first use, in the blocking pool); a rare duplicate from a race is simply dropped.
"""
from __future__ import annotations

import dataclasses
import threading

import openstack.connection

from oaktree.clouds import CloudRegistry
from oaktree.identity import Identity


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
    def __init__(self, registry: CloudRegistry):
        self._registry = registry
        self._connections: dict[tuple[Identity, Target], openstack.connection.Connection] = {}
        self._lock = threading.Lock()

    def get(self, identity: Identity, target: Target) -> openstack.connection.Connection:
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

    def close(self) -> None:
        with self._lock:
            for connection in self._connections.values():
                connection.close()
            self._connections.clear()
