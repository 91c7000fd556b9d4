from __future__ import annotations

from oaktree.normalize.common import Origin, enum_value, properties, timestamp
from oaktree.v1 import network_pb2

_FIELDS = ("id", "floating_ip_address", "fixed_ip_address", "floating_network_id", "port_id",
           "router_id", "status", "description", "created_at", "updated_at", "project_id", "name")


def floating_ip(resource, origin: Origin) -> network_pb2.FloatingIp:
    raw = resource.to_dict(computed=False)
    return network_pb2.FloatingIp(
        location=origin.location(project_id=raw.get("project_id")),
        id=raw.get("id") or "",
        floating_ip_address=raw.get("floating_ip_address") or "",
        fixed_ip_address=raw.get("fixed_ip_address") or "",
        network_id=raw.get("floating_network_id") or "",
        port_id=raw.get("port_id") or "",
        router_id=raw.get("router_id") or "",
        is_attached=bool(raw.get("port_id")),
        status=enum_value(network_pb2.FloatingIpStatus, "FLOATING_IP_STATUS_", raw.get("status")),
        description=raw.get("description") or "",
        create_time=timestamp(raw.get("created_at")),
        update_time=timestamp(raw.get("updated_at")),
        properties=properties(raw, _FIELDS),
    )
