"""Register service users, regions and catalog endpoints in Keystone (runs in the venv).

Idempotent. RegionOne gets every chosen service; RegionTwo gets identity (so
auth works when a client is pointed at RegionTwo) and, with glance, the second,
independent Glance. Run before the other services start: nova-compute talks to
placement through the catalog as soon as it is up.

usage: python -m devcloud_tool.catalog <state>/devcloud.json
"""
from __future__ import annotations

import json
import sys

import openstack

REGIONS = ("RegionOne", "RegionTwo")
INTERFACES = ("public", "internal", "admin")


def endpoints(cfg: dict) -> list[tuple[str, str, str, str]]:
    """(service name, service type, region, url) for every endpoint beyond bootstrap's."""
    p, has = cfg["ports"], set(cfg["services"])

    def url(port: str, path: str = "") -> str:
        return f"http://127.0.0.1:{p[port]}{path}"

    out = [("keystone", "identity", "RegionTwo", cfg["keystone_url"])]
    if "glance" in has:
        out += [("glance", "image", "RegionOne", url("GLANCE")),
                ("glance", "image", "RegionTwo", url("GLANCE_R2"))]
    if "swift" in has:
        out.append(("swift", "object-store", "RegionOne", url("SWIFT", "/v1/AUTH_%(project_id)s")))
    if "neutron" in has:
        out.append(("neutron", "network", "RegionOne", url("NEUTRON")))
    if "nova" in has:
        out += [("nova", "compute", "RegionOne", url("NOVA", "/v2.1")),
                ("placement", "placement", "RegionOne", url("PLACEMENT"))]
    if "cinder" in has:
        out.append(("cinder", "block-storage", "RegionOne", url("CINDER", "/v3/%(project_id)s")))
    return out


def register(conn, cfg: dict) -> None:
    idn = conn.identity
    for region in REGIONS:
        if not idn.find_region(region):
            idn.create_region(id=region)
    service_project = (idn.find_project("service", domain_id="default")
                       or idn.create_project(name="service", domain_id="default"))
    roles = [idn.find_role("admin"), idn.find_role("service") or idn.create_role(name="service")]
    wanted = endpoints(cfg)
    for name in sorted({n for n, *_ in wanted} - {"keystone"}):
        user = idn.find_user(name, domain_id="default") or idn.create_user(
            name=name, password=cfg["password"], domain_id="default",
            default_project_id=service_project.id)
        for role in roles:
            idn.assign_project_role_to_user(service_project, user, role)
    services = {s.type: s for s in idn.services()}
    for name, stype, region, url in wanted:
        svc = services.get(stype) or idn.create_service(name=name, type=stype)
        services[stype] = svc
        existing = {(e.region_id, e.interface) for e in idn.endpoints(service_id=svc.id)}
        for iface in INTERFACES:
            if (region, iface) not in existing:
                idn.create_endpoint(service_id=svc.id, interface=iface, url=url, region_id=region)
        print(f"catalog: {stype:14} {region:9} {url}")


def admin_connection(cfg: dict):
    return openstack.connect(
        auth_url=cfg["keystone_url"], username="admin", password=cfg["password"],
        project_name="admin", user_domain_name="Default", project_domain_name="Default",
        region_name="RegionOne")


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        config = json.load(f)
    register(admin_connection(config), config)
