"""First-use installation: the devcloud venv (pip) and RabbitMQ (apt).

The venv is separate from oaktree's and pinned to one OpenStack release. A
marker file records a hash of what was asked for, so changing the pins (or the
ML2 driver) reinstalls, and an interrupted install is retried.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .config import CONSTRAINTS_FILE, PACKAGES, TOOL_DIR, Config

ML2_DRIVER_DIR = TOOL_DIR / "devcloud_ml2"
VENV_ADDONS_DIR = TOOL_DIR / "venv_addons"  # copied into the venv's site-packages
RABBITMQ_SERVER = Path("/usr/lib/rabbitmq/bin/rabbitmq-server")
POLICY_RC = Path("/usr/sbin/policy-rc.d")


class InstallError(Exception):
    pass


def install_spec_hash() -> str:
    h = hashlib.sha256()
    h.update("\n".join(PACKAGES).encode())
    h.update(CONSTRAINTS_FILE.read_bytes())
    for f in sorted(ML2_DRIVER_DIR.glob("*.*")):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _marker(cfg: Config) -> Path:
    return cfg.venv / ".devcloud-installed"


def venv_ready(cfg: Config) -> bool:
    marker = _marker(cfg)
    return marker.is_file() and marker.read_text().strip() == install_spec_hash()


def _run(argv: list[str], log: Path) -> None:
    with open(log, "ab") as out:
        out.write(f"\n$ {' '.join(argv)}\n".encode())
        out.flush()
        rc = subprocess.call(argv, stdout=out, stderr=subprocess.STDOUT)
    if rc != 0:
        tail = log.read_text(errors="replace").splitlines()[-20:]
        raise InstallError(f"{argv[0]} failed (exit {rc}); see {log}\n" + "\n".join(tail))


def install_venv(cfg: Config, progress) -> None:
    log = cfg.log / "pip-install.log"
    cfg.log.mkdir(parents=True, exist_ok=True)
    log.write_text("")
    if shutil.which(cfg.python) is None:
        raise InstallError(f"{cfg.python} not found (set DEVCLOUD_PYTHON to a Python 3.11 interpreter)")
    progress(f"install: creating venv {cfg.venv} (first use; pip log: {log})")
    shutil.rmtree(cfg.venv, ignore_errors=True)
    _run([cfg.python, "-m", "venv", str(cfg.venv)], log)
    pip = [cfg.bin("python"), "-m", "pip", "--disable-pip-version-check"]
    _run(pip + ["install", "-U", "pip", "setuptools", "wheel"], log)
    progress("install: pip install OpenStack 2026.1 (keystone glance swift neutron nova placement cinder)")
    _run(pip + ["install", "-c", str(CONSTRAINTS_FILE), *PACKAGES], log)
    # build from a copy: an in-tree build would leave build/ and *.egg-info in the checkout
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "devcloud_ml2"
        shutil.copytree(ML2_DRIVER_DIR, src)
        _run(pip + ["install", "--no-deps", "--no-build-isolation", str(src)], log)
    _marker(cfg).write_text(install_spec_hash() + "\n")
    progress("install: venv ready")


def install_addons(cfg: Config) -> None:
    """Copy venv_addons/ (SQLite fixes loaded through .pth files) into the venv.

    Done on every `up`: two small files, and a changed addon needs no pip run."""
    site_packages = subprocess.run(
        [cfg.bin("python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip()
    for f in VENV_ADDONS_DIR.iterdir():
        if f.suffix in (".py", ".pth"):
            shutil.copyfile(f, Path(site_packages) / f.name)


def rabbitmq_installed() -> bool:
    return RABBITMQ_SERVER.exists()


def install_rabbitmq(cfg: Config, progress) -> None:
    if os.geteuid() != 0:
        raise InstallError("RabbitMQ (for nova/cinder) is missing: run "
                           "`sudo apt-get install rabbitmq-server` or leave nova and cinder out of "
                           "DEVCLOUD_SERVICES")
    log = cfg.log / "apt-install.log"
    cfg.log.mkdir(parents=True, exist_ok=True)
    progress(f"install: apt-get install rabbitmq-server (first use; log: {log})")
    # a policy-rc.d that exits 101 keeps the package from starting a system-wide broker:
    # devcloud runs its own, on loopback, under its state dir
    made_policy = not POLICY_RC.exists()
    if made_policy:
        POLICY_RC.write_text("#!/bin/sh\nexit 101\n")
        POLICY_RC.chmod(0o755)
    try:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        apt = ["apt-get", "-o", "DPkg::Lock::Timeout=300"]
        policy = subprocess.run(["apt-cache", "policy", "rabbitmq-server"],
                                capture_output=True, text=True, check=False).stdout
        if "Candidate: (none)" in policy or "Candidate:" not in policy:
            subprocess.run(apt + ["update", "-qq"], env=env, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(log, "ab") as out:
            rc = subprocess.call(apt + ["install", "-y", "-qq", "--no-install-recommends",
                                        "rabbitmq-server"], env=env, stdout=out,
                                 stderr=subprocess.STDOUT)
        if rc != 0:
            raise InstallError(f"apt-get install rabbitmq-server failed; see {log}")
    finally:
        if made_policy:
            POLICY_RC.unlink(missing_ok=True)
    progress("install: rabbitmq-server installed")
