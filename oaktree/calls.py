"""What a servicer needs to know about the call in progress: who, and until when.

Both come from the call context, so they work the same for native gRPC and for REST
(the gateway's context shim implements time_remaining and invocation_metadata).
"""
from __future__ import annotations

import contextvars

from oaktree.identity import SERVER, Identity

# Set by the auth interceptor (shared mode); personal mode acts as the server itself.
current_identity: contextvars.ContextVar[Identity] = contextvars.ContextVar(
    "oaktree_identity", default=SERVER)


def identity(context) -> Identity:
    return current_identity.get()


def timeout(context) -> float | None:
    """Seconds left before the caller's deadline, or None when it set none."""
    remaining = context.time_remaining() if context is not None else None
    return remaining if remaining is not None and remaining < 10**8 else None
