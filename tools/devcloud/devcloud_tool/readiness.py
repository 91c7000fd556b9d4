"""Wait until the RPC workers behind the APIs are usable (runs in the venv).

An API answering is not enough: a server boots only once nova-compute has
reported in and is mapped to cell1, and a volume is created only once
cinder-volume has reported in.

usage: python -m devcloud_tool.readiness <state>/devcloud.json [STARTED_AT]

STARTED_AT (unix time): only heartbeats after it count. A restored snapshot holds
the old service rows, which look "up" for a minute whether or not the new
processes ever report in.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from keystoneauth1.exceptions import ClientException
from openstack.exceptions import SDKException


class NotReady(Exception):
    pass


def wait_for(what: str, check, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (SDKException, ClientException) as e:  # still starting: retry until the deadline
            last_error = e
        time.sleep(1)
    raise NotReady(f"timed out after {timeout:.0f}s waiting for {what}"
                   + (f" (last error: {last_error})" if last_error else ""))


def _heartbeat_after(service, since: float) -> bool:
    if not service.updated_at:
        return False
    beat = datetime.fromisoformat(service.updated_at.rstrip("Z")).replace(tzinfo=UTC)
    return beat.timestamp() > since


def _service_up(services, binary: str, since: float) -> bool:
    return any(s.binary == binary and s.state == "up" and s.status == "enabled"
               and _heartbeat_after(s, since) for s in services)


def wait_compute(conn, cfg: dict, since: float = 0) -> None:
    wait_for("nova-compute to report in",
             lambda: _service_up(conn.compute.services(), "nova-compute", since))
    # map the compute host into cell1 (the scheduler would also do it within 5 s)
    subprocess.run([str(Path(cfg["venv"]) / "bin/nova-manage"), "--config-file",
                    str(Path(cfg["home"]) / "etc/nova/nova.conf"), "cell_v2", "discover_hosts"],
                   check=True, capture_output=True)
    wait_for("the fake hypervisor", lambda: list(conn.compute.hypervisors()))


def wait_volume(conn, since: float = 0) -> None:
    wait_for("cinder-volume to report in",
             lambda: _service_up(conn.block_storage.services(), "cinder-volume", since))


def wait_all(conn, cfg: dict, since: float = 0) -> None:
    if "nova" in cfg["services"]:
        wait_compute(conn, cfg, since)
        print("nova-compute: up and mapped")
    if "cinder" in cfg["services"]:
        wait_volume(conn, since)
        print("cinder-volume: up")


if __name__ == "__main__":
    from devcloud_tool.catalog import admin_connection

    with open(sys.argv[1]) as f:
        config = json.load(f)
    started_at = float(sys.argv[2]) if len(sys.argv) > 2 else 0
    try:
        wait_all(admin_connection(config), config, started_at)
    except NotReady as e:
        sys.exit(str(e))
