"""Shared test set-up: generated test protos on sys.path, and the local cloud.

Tests run against the real OpenStack services of tools/devcloud (`eval
$(tools/devcloud/devcloud env)` sets OS_CLIENT_CONFIG_FILE). A test that needs the cloud
and finds none fails: a missing service is a failure, never a silent skip.
"""
from __future__ import annotations

import os
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gen"))


@pytest.fixture(scope="session")
def clouds_yaml() -> pathlib.Path:
    path = os.environ.get("OS_CLIENT_CONFIG_FILE")
    if not path or not pathlib.Path(path).is_file():
        pytest.fail("no local cloud: run `tools/devcloud/devcloud up` and "
                    "`eval $(tools/devcloud/devcloud env)` first (README: running the tests)")
    return pathlib.Path(path)
