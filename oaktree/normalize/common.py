"""Pieces every normaliser needs: the Location, timestamps and the leftover `properties`."""
from __future__ import annotations

import dataclasses
import datetime
import json
from collections.abc import Iterable

from google.protobuf import struct_pb2, timestamp_pb2

from oaktree.v1 import location_pb2


@dataclasses.dataclass(frozen=True)
class Origin:
    """Where a batch of resources came from: the cloud region and the acting project."""

    cloud: str
    region: str
    project: location_pb2.Project

    def location(self, project_id: str | None = None, zone: str = "") -> location_pb2.Location:
        """The resource's Location: its owner if it has one, else the acting project (shade's rule)."""
        if project_id and project_id != self.project.id:
            project = location_pb2.Project(id=project_id)
        else:
            project = self.project
        return location_pb2.Location(cloud=self.cloud, region=self.region, zone=zone or "",
                                     project=project)


def timestamp(value) -> timestamp_pb2.Timestamp | None:
    """ISO 8601 text from a cloud (with or without a zone; naive means UTC) -> Timestamp."""
    if not value:
        return None
    text = str(value).replace("Z", "+00:00")
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def as_int(value) -> int:
    """Clouds send '' or None for unset numbers (nova's swap); those are 0."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def enum_value(enum_type, prefix: str, value) -> int:
    """Cloud strings ('active', 'pending_delete') -> enum numbers; unknown -> UNSPECIFIED (0)."""
    name = prefix + str(value or "").upper()
    return enum_type.Value(name) if name in enum_type.keys() else 0


# Keys that are bookkeeping, never worth passing on.
_NOISE = {"location", "links", "request_ids", "if_match", "tenant_id", "schema", "file"}


def properties(raw: dict, consumed: Iterable[str]) -> struct_pb2.Struct:
    """Everything the normaliser did not map to a field, as JSON values."""
    skip = set(consumed) | _NOISE
    leftover = {k: v for k, v in raw.items() if k not in skip and v is not None and v != {}}
    struct = struct_pb2.Struct()
    struct.update(json.loads(json.dumps(leftover, default=str)))
    return struct
