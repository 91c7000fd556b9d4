from __future__ import annotations

import pathlib
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
for path in (HERE.parent / "gen", HERE):  # tests/conftest.py adds tests/gen too; harmless twice
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from gw_helpers import client_for, make_gateway  # noqa: E402


@pytest.fixture
def gateway():
    gw, _ = make_gateway()
    return gw


@pytest.fixture
async def client(gateway):
    async with client_for(gateway.app) as c:
        yield c
