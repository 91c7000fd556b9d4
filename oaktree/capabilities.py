"""What one cloud region offers, asked of the cloud itself, plus a small TTL cache.

Each section is gathered independently: a section that fails (a policy hides quotas, a
service is down) becomes a `CapabilityProblem` and the others still answer. The cache is
deliberately tiny and self-contained (`TtlCache`), keyed by (identity, target), so that a
general cache layer can replace it without touching the gathering code.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import openstack.connection
from google.protobuf import struct_pb2, timestamp_pb2

from oaktree.errors import from_exception
from oaktree.imagedata import import_methods
from oaktree.v1 import clouds_pb2

log = logging.getLogger(__name__)

CACHE_TTL = 300.0
# openstacksdk's catalog types -> the section gathered when the region has that service.
_COMPUTE, _NETWORK, _IMAGE, _OBJECT, _VOLUME = "compute", "network", "image", "object-store", "block-storage"
_VOLUME_TYPES = ("block-storage", "volumev3", "volumev2", "volume")


class TtlCache:
    """{key: (expiry, value)} with a lock; entries expire after `ttl` seconds."""

    def __init__(self, ttl: float = CACHE_TTL, clock: Callable[[], float] = time.monotonic):
        self.ttl, self._clock = ttl, clock
        self._entries: dict = {}
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] <= self._clock():
                self._entries.pop(key, None)
                return None
            return entry[1]

    def put(self, key, value) -> None:
        with self._lock:
            self._entries[key] = (self._clock() + self.ttl, value)


def gather(connection: openstack.connection.Connection) -> clouds_pb2.Capabilities:
    """Capabilities of the connection's region (blocking: runs in the pool). Location is
    filled by the caller."""
    caps = clouds_pb2.Capabilities()
    now = timestamp_pb2.Timestamp()
    now.GetCurrentTime()
    caps.fetch_time.CopyFrom(now)
    types: set[str] = set()

    def section(name: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - one failing section must not hide the others
            error = from_exception(exc, name)
            caps.problems.add(section=name, status=error.to_status())

    def services() -> None:
        caps.services.extend(_services(connection))
        types.update(s.type for s in caps.services)

    section("services", services)
    if _IMAGE in types:
        section("image", lambda: caps.image.CopyFrom(_image(connection)))
    if _NETWORK in types:
        section("network", lambda: caps.network.CopyFrom(_network(connection)))
    if _OBJECT in types:
        section("object_store", lambda: caps.object_store.CopyFrom(_object_store(connection)))
    if _COMPUTE in types:
        section("quotas:compute", lambda: caps.quotas.extend(_compute_quotas(connection)))
    if _NETWORK in types:
        section("quotas:network", lambda: caps.quotas.extend(_network_quotas(connection)))
    if types.intersection(_VOLUME_TYPES):
        section("quotas:block-storage", lambda: caps.quotas.extend(_volume_quotas(connection)))
    return caps


def _services(connection) -> list[clouds_pb2.ServiceCapability]:
    region = connection.config.get_region_name()
    interface = connection.config.get_interface() or "public"
    access = connection.session.auth.get_access(connection.session)
    found: dict[str, clouds_pb2.ServiceCapability] = {}
    for entry in access.service_catalog.catalog:
        for endpoint in entry.get("endpoints") or ():
            if (endpoint.get("region_id") or endpoint.get("region")) != region:
                continue
            if endpoint.get("interface") != interface:
                continue
            found.setdefault(entry["type"], clouds_pb2.ServiceCapability(
                type=entry["type"], name=entry.get("name") or "", endpoint=endpoint.get("url") or ""))
    # One discovery pass for every service of the region (keystoneauth caches documents).
    versions = connection.session.get_all_version_data(interface=interface, region_name=region)
    for service_type, datas in ((versions.get(region) or {}).get(interface) or {}).items():
        service = found.get(service_type)
        if service is None:  # keystoneauth reports official types; the catalog may use aliases
            service = next((s for s in found.values() if _same_service(s.type, service_type)), None)
        if service is None:
            continue
        for data in sorted(datas, key=lambda d: _version_key(d.get("version") or "")):
            service.versions.add(version=str(data.get("version") or ""), status=str(data.get("status") or ""),
                                 min_microversion=str(data.get("min_microversion") or ""),
                                 max_microversion=str(data.get("max_microversion") or ""))
    return sorted(found.values(), key=lambda s: s.type)


def _same_service(catalog_type: str, official: str) -> bool:
    import os_service_types
    types = os_service_types.ServiceTypes()
    return types.get_service_type(catalog_type) == official


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


def _image(connection) -> clouds_pb2.ImageCapabilities:
    schema = connection.image.get_image_schema().properties or {}

    def enum(name: str) -> list[str]:
        return [str(v) for v in (schema.get(name) or {}).get("enum") or () if v]

    return clouds_pb2.ImageCapabilities(
        disk_formats=enum("disk_format"), container_formats=enum("container_format"),
        import_methods=import_methods(connection),
        default_disk_format=str(connection.config.config.get("image_format") or ""),
        uses_tasks=bool(connection.image_api_use_tasks))


def _ref(network) -> clouds_pb2.NetworkRef | None:
    return clouds_pb2.NetworkRef(id=network.id or "", name=network.name or "") if network else None


def _refs(networks) -> list[clouds_pb2.NetworkRef]:
    unique = {n.id: n for n in networks or ()}  # the cloud layer may list a network twice
    return sorted((_ref(n) for n in unique.values()), key=lambda r: (r.name, r.id))


def _network(connection) -> clouds_pb2.NetworkCapabilities:
    caps = clouds_pb2.NetworkCapabilities(
        floating_ip_source=connection._floating_ip_source or "none",
        external_networks=_refs(connection.get_external_networks()),
        internal_networks=_refs(connection.get_internal_networks()))
    for field, network in (("nat_source", connection.get_nat_source()),
                           ("nat_destination", connection.get_nat_destination()),
                           ("default_network", connection.get_default_network())):
        if network is not None:
            getattr(caps, field).CopyFrom(_ref(network))
    return caps


def _object_store(connection) -> clouds_pb2.ObjectStoreCapabilities:
    info = connection.object_store.get_info()
    swift, slo, tempurl = info.swift or {}, info.slo, info.tempurl
    raw = struct_pb2.Struct()
    raw.update({k: v for k, v in info.to_dict(computed=False).items()
                if k not in ("id", "name", "location") and v is not None})
    return clouds_pb2.ObjectStoreCapabilities(
        max_file_size=int(swift.get("max_file_size") or 0),
        max_object_name_length=int(swift.get("max_object_name_length") or 0),
        container_listing_limit=int(swift.get("container_listing_limit") or 0),
        slo=slo is not None,
        slo_max_manifest_segments=int((slo or {}).get("max_manifest_segments") or 0),
        slo_max_manifest_size=int((slo or {}).get("max_manifest_size") or 0),
        slo_min_segment_size=int((slo or {}).get("min_segment_size") or 0),
        tempurl=tempurl is not None,
        tempurl_digests=[str(d) for d in (tempurl or {}).get("allowed_digests") or ()],
        info=raw)


# (resource, limit attribute, used attribute) of openstacksdk's AbsoluteLimits.
_COMPUTE_LIMITS = (
    ("instances", "instances", "instances_used"),
    ("cores", "total_cores", "total_cores_used"),
    ("ram", "total_ram", "total_ram_used"),
    ("key_pairs", "keypairs", None),
    ("server_groups", "server_groups", "server_groups_used"),
    ("server_group_members", "server_group_members", None),
    ("metadata_items", "server_meta", None),
)


def _int(value, default: int = -1) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _compute_quotas(connection) -> list[clouds_pb2.QuotaLimit]:
    limits = connection.get_compute_limits()
    return [clouds_pb2.QuotaLimit(service="compute", resource=resource, limit=_int(getattr(limits, limit, None)),
                                  used=_int(getattr(limits, used, None)) if used else -1)
            for resource, limit, used in _COMPUTE_LIMITS if getattr(limits, limit, None) is not None]


def _network_quotas(connection) -> list[clouds_pb2.QuotaLimit]:
    project = connection.current_project_id
    details = connection.network.get_quota(project, details=True).to_dict(computed=False)
    quotas = []
    for resource, value in sorted(details.items()):
        if isinstance(value, dict) and "limit" in value:
            quotas.append(clouds_pb2.QuotaLimit(service="network", resource=resource,
                                                limit=_int(value.get("limit")), used=_int(value.get("used"))))
    return quotas


def _volume_quotas(connection) -> list[clouds_pb2.QuotaLimit]:
    absolute = connection.get_volume_limits().absolute
    pairs = (("volumes", "max_total_volumes", "total_volumes_used"),
             ("gigabytes", "max_total_volume_gigabytes", "total_gigabytes_used"),
             ("snapshots", "max_total_snapshots", "total_snapshots_used"),
             ("backups", "max_total_backups", "total_backups_used"))
    return [clouds_pb2.QuotaLimit(service="block-storage", resource=resource,
                                  limit=_int(getattr(absolute, limit, None)), used=_int(getattr(absolute, used, None)))
            for resource, limit, used in pairs if getattr(absolute, limit, None) is not None]
