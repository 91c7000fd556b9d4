"""Warm start: keep the freshly bootstrapped + seeded state and restore it later.

What is kept (everything under <state>/data except the message bus and locks):
- every SQLite database, copied with SQLite's online backup API so a copy taken
  while services run is consistent;
- Keystone's fernet and credential keys (tokens and the app credential stay valid);
- Glance's image stores of both regions (the seeded images' bytes);
- Nova's state_path with the compute node's persistent id (``compute_id``), so the
  restored nova-compute is the same host the restored DBs, cell mapping and
  placement resource provider know;
- Swift's rings (in etc/swift) and device dir; the app-credential.json file.
Not kept: RabbitMQ's mnesia (queues are transient; a fresh broker is cleaner).

The snapshot is keyed by everything that ends up inside those files: package
pins, services, ports, password, state dir, and the templates and seed code.
Any change makes a new cold bootstrap.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

from .config import TOOL_DIR, Config
from .install import install_spec_hash

SKIP_DIRS = {"rabbitmq", "lock"}
SWIFT_RING_GLOBS = ("*.ring.gz", "*.builder")
SEED_SOURCES = ("templates", "devcloud_tool/schemas.py", "devcloud_tool/catalog.py",
                "devcloud_tool/seed.py", "devcloud_tool/neutron_schema.py",
                "devcloud_tool/configs.py", "devcloud_tool/snapshot.py")
COMPLETE = "COMPLETE"


def _hash_sources(h) -> None:
    for rel in SEED_SOURCES:
        path = TOOL_DIR / rel
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            h.update(str(f.relative_to(TOOL_DIR)).encode())
            h.update(f.read_bytes())


def snapshot_key(cfg: Config) -> str:
    h = hashlib.sha256()
    h.update(json.dumps({"install": install_spec_hash(), "services": cfg.services,
                         "ports": cfg.ports, "password": cfg.password,
                         "home": str(cfg.home)}, sort_keys=True).encode())
    _hash_sources(h)
    return h.hexdigest()[:16]


def snapshot_dir(cfg: Config) -> Path:
    return cfg.snapshot_root / snapshot_key(cfg)


def available(cfg: Config) -> bool:
    return (snapshot_dir(cfg) / COMPLETE).is_file()


def _backup_sqlite(src: Path, dst: Path) -> None:
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=60) as source, \
            sqlite3.connect(dst) as target:
        source.backup(target)
    source.close()
    target.close()


def _copy_tree(src: Path, dst: Path, top: bool) -> None:
    dst.mkdir(parents=True, exist_ok=True)
    for entry in src.iterdir():
        if top and entry.name in SKIP_DIRS:
            continue
        if entry.name.endswith(("-wal", "-shm", "-journal")):
            continue  # folded into the backup copy
        if entry.is_dir():
            _copy_tree(entry, dst / entry.name, top=False)
        elif entry.suffix == ".sqlite":
            _backup_sqlite(entry, dst / entry.name)
        else:
            shutil.copy2(entry, dst / entry.name)


def save(cfg: Config) -> Path:
    target = snapshot_dir(cfg)
    shutil.rmtree(cfg.snapshot_root, ignore_errors=True)  # only the current key is worth keeping
    _copy_tree(cfg.data, target / "data", top=True)
    rings = target / "swift-rings"
    rings.mkdir()
    for pattern in SWIFT_RING_GLOBS:
        for f in (cfg.etc / "swift").glob(pattern):
            shutil.copy2(f, rings / f.name)
    if cfg.app_credential_file.is_file():
        shutil.copy2(cfg.app_credential_file, target / cfg.app_credential_file.name)
    (target / COMPLETE).write_text(snapshot_key(cfg) + "\n")
    return target


def restore(cfg: Config) -> None:
    source = snapshot_dir(cfg)
    shutil.rmtree(cfg.data, ignore_errors=True)
    shutil.copytree(source / "data", cfg.data)
    swift_etc = cfg.etc / "swift"
    swift_etc.mkdir(parents=True, exist_ok=True)
    for f in (source / "swift-rings").iterdir():
        shutil.copy2(f, swift_etc / f.name)
    saved_cred = source / cfg.app_credential_file.name
    if saved_cred.is_file():
        shutil.copy2(saved_cred, cfg.app_credential_file)
