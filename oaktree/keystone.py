"""Shared mode: a caller's Keystone token -> the Identity a call acts as.

Validation: GET /v3/auth/tokens with the token as both X-Auth-Token and X-Subject-Token.
Keystone's default policy lets a token validate itself (`identity:validate_token` is
"admin or system reader or service role or rule:token_subject"), so oaktree needs no
credentials of its own to do it, and no password ever passes through it.

Caching: a validation is reused until the token expires or `revalidate_seconds` have
passed, whichever is first; so a revoked token stops working within `revalidate_seconds`
(default 30). Concurrent calls with the same token share one validation.

Acting: the validated token itself, with the catalog Keystone returned (keystoneauth's
AccessInfoPlugin, as keystonemiddleware hands to services): no second token is made, so
revoking the caller's token revokes what oaktree acts with. A token reaches the clouds
whose auth_url is the Keystone that accepted it, in its own project only.

Tokens are never logged or put in messages: logs show a fingerprint (sha256 prefix).
"""
from __future__ import annotations

import asyncio
import collections
import dataclasses
import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterable

import grpc
from google.rpc import error_details_pb2
from keystoneauth1 import access
from keystoneauth1 import exceptions as ksa_exc
from keystoneauth1 import session as ksa_session
from keystoneauth1.identity.access import AccessInfoPlugin

from oaktree.blocking import BlockingPool
from oaktree.clouds import CloudRegistry
from oaktree.errors import DOMAIN, RpcError
from oaktree.identity import Identity

log = logging.getLogger(__name__)

# Printable ASCII without spaces; Fernet tokens are ~180-250 characters, JWS ~800.
_TOKEN_SHAPE = re.compile(r"^[\x21-\x7e]{1,8192}$")


def fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def keystone_base(auth_url: str) -> str:
    """http://host:5000/v3/ -> http://host:5000: how configured clouds are matched to a Keystone."""
    url = auth_url.strip().rstrip("/")
    return re.sub(r"/v3(\.0)?$", "", url)


def unauthenticated(message: str, reason: str) -> RpcError:
    return RpcError(grpc.StatusCode.UNAUTHENTICATED, message,
                    [error_details_pb2.ErrorInfo(reason=reason, domain=DOMAIN)])


def permission_denied(message: str, reason: str) -> RpcError:
    return RpcError(grpc.StatusCode.PERMISSION_DENIED, message,
                    [error_details_pb2.ErrorInfo(reason=reason, domain=DOMAIN)])


@dataclasses.dataclass(frozen=True)
class Keystone:
    """One Keystone and the configured clouds that authenticate with it."""

    url: str                      # without /v3
    clouds: tuple[str, ...]
    verify: bool | str = True     # TLS settings of the first such cloud (cacert, insecure)
    cert: str | tuple[str, str] | None = None


def keystones_of(registry: CloudRegistry) -> list[Keystone]:
    by_url: dict[str, list[str]] = {}
    settings: dict[str, tuple] = {}
    for cloud in registry.cloud_names():
        url = keystone_base(registry.info(cloud).auth_url)
        if not url:
            continue
        by_url.setdefault(url, []).append(cloud)
        if url not in settings:
            region = registry.region(cloud, registry.regions_of(cloud)[0])
            settings[url] = region.get_requests_verify_args()
    return [Keystone(url, tuple(clouds), *settings[url]) for url, clouds in by_url.items()]


class KeystoneToken:
    """A validated token: what connections act with (Identity.credential) in shared mode."""

    def __init__(self, keystone: Keystone, access_info: access.AccessInfoV3, digest: str):
        self.keystone = keystone
        self.access = access_info
        self.fingerprint = digest
        self.expires_at = access_info.expires.timestamp()
        self.user_id = access_info.user_id
        self.project = {
            "id": access_info.project_id or "", "name": access_info.project_name or "",
            "domain_id": access_info.project_domain_id or "",
            "domain_name": access_info.project_domain_name or ""}

    def __repr__(self) -> str:  # never the token
        return f"<KeystoneToken {self.fingerprint[:8]} user={self.user_id} project={self.project['id']}>"

    @property
    def auth_url(self) -> str:
        return f"{self.keystone.url}/v3"

    def auth_plugin(self) -> AccessInfoPlugin:
        """Acts with exactly this token and its catalog; cannot re-authenticate."""
        return AccessInfoPlugin(self.access, auth_url=self.auth_url)

    def expired(self, now: float | None = None) -> bool:
        return (now or time.time()) >= self.expires_at

    def clouds(self, requested: Iterable[str], explicit: bool) -> list[str]:
        """The requested clouds this token reaches. Naming one it cannot reach is
        PERMISSION_DENIED; a wildcard silently keeps the reachable ones."""
        requested = list(requested)
        reachable = [c for c in requested if c in self.keystone.clouds]
        if explicit and len(reachable) < len(requested):
            denied = ", ".join(c for c in requested if c not in reachable)
            raise permission_denied(
                f"cloud {denied} does not use the Keystone that issued this token", "CLOUD_NOT_REACHABLE")
        return reachable

    def check_project(self, project) -> None:
        """A Location.project must be the token's own project (a token is scoped to one)."""
        for field in ("id", "name", "domain_id", "domain_name"):
            wanted = getattr(project, field)
            if wanted and wanted != self.project[field]:
                raise permission_denied(
                    f"this token is scoped to project {self.project['name']} ({self.project['id']}); "
                    f"it cannot act in project {field.replace('_', ' ')} {wanted!r}", "PROJECT_NOT_IN_SCOPE")


@dataclasses.dataclass
class _Entry:
    identity: Identity
    fresh_until: float  # monotonic


class TokenValidator:
    """Token -> Identity, validated with Keystone and cached (see the module docstring)."""

    def __init__(self, keystones: list[Keystone], blocking: BlockingPool,
                 revalidate_seconds: float = 30.0, max_entries: int = 10_000,
                 on_forget: Callable[[Identity], None] = lambda identity: None,
                 request_timeout: float = 10.0):
        if not keystones:
            raise ValueError("shared mode needs at least one cloud with an auth_url")
        self.keystones = keystones
        self.revalidate_seconds = revalidate_seconds
        self._blocking = blocking
        self._max_entries = max_entries
        self._on_forget = on_forget
        self._timeout = request_timeout
        self._sessions = {k.url: ksa_session.Session(verify=k.verify, cert=k.cert) for k in keystones}
        self._cache: collections.OrderedDict[str, _Entry] = collections.OrderedDict()
        self._inflight: dict[str, asyncio.Future] = {}

    async def identity(self, token: str) -> Identity:
        if not _TOKEN_SHAPE.match(token):
            raise unauthenticated("malformed token", "TOKEN_INVALID")
        digest = fingerprint(token)
        entry = self._cache.get(digest)
        if entry is not None:
            if entry.identity.credential.expired():
                self._forget(digest)
                raise unauthenticated("token expired", "TOKEN_EXPIRED")
            if time.monotonic() < entry.fresh_until:
                self._cache.move_to_end(digest)
                return entry.identity
        future = self._inflight.get(digest)
        if future is None:
            future = asyncio.ensure_future(self._validate(token, digest))
            self._inflight[digest] = future
            future.add_done_callback(lambda done: self._finished(digest, done))
        # shield: one caller giving up must not cancel the validation others wait for
        return await asyncio.shield(future)

    async def _validate(self, token: str, digest: str) -> Identity:
        checked = time.monotonic()
        try:
            credential = await self._blocking.run(self._validate_blocking, token, digest)
        except RpcError as error:
            if error.code == grpc.StatusCode.UNAUTHENTICATED:
                self._forget(digest)  # revoked: drop its connections now
            raise
        identity = Identity(
            key=f"keystone:{credential.keystone.url}|user:{credential.user_id}"
                f"|project:{credential.project['id']}|token:{digest}",
            description=f"user {credential.access.username} ({credential.user_id}) project "
                        f"{credential.project['name']} ({credential.project['id']}) token {digest[:8]}",
            credential=credential)
        fresh_until = min(checked + self.revalidate_seconds,
                          checked + max(0.0, credential.expires_at - time.time()))
        self._cache[digest] = _Entry(identity, fresh_until)
        self._cache.move_to_end(digest)
        while len(self._cache) > self._max_entries:
            oldest = next(iter(self._cache))
            self._forget(oldest)
        log.debug("validated token %s: %s", digest[:8], identity)
        return identity

    def _validate_blocking(self, token: str, digest: str) -> KeystoneToken:
        unreachable = []
        for keystone in self.keystones:
            try:
                response = self._sessions[keystone.url].get(
                    f"{keystone.url}/v3/auth/tokens", authenticated=False, raise_exc=False,
                    timeout=self._timeout, headers={"X-Auth-Token": token, "X-Subject-Token": token})
            except ksa_exc.ClientException as exc:
                log.warning("cannot validate token %s with %s: %s", digest[:8], keystone.url,
                            type(exc).__name__)
                unreachable.append(keystone.url)
                continue
            if response.status_code in (401, 404):
                continue  # not a token of this Keystone (or invalid, expired, revoked)
            if response.status_code == 200:
                info = access.create(body=response.json(), auth_token=token)
                if not isinstance(info, access.AccessInfoV3) or not info.project_id:
                    raise permission_denied("the token must be scoped to a project", "TOKEN_NOT_PROJECT_SCOPED")
                return KeystoneToken(keystone, info, digest)
            if response.status_code == 403:
                log.error("Keystone %s refuses to let tokens validate themselves (policy "
                          "identity:validate_token must allow rule:token_subject)", keystone.url)
            else:
                log.warning("Keystone %s answered %d validating token %s", keystone.url,
                            response.status_code, digest[:8])
            unreachable.append(keystone.url)
        if unreachable:
            raise RpcError(grpc.StatusCode.UNAVAILABLE,
                           f"cannot validate the token: Keystone unavailable ({', '.join(unreachable)})")
        raise unauthenticated("invalid, expired or revoked token", "TOKEN_INVALID")

    def _finished(self, digest: str, future: asyncio.Future) -> None:
        self._inflight.pop(digest, None)
        if not future.cancelled():
            future.exception()  # retrieved: no "never retrieved" noise if every caller left

    def _forget(self, digest: str) -> None:
        entry = self._cache.pop(digest, None)
        if entry is not None:
            self._on_forget(entry.identity)
