"""Nova servers -> Server messages, with shade's address selection.

openstacksdk's cloud layer computes public_v4/private_v4/public_v6/interface_ip in
`openstack.cloud.meta.add_server_interfaces`; `interfaces` below reuses those very
functions (so every cloud shape shade knows is handled the same) and adds private_v6.
With `supplemental=False` it skips the one step that costs API calls per server (asking
Neutron for floating IPs Nova does not list yet); lists and the watch poller do that step
once for all their servers with `supplement_addresses` instead.
"""
from __future__ import annotations

from openstack import exceptions as sdk_exc
from openstack.cloud import meta

from oaktree.normalize.common import Origin, as_int, enum_value, properties, timestamp
from oaktree.v1 import compute_pb2

_FIELDS = ("id", "name", "status", "fault", "task_state", "vm_state", "power_state", "progress",
           "image", "flavor", "addresses", "access_ipv4", "access_ipv6", "key_name",
           "security_groups", "metadata", "attached_volumes", "host_id", "has_config_drive",
           "created_at", "updated_at", "launched_at", "admin_password", "availability_zone",
           "project_id", "user_data", "public_v4", "private_v4", "public_v6", "private_v6",
           "interface_ip")


def interfaces(connection, server, supplemental: bool = True) -> dict[str, str]:
    """shade's address fields for `server` (a compute Server resource); sets them on it too,
    since meta's interface_ip rule reads them back from the server."""
    if supplemental:
        server["addresses"] = meta._get_supplemental_addresses(connection, server)
    server["public_v4"] = meta.get_server_external_ipv4(connection, server) or ""
    server["public_v6"] = "" if connection.force_ipv4 else (meta.get_server_external_ipv6(server) or "")
    server["private_v4"] = meta.get_server_private_ip(server, connection) or ""
    server["interface_ip"] = meta._get_interface_ip(connection, server) or ""
    return {
        "public_v4": server["public_v4"], "public_v6": server["public_v6"],
        "private_v4": server["private_v4"], "interface_ip": server["interface_ip"],
        "private_v6": _private_v6(connection, server),
    }


def supplement_addresses(connection, servers) -> None:
    """The bulk form of shade's supplemental-address step, for a list of servers.

    Nova's address list lags behind Neutron (on some clouds it never shows a floating IP
    at all); shade asks Neutron, per ACTIVE server without a floating address, for its
    ports and their floating IPs: 2 calls per server. This asks once for the project's
    floating IPs and reads the port's device and MAC from the IP (Neutron's
    fip-port-details), falling back to one port lookup per attached IP.
    """
    needy = {s["id"]: s for s in servers
             if s["status"] == "ACTIVE" and not _has_floating_v4(s["addresses"] or {})}
    if not needy:
        return
    try:
        if not (connection.has_service("network") and connection._has_floating_ips()):
            return
        for ip in connection.list_floating_ips():
            if not ip["port_id"]:
                continue
            details = ip.get("port_details") or {}
            device, mac = details.get("device_id"), details.get("mac_address")
            if device is None:
                port = connection.network.get_port(ip["port_id"])
                device, mac = port.device_id, port.mac_address
            server = needy.get(device)
            if server is None:
                continue
            for network, entries in (server["addresses"] or {}).items():
                if any(e.get("addr") == ip["fixed_ip_address"] and e.get("version") == 4 for e in entries):
                    entries.append({"version": 4, "addr": ip["floating_ip_address"],
                                    "OS-EXT-IPS:type": "floating", "OS-EXT-IPS-MAC:mac_addr": mac})
                    break
    except sdk_exc.SDKException:
        pass  # as shade: extra information, never a reason to fail


def _has_floating_v4(addresses: dict) -> bool:
    return any(entry.get("OS-EXT-IPS:type") == "floating" and entry.get("version") != 6
               for entries in addresses.values() for entry in entries)


def _private_v6(connection, server) -> str:
    """A fixed IPv6 address on an internal network (shade computes no private_v6: this is
    its private_v4 rule applied to version 6)."""
    addresses = server["addresses"] or {}
    if connection.use_internal_network():
        for network in connection.get_internal_ipv6_networks():
            found = meta.find_nova_addresses(addresses, ext_tag="fixed", key_name=network["name"],
                                             version=6)
            if found:
                return found[0]
    found = meta.find_nova_addresses(addresses, ext_tag="fixed", key_name="private", version=6)
    return found[0] if found else ""


def server(resource, origin: Origin, fields: dict[str, str] | None = None) -> compute_pb2.Server:
    """`fields`: the address fields from `interfaces` (empty strings when not computed)."""
    raw = resource.to_dict(computed=False)
    fields = fields or {}
    flavor = raw.get("flavor") or {}
    image = raw.get("image") or {}
    fault = raw.get("fault") or {}
    return compute_pb2.Server(
        location=origin.location(project_id=raw.get("project_id"),
                                 zone=raw.get("availability_zone") or ""),
        id=raw.get("id") or "",
        name=raw.get("name") or "",
        status=enum_value(compute_pb2.ServerStatus, "SERVER_STATUS_", raw.get("status")),
        fault_message=str(fault.get("message") or "") if isinstance(fault, dict) else "",
        task_state=raw.get("task_state") or "",
        vm_state=raw.get("vm_state") or "",
        power_state=as_int(raw.get("power_state")),
        progress=as_int(raw.get("progress")),
        image_id=(image.get("id") or "") if isinstance(image, dict) else str(image or ""),
        # Microversion 2.47+ embeds the flavor (name in original_name, no id).
        flavor_id=flavor.get("id") or "",
        flavor_name=flavor.get("original_name") or flavor.get("name") or "",
        public_v4=fields.get("public_v4", ""),
        private_v4=fields.get("private_v4", ""),
        public_v6=fields.get("public_v6", ""),
        private_v6=fields.get("private_v6", ""),
        interface_ip=fields.get("interface_ip", ""),
        addresses=list(_addresses(raw.get("addresses") or {})),
        access_ipv4=raw.get("access_ipv4") or "",
        access_ipv6=raw.get("access_ipv6") or "",
        key_name=raw.get("key_name") or "",
        security_groups=sorted({str(g.get("name", "")) for g in raw.get("security_groups") or ()
                                if isinstance(g, dict)}),
        metadata={str(k): str(v) for k, v in (raw.get("metadata") or {}).items()},
        volume_ids=[str(v.get("id", "")) for v in raw.get("attached_volumes") or ()
                    if isinstance(v, dict)],
        host_id=raw.get("host_id") or "",
        has_config_drive=str(raw.get("has_config_drive") or "").lower() in ("true", "1", "yes"),
        create_time=timestamp(raw.get("created_at")),
        update_time=timestamp(raw.get("updated_at")),
        launch_time=timestamp(raw.get("launched_at")),
        admin_password=raw.get("admin_password") or "",
        properties=properties(raw, _FIELDS),
    )


def _addresses(addresses: dict):
    for network in sorted(addresses):
        for entry in addresses[network] or ():
            yield compute_pb2.ServerAddress(
                network=network, address=str(entry.get("addr", "")),
                version=as_int(entry.get("version")),
                type=str(entry.get("OS-EXT-IPS:type") or ""),
                mac_address=str(entry.get("OS-EXT-IPS-MAC:mac_addr") or ""))
