"""Write every service's config files under ``<state>/etc`` from ``templates/``.

Templates use ``@NAME@`` placeholders and ``@INCLUDE file@`` lines (the shared
``[keystone_authtoken]`` block). Rendering is cheap and done on every ``up`` so
a changed port or password always reaches the configs.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from .config import HOST, NOVA_HOST, TOOL_DIR, Config

TEMPLATES = TOOL_DIR / "templates"


class RenderError(Exception):
    pass


def render_text(text: str, values: dict[str, str]) -> str:
    text = re.sub(r"^@INCLUDE ([\w.-]+)@$",
                  lambda m: (TEMPLATES / m.group(1)).read_text(), text, flags=re.MULTILINE)

    def value(m: re.Match) -> str:
        if m.group(1) not in values:
            raise RenderError(f"template placeholder @{m.group(1)}@ has no value")
        return values[m.group(1)]

    return re.sub(r"@([A-Z][A-Z0-9_]*)@", value, text)


def template_values(cfg: Config, service: str) -> dict[str, str]:
    values = {"HOME": str(cfg.home), "HOST": HOST, "PASSWORD": cfg.password,
              "NOVA_HOST": NOVA_HOST, "SERVICE": service}
    values.update({f"PORT_{k}": str(v) for k, v in cfg.ports.items()})
    return values


def render(cfg: Config, template: str, dest: Path, service: str, **extra: str) -> None:
    values = template_values(cfg, service) | extra
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(render_text((TEMPLATES / template).read_text(), values))


def copy_paste_ini(cfg: Config, source: str, dest: Path) -> None:
    """Services ship their WSGI pipeline (paste) files and the like in the venv's etc/."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cfg.venv / "etc" / source, dest)


def write_all(cfg: Config) -> None:
    etc = cfg.etc
    render(cfg, "keystone.conf", etc / "keystone" / "keystone.conf", "keystone")
    if cfg.has("glance"):
        for name in ("glance", "glance-r2"):
            render(cfg, "glance-api.conf", etc / name / "glance-api.conf", "glance",
                   GLANCE_NAME=name)
            copy_paste_ini(cfg, "glance/glance-api-paste.ini", etc / name / "glance-api-paste.ini")
    if cfg.has("swift"):
        for f in ("swift.conf", "proxy-server.conf", "account-server.conf",
                  "container-server.conf", "object-server.conf"):
            render(cfg, f"swift/{f}", etc / "swift" / f, "swift")
    if cfg.has("neutron"):
        render(cfg, "neutron.conf", etc / "neutron" / "neutron.conf", "neutron",
               NOTIFY_NOVA="true" if cfg.has("nova") else "false")
        render(cfg, "ml2_conf.ini", etc / "neutron" / "ml2_conf.ini", "neutron")
        copy_paste_ini(cfg, "neutron/api-paste.ini", etc / "neutron" / "api-paste.ini")
    if cfg.has("nova"):
        render(cfg, "placement.conf", etc / "placement" / "placement.conf", "placement")
        render(cfg, "nova.conf", etc / "nova" / "nova.conf", "nova")
        copy_paste_ini(cfg, "nova/api-paste.ini", etc / "nova" / "api-paste.ini")
    if cfg.has("cinder"):
        render(cfg, "cinder.conf", etc / "cinder" / "cinder.conf", "cinder")
        copy_paste_ini(cfg, "cinder/api-paste.ini", etc / "cinder" / "api-paste.ini")
        # without it cinder rejects every list filter (`?name=` from the SDK's find)
        copy_paste_ini(cfg, "cinder/resource_filters.json", etc / "cinder" / "resource_filters.json")
    if cfg.needs_rabbit:
        rabbit = etc / "rabbitmq"
        rabbit.mkdir(parents=True, exist_ok=True)
        (rabbit / "enabled_plugins").write_text("[].\n")
        (rabbit / "rabbitmq.conf").write_text(
            f"listeners.tcp.1 = {HOST}:{cfg.ports['RABBIT']}\nloopback_users = none\n")
