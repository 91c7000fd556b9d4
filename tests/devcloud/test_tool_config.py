"""The devcloud tool's own logic, without a cloud: settings, templates, clouds.yaml."""
import pathlib
import sys

import pytest
import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tools" / "devcloud"))

from devcloud_tool import clouds, configs, services
from devcloud_tool.config import Config, ConfigError


def test_defaults(tmp_path):
    cfg = Config.from_env({"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert cfg.home == tmp_path / "cache" / "oaktree-devcloud"
    assert cfg.services == ("keystone", "glance", "swift", "neutron", "nova", "cinder")
    assert cfg.ports["SWIFT"] == 8090  # never oaktree's 8080
    assert 50051 not in cfg.ports.values() and 8080 not in cfg.ports.values()
    assert cfg.password == "secret"
    assert cfg.venv == cfg.home / "venv"


def test_overrides(tmp_path):
    cfg = Config.from_env({"DEVCLOUD_HOME": str(tmp_path), "DEVCLOUD_SERVICES": "glance,swift",
                           "DEVCLOUD_PORT_KEYSTONE": "15000", "DEVCLOUD_PASSWORD": "pw",
                           "DEVCLOUD_VENV": str(tmp_path / "v")})
    assert cfg.services == ("keystone", "glance", "swift")  # keystone always, fixed order
    assert cfg.keystone_url == "http://127.0.0.1:15000/v3"
    assert cfg.password == "pw"
    assert cfg.venv == tmp_path / "v"
    assert not cfg.needs_rabbit


@pytest.mark.parametrize("env, message", [
    ({"DEVCLOUD_SERVICES": "keystone heat"}, "heat"),
    ({"DEVCLOUD_PORT_NOVA": "eighty"}, "DEVCLOUD_PORT_NOVA"),
])
def test_bad_settings_are_errors(env, message):
    with pytest.raises(ConfigError, match=message):
        Config.from_env(env)


def test_processes_follow_the_services(tmp_path):
    keystone_only = Config.from_env({"DEVCLOUD_HOME": str(tmp_path), "DEVCLOUD_SERVICES": "keystone"})
    assert [p.name for p in services.processes(keystone_only)] == ["keystone"]
    cinder = Config.from_env({"DEVCLOUD_HOME": str(tmp_path), "DEVCLOUD_SERVICES": "cinder"})
    names = [p.name for p in services.processes(cinder)]
    assert names[:2] == ["epmd", "rabbitmq"]  # cinder brings the broker
    assert "nova-api" not in names and "cinder-volume" in names
    assert set(services.ports_needed(cinder)) == {
        "KEYSTONE", "CINDER", "RABBIT", "RABBIT_DIST", "EPMD"}


def test_every_listener_binds_loopback_only(tmp_path):
    cfg = Config.from_env({"DEVCLOUD_HOME": str(tmp_path)})
    for proc in services.processes(cfg):
        for i, arg in enumerate(proc.argv):
            if arg in ("--http11-socket", "-address"):
                assert proc.argv[i + 1].startswith("127.0.0.1"), proc.name


def test_render_fills_placeholders_and_includes():
    text = configs.render_text("a = @X@\n@INCLUDE authtoken.inc@\n",
                               {"X": "1", "HOST": "h", "PORT_KEYSTONE": "5", "SERVICE": "s",
                                "PASSWORD": "p"})
    assert text.startswith("a = 1\n[keystone_authtoken]")
    assert "auth_url = http://h:5/v3" in text and "username = s" in text


def test_render_refuses_a_missing_value():
    with pytest.raises(configs.RenderError, match="@NOPE@"):
        configs.render_text("x = @NOPE@", {})


def test_clouds_yaml(tmp_path):
    cfg = Config.from_env({"DEVCLOUD_HOME": str(tmp_path), "DEVCLOUD_PASSWORD": "it's"})
    text = clouds.clouds_yaml(cfg)
    doc = yaml.safe_load(text)["clouds"]
    assert set(doc) == {"devcloud", "devcloud-alt", "devcloud-admin"}
    assert doc["devcloud"]["regions"] == ["RegionOne", "RegionTwo"]
    assert {c["region_name"] for c in doc.values()} == {"RegionOne"}
    assert {c["auth"]["password"] for c in doc.values()} == {"it's"}
    assert (doc["devcloud-alt"]["auth"]["username"], doc["devcloud-alt"]["auth"]["project_name"]) \
        == ("alt", "alt")
