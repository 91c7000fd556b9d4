"""Conformance: one case per mapping rule, asserting status, headers and body."""
from __future__ import annotations

import json

import pytest

from cases import CASES, Case, request_kwargs


def check(case: Case, response) -> None:
    assert response.status_code == case.status, response.text
    for key, value in case.headers.items():
        assert response.headers.get(key) == value, (key, dict(response.headers))
    for key in case.absent_headers:
        assert key not in response.headers
    if case.raw is not None:
        assert response.content == case.raw
    elif case.body is not None:
        assert response.headers["content-type"] == "application/json"
        assert json.loads(response.content) == case.body
    elif case.status >= 400:  # error without an exact body: still a google.rpc.Status
        body = json.loads(response.content)
        assert set(body) == {"code", "message", "details"}
        assert body["code"] == 3 and body["message"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
async def test_case(client, case: Case):
    response = await client.request(case.method, case.url, **request_kwargs(case))
    check(case, response)
