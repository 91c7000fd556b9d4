"""Cache keys: everything that can change a backend list's answer, and nothing else.

A key holds the caller's identity, the credentials' principal (so two replicas whose
clouds.yaml name different users for the same cloud never share), the cloud, region and
project scope, the resource kind and the normalised backend query. openstacksdk keys by URL
alone and shade by cloud name alone; either would serve one user's list to another.

Keys are hashed before they reach a backend: no identity or project name is stored in
clear in a shared cache.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping

from oaktree.connections import Target
from oaktree.identity import Identity


# Bump when normalisation or the entry format changes incompatibly: replicas of two
# versions sharing one Redis (a rolling upgrade) then keep separate entries.
KEY_VERSION = 1


def _digest(parts: list) -> str:
    text = json.dumps([KEY_VERSION, *parts], separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def normalise_query(query: Mapping[str, object] | None) -> str:
    """One spelling per query: sorted keys, no whitespace (dict order must not split entries)."""
    return json.dumps(dict(query or {}), sort_keys=True, separators=(",", ":"), default=str)


@dataclasses.dataclass(frozen=True)
class Scope:
    """What an invalidation drops: every list of one kind in one cloud region.

    Wider than a key on purpose: a write by one identity changes what others list (shared
    and public images, flavors, networks of a shared project)."""

    cloud: str
    region: str
    kind: str

    def digest(self) -> str:
        return _digest(["scope", self.cloud, self.region, self.kind])


@dataclasses.dataclass(frozen=True)
class CacheKey:
    identity: str
    principal: str
    target: Target
    kind: str
    query: str = "{}"

    @classmethod
    def of(cls, identity: Identity, principal: str, target: Target, kind: str,
           query: Mapping[str, object] | None = None) -> "CacheKey":
        return cls(identity.key, principal, target, kind, normalise_query(query))

    @property
    def scope(self) -> Scope:
        return Scope(self.target.cloud, self.target.region, self.kind)

    def digest(self) -> str:
        t = self.target
        return _digest(["list", self.identity, self.principal, t.cloud, t.region, t.project_id,
                        t.project_name, t.project_domain_id, t.project_domain_name, self.kind,
                        self.query])


# Who the credentials of a clouds.yaml entry act as; secrets (passwords, application
# credential secrets) are left out on purpose, a token is in (it is the principal).
_PRINCIPAL_FIELDS = (
    "auth_url", "username", "user_id", "user_domain_id", "user_domain_name", "project_id",
    "project_name", "project_domain_id", "project_domain_name", "domain_id", "domain_name",
    "system_scope", "application_credential_id", "application_credential_name", "token",
)


def principal_of(config: Mapping[str, object]) -> str:
    """A digest of who a cloud config authenticates as (a CloudRegion's .config)."""
    auth = config.get("auth") or {}
    parts = [str(config.get("auth_type") or "")] + [str(auth.get(f) or "") for f in _PRINCIPAL_FIELDS]
    return _digest(parts)
