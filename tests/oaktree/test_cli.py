"""The `oaktree` command: help that helps, clear errors for bad options."""
from __future__ import annotations

import subprocess
import sys


def oaktree(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "oaktree", *args], capture_output=True,
                          text=True, timeout=60, env=env)


def test_help_lists_commands():
    result = oaktree("--help")
    assert result.returncode == 0
    assert "serve" in result.stdout and "clouds.yaml" in result.stdout


def test_serve_help_documents_ports_and_defaults():
    result = oaktree("serve", "--help")
    assert result.returncode == 0
    for text in ("--grpc-port", "50051", "--http-port", "8080", "--cloud", "OAKTREE_GRPC_PORT"):
        assert text in result.stdout


def test_unknown_cloud_is_a_usage_error(clouds_yaml):
    result = oaktree("serve", "--cloud", "no-such-cloud", "--clouds-file", str(clouds_yaml))
    assert result.returncode == 2
    assert "no-such-cloud" in result.stderr
    assert "Traceback" not in result.stderr


def test_clouds_command_lists_configuration(clouds_yaml):
    result = oaktree("clouds", "--clouds-file", str(clouds_yaml))
    assert result.returncode == 0, result.stderr
    for name in ("devcloud", "devcloud-alt", "devcloud-admin", "RegionTwo"):
        assert name in result.stdout
    assert "secret" not in result.stdout


def test_port_in_use_is_reported(server, clouds_yaml):
    result = oaktree("serve", "--clouds-file", str(clouds_yaml), "--grpc-port", "0",
                     "--http-port", str(server.http_port))
    assert result.returncode == 1
    assert str(server.http_port) in result.stderr
    assert "Traceback" not in result.stderr
