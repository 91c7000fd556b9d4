"""Where devcloud keeps its state, which services it runs and on which ports.

Everything here is read from the environment once (``Config.from_env``) so the
other modules never look at ``os.environ`` themselves. The resolved config is
also written to ``<state>/devcloud.json`` for the scripts that run inside the
devcloud venv (catalog registration, seeding).
"""
from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from pathlib import Path

HOST = "127.0.0.1"
TOOL_DIR = Path(__file__).resolve().parent.parent

ALL_SERVICES = ("keystone", "glance", "swift", "neutron", "nova", "cinder")

# Name -> default port. DEVCLOUD_PORT_<NAME> overrides each one.
# Swift's proxy is on 8090, not its customary 8080: that is oaktree's REST port.
DEFAULT_PORTS = {
    "KEYSTONE": 5000,
    "GLANCE": 9292,
    "GLANCE_R2": 9293,
    "SWIFT": 8090,
    "SWIFT_OBJECT": 6200,
    "SWIFT_CONTAINER": 6201,
    "SWIFT_ACCOUNT": 6202,
    "NEUTRON": 9696,
    "NOVA": 8774,
    "PLACEMENT": 8778,
    "CINDER": 8776,
    "RABBIT": 5672,
    "RABBIT_DIST": 25672,
    "EPMD": 4369,
}

# The one OpenStack release devcloud runs (2026.1), installed with that
# release's upper-constraints into the devcloud venv.
CONSTRAINTS_FILE = TOOL_DIR / "upper-constraints-2026.1.txt"
PACKAGES = (
    "keystone==29.1.0",
    "glance==32.0.0",
    "swift==2.37.4",
    "neutron==28.0.2",
    "nova==33.0.2",
    "openstack-placement==15.0.0",
    "cinder==28.0.0",
    "openstacksdk==4.10.0",
    "python-openstackclient==9.0.0",
    "uWSGI==2.0.31",
)

NOVA_HOST = "devcloud"


class ConfigError(Exception):
    """A setting in the environment makes no sense."""


def default_home(env: Mapping[str, str]) -> Path:
    cache = env.get("XDG_CACHE_HOME") or str(Path(env.get("HOME") or Path.home()) / ".cache")
    return Path(cache) / "oaktree-devcloud"


def expand_services(requested: list[str]) -> tuple[str, ...]:
    """Keystone always; keep ALL_SERVICES order so startup order is stable."""
    unknown = sorted(set(requested) - set(ALL_SERVICES))
    if unknown:
        raise ConfigError(
            f"unknown service(s) in DEVCLOUD_SERVICES: {' '.join(unknown)} "
            f"(known: {' '.join(ALL_SERVICES)})")
    wanted = set(requested) | {"keystone"}
    return tuple(s for s in ALL_SERVICES if s in wanted)


@dataclasses.dataclass(frozen=True)
class Config:
    home: Path
    services: tuple[str, ...]
    ports: dict[str, int]
    password: str
    python: str
    venv_override: Path | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Config:
        env = os.environ if env is None else env
        home = Path(env.get("DEVCLOUD_HOME") or default_home(env)).expanduser().resolve()
        requested = env.get("DEVCLOUD_SERVICES", " ".join(ALL_SERVICES)).replace(",", " ").split()
        ports = {}
        for name, default in DEFAULT_PORTS.items():
            raw = env.get(f"DEVCLOUD_PORT_{name}", str(default))
            try:
                ports[name] = int(raw)
            except ValueError:
                raise ConfigError(f"DEVCLOUD_PORT_{name}={raw!r} is not a port number") from None
        return cls(
            home=home,
            services=expand_services(requested),
            ports=ports,
            password=env.get("DEVCLOUD_PASSWORD", "secret"),
            python=env.get("DEVCLOUD_PYTHON", "python3.11"),
            venv_override=Path(env["DEVCLOUD_VENV"]).expanduser().resolve()
            if env.get("DEVCLOUD_VENV") else None,
        )

    # -- derived -----------------------------------------------------------
    def has(self, service: str) -> bool:
        return service in self.services

    @property
    def needs_rabbit(self) -> bool:
        return self.has("nova") or self.has("cinder")

    @property
    def venv(self) -> Path:
        # DEVCLOUD_VENV lets a second, isolated devcloud share an installed venv
        return self.venv_override or self.home / "venv"

    @property
    def etc(self) -> Path:
        return self.home / "etc"

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def log(self) -> Path:
        return self.home / "log"

    @property
    def run(self) -> Path:
        return self.home / "run"

    @property
    def snapshot_root(self) -> Path:
        return self.home / "snapshot"

    @property
    def clouds_yaml(self) -> Path:
        return self.home / "clouds.yaml"

    @property
    def app_credential_file(self) -> Path:
        return self.home / "app-credential.json"

    @property
    def json_file(self) -> Path:
        return self.home / "devcloud.json"

    def bin(self, name: str) -> str:
        return str(self.venv / "bin" / name)

    def url(self, port_name: str, path: str = "") -> str:
        return f"http://{HOST}:{self.ports[port_name]}{path}"

    @property
    def keystone_url(self) -> str:
        return self.url("KEYSTONE", "/v3")

    @property
    def rabbit_node(self) -> str:
        # one node name per port so two devclouds on one machine don't clash in epmd
        return f"devcloud{self.ports['RABBIT']}@localhost"

    def to_json(self) -> str:
        return json.dumps({
            "home": str(self.home),
            "venv": str(self.venv),
            "services": list(self.services),
            "ports": self.ports,
            "password": self.password,
            "keystone_url": self.keystone_url,
            "nova_host": NOVA_HOST,
        }, indent=2)
