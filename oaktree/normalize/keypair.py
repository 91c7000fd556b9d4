from __future__ import annotations

from oaktree.normalize.common import Origin, properties, timestamp
from oaktree.v1 import compute_pb2

_FIELDS = ("id", "name", "public_key", "fingerprint", "type", "private_key", "user_id",
           "created_at", "is_deleted")


def keypair(resource, origin: Origin) -> compute_pb2.Keypair:
    """shade's rule: a keypair's id is its name; type defaults to ssh."""
    raw = resource.to_dict(computed=False)
    return compute_pb2.Keypair(
        location=origin.location(),
        id=raw.get("name") or raw.get("id") or "",
        name=raw.get("name") or "",
        public_key=raw.get("public_key") or "",
        fingerprint=raw.get("fingerprint") or "",
        type=raw.get("type") or "ssh",
        private_key=raw.get("private_key") or "",
        user_id=raw.get("user_id") or "",
        create_time=timestamp(raw.get("created_at")),
        properties=properties(raw, _FIELDS),
    )
