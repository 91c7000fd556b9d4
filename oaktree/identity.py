"""Who a call acts as.

Every cache key, connection and poller is keyed by an Identity, so that one caller's data
can never be served to another. Today the only identity is the server's own (the
credentials in its clouds.yaml); token-based identities plug in here later.
"""
from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Identity:
    """An opaque, hashable principal. `key` must differ for every distinct principal."""

    key: str
    description: str

    def __str__(self) -> str:  # safe for logs: never a secret
        return self.description


SERVER = Identity(key="server", description="oaktree's own credentials (personal mode)")
