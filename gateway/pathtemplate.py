"""google.api.http path templates: parse, match, expand.

Grammar (google/api/http.proto):

    Template  = "/" Segments [ Verb ] ;
    Segments  = Segment { "/" Segment } ;
    Segment   = "*" | "**" | LITERAL | Variable ;
    Variable  = "{" FieldPath [ "=" Segments ] "}" ;
    FieldPath = IDENT { "." IDENT } ;
    Verb      = ":" LITERAL ;

Percent-decoding follows the spec, not grpc-gateway's legacy mode:

* a single-segment variable (``{f}``, ``{f=*}``) is fully decoded, so ``%2F`` becomes
  a ``/`` inside the value;
* a multi-segment variable (``{f=**}``, ``{name=projects/*/images/*}``) is decoded
  except for RFC 6570 reserved characters, which stay percent-encoded (the spec's
  default, ``fully_decode_reserved_expansion = false``), so ``%2F`` never turns into
  a segment separator.

The request path is split on ``/`` *before* decoding, so an encoded slash can never
change which route matches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

__all__ = ["PathTemplate", "Variable", "TemplateError", "PathDecodeError"]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LITERAL = re.compile(r"[^/{}*:=]+")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
# RFC 6570 reserved = gen-delims / sub-delims: kept encoded inside multi-segment values.
_RESERVED = frozenset(":/?#[]@!$&'()*+,;=")
_SINGLE_SAFE = "-_.~"
_MULTI_SAFE = "-_.~/"


class TemplateError(ValueError):
    """The template text does not follow the grammar."""


class PathDecodeError(ValueError):
    """A request path holds a malformed percent-escape or invalid UTF-8 (a 400, not a 404)."""


@dataclass(frozen=True)
class Variable:
    """A ``{field.path=pattern}`` capture covering template segments [start, end)."""

    field_path: tuple[str, ...]
    start: int
    end: int | None  # None: runs to the end of the path (the pattern ends with "**")
    pattern: str  # "*" for ``{f}``; otherwise the text after "="

    @property
    def name(self) -> str:
        return ".".join(self.field_path)

    @property
    def multi_segment(self) -> bool:
        return "/" in self.pattern or "**" in self.pattern


@dataclass(frozen=True)
class PathTemplate:
    source: str
    segments: tuple[str, ...]  # literal text, "*" or "**"; variables expanded into their patterns
    variables: tuple[Variable, ...]
    verb: str | None

    # ---- parsing -------------------------------------------------------------------
    @classmethod
    def parse(cls, source: str) -> "PathTemplate":
        return _Parser(source).parse()

    @property
    def shape(self) -> tuple:
        """What routing sees: two templates with the same shape can never be told apart."""
        return (self.segments, self.verb)

    @property
    def specificity(self) -> tuple:
        """Sort key, most specific first: verb, then literal segments, then fixed length."""
        literals = sum(1 for s in self.segments if s not in ("*", "**"))
        return (self.verb is not None, literals, "**" not in self.segments, len(self.segments))

    # ---- matching -------------------------------------------------------------------
    def match(self, path: str) -> dict[str, str] | None:
        """Match a raw (still percent-encoded) request path; return {field path: value}.

        Returns None when the path does not match. Raises PathDecodeError when it matches
        but a captured or literal segment has a malformed escape.
        """
        if not path.startswith("/"):
            return None
        parts = path[1:].split("/")
        if self.verb is not None:
            last = parts[-1]
            suffix = ":" + self.verb
            if not last.endswith(suffix):
                return None
            parts[-1] = last[: -len(suffix)]
            # "/v1/:verb" (an empty last segment) is not a match, as in grpc-gateway.
            if not parts[-1] and (not self.segments or self.segments[-1] != "**"):
                return None
        if not self._fits(parts):
            return None
        values: dict[str, str] = {}
        for var in self.variables:
            end = len(parts) if var.end is None else var.end
            captured = parts[var.start:end]
            if var.multi_segment:
                values[var.name] = "/".join(_decode(p, keep_reserved=True) for p in captured)
            else:
                values[var.name] = _decode(captured[0], keep_reserved=False)
        return values

    @property
    def _deep(self) -> bool:
        return bool(self.segments) and self.segments[-1] == "**"

    def _fits(self, parts: list[str]) -> bool:
        segs = self.segments
        if self._deep:
            fixed = segs[:-1]
            if len(parts) < len(fixed):
                return False
            # "/v1/**" must not match "/v1" but does match "/v1/" and deeper.
            if len(parts) == len(fixed) and fixed:
                return False
        else:
            fixed = segs
            if len(parts) != len(fixed):
                return False
        for seg, part in zip(fixed, parts):
            if seg == "*":
                if not part:
                    return False
            elif _decode_or_none(part) != seg:
                return False
        return True

    # ---- expansion (the client side: used for Location headers and tests) -------------
    def expand(self, values: dict[str, str]) -> str:
        """Build a path from field values: the inverse of ``match`` for spec-encoded values."""
        out: list[str] = []
        covered: dict[int, Variable] = {v.start: v for v in self.variables}
        i = 0
        while i < len(self.segments):
            var = covered.get(i)
            if var is not None:
                value = values[var.name]
                out.append(quote(value, safe=_MULTI_SAFE if var.multi_segment else _SINGLE_SAFE))
                i = len(self.segments) if var.end is None else var.end
                continue
            seg = self.segments[i]
            if seg in ("*", "**"):
                raise ValueError(f"template {self.source} has an unnamed wildcard; cannot expand")
            out.append(quote(seg, safe=_SINGLE_SAFE + "!$&'()+,;=@"))
            i += 1
        return "/" + "/".join(out) + (":" + self.verb if self.verb is not None else "")

    def __str__(self) -> str:
        return self.source


def _decode_or_none(part: str) -> str | None:
    try:
        return _decode(part, keep_reserved=False)
    except PathDecodeError:
        return None


def _decode(text: str, *, keep_reserved: bool) -> str:
    if "%" not in text:
        return text
    raw = bytearray()
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "%":
            m = _PERCENT.match(text, i)
            if m is None:
                raise PathDecodeError(f"malformed percent-escape in path segment {text!r}")
            byte = int(m.group(1), 16)
            if keep_reserved and chr(byte) in _RESERVED:
                raw += text[i:i + 3].encode()
            else:
                raw.append(byte)
            i += 3
        else:
            raw += ch.encode()
            i += 1
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PathDecodeError(f"path segment {text!r} is not UTF-8 after decoding") from None


class _Parser:
    def __init__(self, source: str):
        self.source = source
        self.pos = 0
        self.segments: list[str] = []
        self.variables: list[Variable] = []

    def fail(self, why: str) -> TemplateError:
        return TemplateError(f"invalid path template {self.source!r} at offset {self.pos}: {why}")

    def peek(self) -> str:
        return self.source[self.pos] if self.pos < len(self.source) else ""

    def parse(self) -> PathTemplate:
        if self.peek() != "/":
            raise self.fail("must start with '/'")
        self.pos += 1
        self.parse_segments(in_variable=False)
        verb = None
        if self.peek() == ":":
            self.pos += 1
            verb = self.source[self.pos:]
            if not verb or "/" in verb or "{" in verb or "}" in verb:
                raise self.fail("verb must be a non-empty literal")
            self.pos = len(self.source)
        if self.pos != len(self.source):
            raise self.fail(f"unexpected {self.peek()!r}")
        if "**" in self.segments[:-1]:
            raise self.fail("'**' may only be the last segment")
        names = [v.name for v in self.variables]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise self.fail(f"variable {sorted(dupes)[0]!r} bound twice")
        return PathTemplate(self.source, tuple(self.segments), tuple(self.variables), verb)

    def parse_segments(self, in_variable: bool) -> None:
        while True:
            self.parse_segment(in_variable)
            if self.peek() == "/":
                self.pos += 1
                continue
            return

    def parse_segment(self, in_variable: bool) -> None:
        ch = self.peek()
        if ch == "*":
            if self.source.startswith("**", self.pos):
                self.pos += 2
                self.segments.append("**")
            else:
                self.pos += 1
                self.segments.append("*")
            return
        if ch == "{":
            if in_variable:
                raise self.fail("variables cannot be nested")
            self.parse_variable()
            return
        m = _LITERAL.match(self.source, self.pos)
        if m is None:
            raise self.fail("expected a segment")
        self.pos = m.end()
        self.segments.append(m.group())

    def parse_variable(self) -> None:
        self.pos += 1  # "{"
        path: list[str] = []
        while True:
            m = _IDENT.match(self.source, self.pos)
            if m is None:
                raise self.fail("expected a field name")
            path.append(m.group())
            self.pos = m.end()
            if self.peek() != ".":
                break
            self.pos += 1
        start = len(self.segments)
        if self.peek() == "=":
            self.pos += 1
            pattern_start = self.pos
            self.parse_segments(in_variable=True)
            pattern = self.source[pattern_start:self.pos]
        else:
            self.segments.append("*")
            pattern = "*"
        if self.peek() != "}":
            raise self.fail("expected '}'")
        self.pos += 1
        end = None if self.segments[-1] == "**" else len(self.segments)
        self.variables.append(Variable(tuple(path), start, end, pattern))
