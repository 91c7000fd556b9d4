from __future__ import annotations

from oaktree.normalize.common import Origin, as_int, properties
from oaktree.v1 import compute_pb2

_FIELDS = ("id", "name", "description", "ram", "vcpus", "disk", "ephemeral", "swap",
           "rxtx_factor", "is_public", "is_disabled", "extra_specs", "original_name")


def flavor(resource, origin: Origin) -> compute_pb2.Flavor:
    raw = resource.to_dict(computed=False)
    return compute_pb2.Flavor(
        location=origin.location(),
        id=raw.get("id") or "",
        name=raw.get("name") or "",
        description=raw.get("description") or "",
        ram=as_int(raw.get("ram")),
        vcpus=as_int(raw.get("vcpus")),
        disk=as_int(raw.get("disk")),
        ephemeral=as_int(raw.get("ephemeral")),
        swap=as_int(raw.get("swap")),
        rxtx_factor=float(raw.get("rxtx_factor") or 0.0),
        is_public=bool(raw.get("is_public", True)),
        is_disabled=bool(raw.get("is_disabled")),
        extra_specs={str(k): str(v) for k, v in (raw.get("extra_specs") or {}).items()},
        properties=properties(raw, _FIELDS),
    )
