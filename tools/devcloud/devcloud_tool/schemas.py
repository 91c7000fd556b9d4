"""Cold start: create every database schema, Keystone's keys and Swift's rings.

Each service's steps form a chain of commands; the chains run in parallel
(they touch different files) and each logs to ``<state>/log/<chain>-setup.log``.
This is the slow part that the snapshot (``snapshot.py``) lets later ``up``s skip.
"""
from __future__ import annotations

import getpass
import grp
import os
import sqlite3
import subprocess
import uuid
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from .config import HOST, TOOL_DIR, Config

COMPUTE_NODE_UUID = uuid.UUID("d3c10ad0-0000-4000-8000-00000000c0de")


class SetupError(Exception):
    pass


def data_dirs(cfg: Config) -> list[Path]:
    d = cfg.data
    dirs = [d / "lock", d / "keystone"]
    for name in ("glance", "glance-r2"):
        dirs += [d / name / "images", d / name / "staging", d / name / "tasks"]
    dirs += [d / "swift/node/d1", d / "swift/recon", d / "nova/instances",
             d / "cinder/coordination", d / "rabbitmq"]
    return dirs


def sqlite_url(cfg: Config, db: str) -> str:
    # the busy timeout matters: nova and cinder run several writers on one file
    return f"sqlite:///{cfg.data / db}.sqlite?timeout=60"


def chains(cfg: Config) -> dict[str, list[list[str]]]:
    etc = cfg.etc
    user, group = getpass.getuser(), grp.getgrgid(os.getgid()).gr_name
    km = [cfg.bin("keystone-manage"), "--config-file", f"{etc}/keystone/keystone.conf"]
    ks_url = cfg.keystone_url
    out = {"keystone": [
        km + ["db_sync"],
        km + ["fernet_setup", "--keystone-user", user, "--keystone-group", group],
        km + ["credential_setup", "--keystone-user", user, "--keystone-group", group],
        km + ["bootstrap", "--bootstrap-password", cfg.password,
              "--bootstrap-region-id", "RegionOne", "--bootstrap-admin-url", ks_url,
              "--bootstrap-public-url", ks_url, "--bootstrap-internal-url", ks_url],
    ]}
    if cfg.has("glance"):
        for name in ("glance", "glance-r2"):
            out[name] = [[cfg.bin("glance-manage"), "--config-file",
                          f"{etc}/{name}/glance-api.conf", "db_sync"]]
    if cfg.has("neutron"):
        out["neutron"] = [
            # neutron's alembic migrations can't ALTER constraints on SQLite:
            # build the schema from the models, then mark it current
            [cfg.bin("python"), "-m", "devcloud_tool.neutron_schema", sqlite_url(cfg, "neutron")],
            [cfg.bin("neutron-db-manage"), "--config-file", f"{etc}/neutron/neutron.conf",
             "--config-file", f"{etc}/neutron/ml2_conf.ini", "stamp", "heads"],
        ]
    if cfg.has("nova"):
        nm = [cfg.bin("nova-manage"), "--config-file", f"{etc}/nova/nova.conf"]
        out["placement"] = [[cfg.bin("placement-manage"), "--config-file",
                             f"{etc}/placement/placement.conf", "db", "sync"]]
        out["nova"] = [
            nm + ["api_db", "sync"],
            nm + ["cell_v2", "map_cell0", "--database_connection", sqlite_url(cfg, "nova_cell0")],
            nm + ["db", "sync"],
            nm + ["cell_v2", "create_cell", "--name", "cell1", "--verbose"],
        ]
    if cfg.has("cinder"):
        out["cinder"] = [[cfg.bin("cinder-manage"), "--config-file",
                          f"{etc}/cinder/cinder.conf", "db", "sync"]]
    if cfg.has("swift"):
        ring = []
        for kind, port in (("account", "SWIFT_ACCOUNT"), ("container", "SWIFT_CONTAINER"),
                           ("object", "SWIFT_OBJECT")):
            builder = f"{etc}/swift/{kind}.builder"
            rb = [cfg.bin("swift-ring-builder"), builder]
            ring += [rb + ["create", "8", "1", "1"],
                     rb + ["add", f"r1z1-{HOST}:{cfg.ports[port]}/d1", "100"],
                     rb + ["rebalance"]]
        out["swift"] = ring
    return out


def _run_chain(cfg: Config, name: str, steps: list[list[str]]) -> None:
    log = cfg.log / f"{name}-setup.log"
    env = dict(os.environ, PYTHONPATH=str(TOOL_DIR))
    with open(log, "wb") as out:
        for argv in steps:
            out.write(f"$ {' '.join(argv)}\n".encode())
            out.flush()
            rc = subprocess.call(argv, stdout=out, stderr=subprocess.STDOUT, env=env,
                                 cwd=cfg.home)
            # swift-ring-builder rebalance exits 1 for "balanced, with warnings"
            if rc != 0 and not (argv[-1] == "rebalance" and rc == 1):
                tail = "\n".join(log.read_text(errors="replace").splitlines()[-15:])
                raise SetupError(f"{name}: `{' '.join(argv[:3])} ...` failed (exit {rc}); "
                                 f"see {log}\n{tail}")


def write_compute_id(cfg: Config) -> None:
    """Give nova-compute a fixed node identity file in its state_path.

    A nova-compute that finds its service in the DB but no ``compute_id`` file
    refuses to start ("No local node identity found"); with a fixed file the node
    uuid is the same in every run and in the snapshot.
    """
    (cfg.data / "nova" / "compute_id").write_text(str(COMPUTE_NODE_UUID) + "\n")


def create_all(cfg: Config, progress) -> None:
    for d in data_dirs(cfg):
        d.mkdir(parents=True, exist_ok=True)
    if cfg.has("nova"):
        write_compute_id(cfg)
    todo = chains(cfg)
    progress(f"schemas: {' '.join(todo)} (parallel)")
    with ThreadPoolExecutor(max_workers=len(todo)) as pool:
        futures = {pool.submit(_run_chain, cfg, name, steps): name for name, steps in todo.items()}
        for fut in as_completed(futures):
            fut.result()
            progress(f"{futures[fut]}: schema ready")
    enable_wal(cfg)


def enable_wal(cfg: Config) -> None:
    """WAL lets readers and the several writers of one SQLite file coexist."""
    for db in sorted(cfg.data.glob("*.sqlite")):
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA journal_mode=WAL")


def mark_keystone_users_active(cfg: Config) -> None:
    """Set every user's last_active_at to today, while no login is under way.

    Keystone writes user.last_active_at on a user's first login of the day. When the
    services all log in at once (right after start) those writes collide on SQLite
    and one login fails with "database is locked" (a 500 with no body). With today's
    date already stored, keystone has nothing to write.
    """
    with sqlite3.connect(cfg.data / "keystone.sqlite", timeout=60) as conn:
        conn.execute("UPDATE user SET last_active_at = date('now')")
