"""Shared mode's interceptor: every call carries a Keystone token, and acts as its owner.

The token comes from gRPC metadata or REST headers (the gateway passes headers on as
metadata): `x-auth-token: <token>` or `authorization: Bearer <token>` (what gRPC call
credentials and OAuth 2.0 clients send; Keystone's OAuth 2.0 client-credentials grant
returns an ordinary Keystone token as its access_token). No token, a malformed one, or
two different ones -> UNAUTHENTICATED (REST: 401 with `WWW-Authenticate: Bearer`).
"""
from __future__ import annotations

import logging

from oaktree import calls
from oaktree.keystone import TokenValidator, unauthenticated

log = logging.getLogger(__name__)

CHALLENGE = 'Bearer realm="oaktree"'


def token_from_metadata(metadata) -> str:
    tokens = set()
    for key, value in metadata or ():
        if isinstance(value, bytes):
            continue
        if key == "x-auth-token":
            tokens.add(value.strip())
        elif key == "authorization":
            scheme, _, credentials = value.strip().partition(" ")
            if scheme.lower() != "bearer":
                raise unauthenticated("the authorization header must use the Bearer scheme",
                                      "TOKEN_MISSING")
            tokens.add(credentials.strip())
    tokens.discard("")
    if not tokens:
        raise unauthenticated("a Keystone token is required: send x-auth-token or "
                              "authorization: Bearer", "TOKEN_MISSING")
    if len(tokens) > 1:
        raise unauthenticated("x-auth-token and authorization carry different tokens",
                              "TOKEN_AMBIGUOUS")
    return tokens.pop()


class Authenticate:
    def __init__(self, validator: TokenValidator):
        self.validator = validator

    async def intercept(self, call, request, context, proceed):
        identity = await self.validator.identity(token_from_metadata(context.invocation_metadata()))
        # Not reset afterwards: a server stream's body runs after intercept returns, in
        # the same task (every call has its own task, so nothing leaks to the next call).
        calls.current_identity.set(identity)
        log.debug("%s %s as %s", call.protocol, call.full_method, identity)
        return await proceed(request, context)
