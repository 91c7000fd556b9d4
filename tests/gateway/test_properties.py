"""Property tests: templates round-trip, queries round-trip, and nothing answers 5xx."""
from __future__ import annotations

import asyncio
import json
from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings, strategies as st

from gw_helpers import client_for, make_gateway
from gateway.pathtemplate import PathDecodeError, PathTemplate
from gateway.routes import MethodNotAllowed, NoRoute

RESERVED = ":/?#[]@!$&'()*+,;="
ident = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)
literal = st.from_regex(r"[a-z0-9][a-z0-9._~-]{0,6}", fullmatch=True)
any_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)
unreserved_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters=RESERVED),
                          min_size=1, max_size=12)


@st.composite
def template_and_values(draw):
    """A random template (literals, {f}, {f=lit/*}, trailing {f=**}, optional verb) + values."""
    parts, values, names = [], {}, iter(f"f{i}" for i in range(100))
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["literal", "single", "multi"]))
        if kind == "literal":
            parts.append(draw(literal))
        elif kind == "single":
            name = next(names)
            parts.append("{%s}" % name)
            values[name] = draw(any_text)
        else:
            name, lit = next(names), draw(literal)
            parts.append("{%s=%s/*}" % (name, lit))
            values[name] = f"{lit}/{draw(unreserved_text)}"
    if draw(st.booleans()):
        name = next(names)
        parts.append("{%s=**}" % name)
        values[name] = "/".join(draw(st.lists(unreserved_text, min_size=1, max_size=3)))
    verb = draw(st.one_of(st.none(), literal))
    source = "/" + "/".join(parts) + (f":{verb}" if verb else "")
    return source, values


@given(template_and_values())
@settings(max_examples=300)
def test_expand_then_match_round_trips(case):
    source, values = case
    template = PathTemplate.parse(source)
    path = template.expand(values)
    assert template.match(path) == values


@given(st.text(max_size=40))
@settings(max_examples=300)
def test_random_paths_only_give_routing_answers(path):
    gw, _ = make_gateway()
    for method in ("GET", "POST", "DELETE"):
        try:
            gw.routes.lookup(method, "/" + path)
        except (NoRoute, MethodNotAllowed, PathDecodeError):
            pass


def _run(coro):
    return asyncio.run(coro)


async def _get(url: str):
    gw, _ = make_gateway()
    async with client_for(gw.app) as client:
        return await client.get(url)


query_keys = st.sampled_from([
    "name", "int32Value", "int64_value", "uint64Value", "doubleValue", "boolValue", "bytesValue", "hue",
    "tags", "numbers", "hues", "inner.id", "inner.size", "inner.child.hue", "labels[k]", "counts[1]",
    "when", "timeout", "mask", "maybeSize", "maybeFlag", "optValue", "choiceA", "choiceB", "extra",
    "items.id", "unknown", "inner.nope", "labels", "hueMap[x]", "a.b.c", "",
])


@given(st.lists(st.tuples(query_keys, st.text(max_size=12)), max_size=6))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_queries_never_answer_5xx(pairs):
    response = _run(_get("/v1/echo?" + urlencode(pairs)))
    assert response.status_code in (200, 400), response.text
    body = response.json()
    if response.status_code == 400:
        assert body["code"] == 3 and body["message"]


@given(st.binary(max_size=30))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_raw_query_bytes_never_answer_5xx(raw):
    response = _run(_get("/v1/echo?" + quote(raw, safe="=&[]")))
    assert response.status_code in (200, 400)


@given(
    name=any_text, i32=st.integers(-2**31, 2**31 - 1), i64=st.integers(-2**63, 2**63 - 1),
    flag=st.booleans(), tags=st.lists(any_text, max_size=3), hue=st.sampled_from(["HUE_RED", "HUE_GREEN"]),
    label=st.tuples(any_text, any_text), blob=st.binary(max_size=10),
)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_typed_query_values_round_trip(name, i32, i64, flag, tags, hue, label, blob):
    import base64

    query = [("name", name), ("int32Value", str(i32)), ("int64Value", str(i64)),
             ("boolValue", "true" if flag else "false"), ("hue", hue), (f"labels[{label[0]}]", label[1]),
             ("bytesValue", base64.urlsafe_b64encode(blob).decode())]
    query += [("tags", t) for t in tags]
    response = _run(_get("/v1/echo?" + urlencode(query)))
    assert response.status_code == 200, response.text
    body = json.loads(response.content)
    assert (body["name"], body["int32Value"], body["int64Value"], body["boolValue"], body["hue"]) == (
        name, i32, str(i64), flag, hue)
    assert body["tags"] == tags
    assert body["labels"] == {label[0]: label[1]}
    assert base64.b64decode(body["bytesValue"]) == blob
