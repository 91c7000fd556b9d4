"""`devcloud up` twice, `status`, `down` on an isolated keystone-only instance.

Its own state dir and port, sharing the installed venv, so it never touches the
devcloud the other tests use.
"""
import os
import pathlib
import socket
import subprocess

import pytest

DEVCLOUD = pathlib.Path(__file__).resolve().parents[2] / "tools" / "devcloud" / "devcloud"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _venv(clouds_yaml: pathlib.Path) -> str:
    return os.environ.get("DEVCLOUD_VENV") or str(clouds_yaml.parent / "venv")


@pytest.fixture
def isolated(tmp_path, clouds_yaml):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEVCLOUD_", "OS_"))}
    env.update(DEVCLOUD_HOME=str(tmp_path / "home"), DEVCLOUD_SERVICES="keystone",
               DEVCLOUD_PORT_KEYSTONE=str(_free_port()), DEVCLOUD_VENV=_venv(clouds_yaml))

    def run(verb, **extra_env):
        return subprocess.run([str(DEVCLOUD), verb], env=env | extra_env, capture_output=True,
                              text=True, timeout=600, check=False)

    run.env = env
    yield run
    run("down")


def _pid_of_keystone(status_out: str) -> int:
    row = next(line.split() for line in status_out.splitlines() if line.startswith("keystone "))
    assert row[1] == "running", status_out
    return int(row[3])


def _alive(pid: int) -> bool:
    try:
        state = pathlib.Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited, it only waits for init to reap it


def test_up_twice_status_and_down(isolated):
    home = pathlib.Path(isolated.env["DEVCLOUD_HOME"])
    port = int(isolated.env["DEVCLOUD_PORT_KEYSTONE"])

    first = isolated("up")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "keystone: up" in first.stdout
    assert first.stdout.strip().splitlines()[-1] == f"export OS_CLIENT_CONFIG_FILE={home}/clouds.yaml"

    status = isolated("status")
    assert status.returncode == 0, status.stdout
    pid = _pid_of_keystone(status.stdout)
    assert (home / "run" / "keystone.pid").is_file()
    assert (home / "log" / "keystone.log").is_file()

    second = isolated("up")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "already running" in second.stdout
    assert _pid_of_keystone(isolated("status").stdout) == pid  # nothing restarted

    down = isolated("down")
    assert down.returncode == 0, down.stderr
    assert "stopped 1 processes: keystone" in down.stdout
    assert not _alive(pid)
    with socket.socket() as s:  # the port is free again (TIME_WAIT leftovers aside)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))

    stopped = isolated("status")
    assert stopped.returncode == 3
    assert "stopped" in stopped.stdout.splitlines()[1]
    assert "not running" in isolated("down").stdout


def test_up_after_down_restores_the_snapshot(isolated):
    assert isolated("up").returncode == 0
    assert isolated("down").returncode == 0
    warm = isolated("up")
    assert warm.returncode == 0, warm.stdout + warm.stderr
    assert "warm start from snapshot" in warm.stdout
    assert "schemas:" not in warm.stdout


def test_up_refuses_a_port_taken_by_another_program(isolated):
    port = int(isolated.env["DEVCLOUD_PORT_KEYSTONE"])
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        result = isolated("up")
    assert result.returncode == 1
    assert f"127.0.0.1:{port} (DEVCLOUD_PORT_KEYSTONE)" in result.stderr
    assert "not running" in isolated("down").stdout


def test_env_prints_one_export_line(isolated):
    result = isolated("env")
    home = isolated.env["DEVCLOUD_HOME"]
    assert result.stdout == f"export OS_CLIENT_CONFIG_FILE={home}/clouds.yaml\n"
