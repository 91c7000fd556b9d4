"""Seed devcloud with the same data every time (runs in the venv; idempotent).

- projects/users: demo/demo and alt/alt (member role), password as configured
- nova: flavors m1.tiny..m1.large (ids 1-4, as devstack), keypair demo-key for demo
- glance: public cirros-tiny and cirros-small (deterministic bytes) in RegionOne,
  regiontwo-image in RegionTwo only
- neutron: external flat network `public` (172.24.4.0/24); for demo and alt a
  network `private` + subnet + router `router1` (gateway on public)
- keystone: application credential `oaktree-demo` for demo, its id and secret
  written to <state>/app-credential.json

usage: python -m devcloud_tool.seed <state>/devcloud.json
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import openstack

from devcloud_tool.catalog import admin_connection
from devcloud_tool.readiness import wait_all

FLAVORS = [  # id, name, ram MiB, vcpus, disk GiB
    ("1", "m1.tiny", 512, 1, 1),
    ("2", "m1.small", 2048, 1, 20),
    ("3", "m1.medium", 4096, 2, 40),
    ("4", "m1.large", 8192, 4, 80),
]
IMAGES_REGION_ONE = [("cirros-tiny", 4096), ("cirros-small", 16384)]
IMAGES_REGION_TWO = [("regiontwo-image", 8192)]
PROJECTS = {  # project == user name -> private subnet
    "demo": "10.0.0.0/24",
    "alt": "10.0.1.0/24",
}
PUBLIC_CIDR = "172.24.4.0/24"
APP_CREDENTIAL = "oaktree-demo"
# Public half of a throwaway key: the keypair only has to exist (fake hypervisor, no SSH).
DEMO_PUBLIC_KEY = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICvcUpi5NJ9+Owoh4aNw2Dg+LjaeoOq+57TFxcg8m3dK "
                   "demo-key@devcloud")


def image_bytes(name: str, size: int) -> bytes:
    """Same bytes for the same image on every machine and every run."""
    return random.Random(name).randbytes(size)


def user_connection(cfg: dict, name: str, region: str = "RegionOne"):
    return openstack.connect(
        auth_url=cfg["keystone_url"], username=name, password=cfg["password"],
        project_name=name, user_domain_name="Default", project_domain_name="Default",
        region_name=region)


def seed_identity(admin, cfg: dict) -> None:
    idn = admin.identity
    member = idn.find_role("member")
    for name in PROJECTS:
        project = (idn.find_project(name, domain_id="default")
                   or idn.create_project(name=name, domain_id="default"))
        user = idn.find_user(name, domain_id="default") or idn.create_user(
            name=name, password=cfg["password"], domain_id="default",
            default_project_id=project.id)
        idn.assign_project_role_to_user(project, user, member)
    print("identity: projects + users demo, alt")


def seed_compute(admin, cfg: dict) -> None:
    existing = {f.name for f in admin.compute.flavors(is_public=None)}
    for flavor_id, name, ram, vcpus, disk in FLAVORS:
        if name not in existing:
            admin.compute.create_flavor(id=flavor_id, name=name, ram=ram, vcpus=vcpus, disk=disk)
    demo = user_connection(cfg, "demo")
    if not demo.compute.find_keypair("demo-key"):
        demo.compute.create_keypair(name="demo-key", public_key=DEMO_PUBLIC_KEY)
    print("compute: flavors m1.tiny..m1.large, keypair demo-key")


def _ensure_image(conn, name: str, size: int) -> None:
    if conn.image.find_image(name):
        return
    conn.create_image(name, data=image_bytes(name, size), disk_format="raw",
                      container_format="bare", visibility="public", wait=True)


def seed_images(cfg: dict) -> None:
    for region, images in (("RegionOne", IMAGES_REGION_ONE), ("RegionTwo", IMAGES_REGION_TWO)):
        conn = user_connection(cfg, "admin", region)
        for name, size in images:
            _ensure_image(conn, name, size)
    print("image: cirros-tiny, cirros-small (RegionOne), regiontwo-image (RegionTwo)")


def seed_network(admin, cfg: dict) -> None:
    net = admin.network
    public = net.find_network("public") or net.create_network(
        name="public", is_router_external=True, is_shared=True,
        provider_network_type="flat", provider_physical_network="public")
    if not net.find_subnet("public-subnet", network_id=public.id):
        net.create_subnet(name="public-subnet", network_id=public.id, ip_version=4,
                          cidr=PUBLIC_CIDR, gateway_ip="172.24.4.1", is_dhcp_enabled=False,
                          allocation_pools=[{"start": "172.24.4.10", "end": "172.24.4.250"}])
    for name, cidr in PROJECTS.items():
        conn = user_connection(cfg, name)
        private = conn.network.find_network("private", project_id=conn.current_project_id) \
            or conn.network.create_network(name="private")
        subnet = conn.network.find_subnet("private-subnet", network_id=private.id) \
            or conn.network.create_subnet(name="private-subnet", network_id=private.id,
                                          ip_version=4, cidr=cidr)
        router = conn.network.find_router("router1", project_id=conn.current_project_id) \
            or conn.network.create_router(name="router1",
                                          external_gateway_info={"network_id": public.id})
        ports = conn.network.ports(device_id=router.id, network_id=private.id)
        if not any(True for _ in ports):
            conn.network.add_interface_to_router(router, subnet_id=subnet.id)
    print("network: public (external), private + router1 for demo and alt")


def seed_app_credential(cfg: dict) -> None:
    out = Path(cfg["home"]) / "app-credential.json"
    demo = user_connection(cfg, "demo")
    user_id = demo.current_user_id
    existing = demo.identity.find_application_credential(user_id, APP_CREDENTIAL)
    if existing and out.is_file():
        return
    if existing:  # secret lost: keystone never shows it again, so make a new one
        demo.identity.delete_application_credential(user_id, existing)
    cred = demo.identity.create_application_credential(
        user_id, name=APP_CREDENTIAL, unrestricted=False,
        description="oaktree tests: OAuth2 client-credentials grant")
    out.write_text(json.dumps({
        "id": cred.id, "secret": cred.secret, "name": APP_CREDENTIAL,
        "user_id": user_id, "project_id": demo.current_project_id,
        "auth_url": cfg["keystone_url"],
        "oauth2_token_url": cfg["keystone_url"] + "/OS-OAUTH2/token",
    }, indent=2) + "\n")
    print(f"identity: application credential {APP_CREDENTIAL} -> {out}")


def seed(cfg: dict) -> None:
    admin = admin_connection(cfg)
    services = set(cfg["services"])
    seed_identity(admin, cfg)
    seed_app_credential(cfg)
    wait_all(admin, cfg)
    if "nova" in services:
        seed_compute(admin, cfg)
    if "glance" in services:
        seed_images(cfg)
    if "neutron" in services:
        seed_network(admin, cfg)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        seed(json.load(f))
