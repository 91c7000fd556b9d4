from __future__ import annotations

from oaktree.normalize.common import Origin, as_int, enum_value, properties, timestamp
from oaktree.v1 import image_pb2

_FIELDS = ("id", "name", "status", "visibility", "is_protected", "disk_format",
           "container_format", "size", "virtual_size", "min_disk", "min_ram", "checksum",
           "hash_algo", "hash_value", "tags", "created_at", "updated_at", "owner", "owner_id",
           "properties")


def image(resource, origin: Origin) -> image_pb2.Image:
    raw = resource.to_dict(computed=False)
    extra = dict(raw.get("properties") or {})
    merged = {**extra, **{k: v for k, v in raw.items() if k != "properties"}}
    return image_pb2.Image(
        location=origin.location(project_id=raw.get("owner_id") or raw.get("owner")),
        id=raw.get("id") or "",
        name=raw.get("name") or "",
        status=enum_value(image_pb2.ImageStatus, "IMAGE_STATUS_", raw.get("status")),
        visibility=enum_value(image_pb2.ImageVisibility, "IMAGE_VISIBILITY_", raw.get("visibility")),
        is_protected=bool(raw.get("is_protected")),
        disk_format=raw.get("disk_format") or "",
        container_format=raw.get("container_format") or "",
        size=as_int(raw.get("size")),
        virtual_size=as_int(raw.get("virtual_size")),
        min_disk=as_int(raw.get("min_disk")),
        min_ram=as_int(raw.get("min_ram")),
        checksum=raw.get("checksum") or "",
        hash_algo=raw.get("hash_algo") or "",
        hash_value=raw.get("hash_value") or "",
        tags=[str(t) for t in raw.get("tags") or ()],
        create_time=timestamp(raw.get("created_at")),
        update_time=timestamp(raw.get("updated_at")),
        properties=properties(merged, _FIELDS),
    )

