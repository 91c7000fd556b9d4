"""The clouds.yaml that points openstacksdk at devcloud.

Written as plain text (it's tiny and the tool runs on the bare system python,
without PyYAML). `devcloud` lists both regions, so openstacksdk yields one
CloudRegion per region for it; `region_name` picks RegionOne by default.
"""
from __future__ import annotations

from .config import Config

CLOUDS = (  # cloud name, user, project, extra lines
    ("devcloud", "demo", "demo", ["    regions:", "      - RegionOne", "      - RegionTwo"]),
    ("devcloud-alt", "alt", "alt", []),
    ("devcloud-admin", "admin", "admin", []),
)


def clouds_yaml(cfg: Config) -> str:
    password = cfg.password.replace("'", "''")  # YAML single-quoted string
    lines = ["# written by `devcloud up`; regenerated on every up", "clouds:"]
    for name, user, project, extra in CLOUDS:
        lines += [
            f"  {name}:",
            "    auth:",
            f"      auth_url: {cfg.keystone_url}",
            f"      username: {user}",
            f"      password: '{password}'",
            f"      project_name: {project}",
            "      user_domain_name: Default",
            "      project_domain_name: Default",
            "    region_name: RegionOne",
            *extra,
            "    identity_api_version: 3",
        ]
    return "\n".join(lines) + "\n"


def write(cfg: Config) -> None:
    cfg.clouds_yaml.write_text(clouds_yaml(cfg))
