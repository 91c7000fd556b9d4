"""Who a call acts as.

Every cache key, connection and poller is keyed by an Identity, so that one caller's data
can never be served to another. Personal mode has one identity, the server's own (the
credentials in its clouds.yaml). Shared mode builds one per validated Keystone token
(oaktree.keystone): its key holds the user, the project and a fingerprint of the token, so
two tokens never share a connection or a cache entry, even for the same user and project
(an application credential's token may carry fewer roles than its user's password token).
"""
from __future__ import annotations

import dataclasses
from typing import Any


@dataclasses.dataclass(frozen=True)
class Identity:
    """An opaque, hashable principal. `key` must differ for every distinct principal.

    `credential` is what connections act with (None: the server's own clouds.yaml
    credentials). It takes no part in equality or repr, so logging an Identity never
    prints a secret.
    """

    key: str
    description: str
    credential: Any = dataclasses.field(default=None, compare=False, repr=False)

    def __str__(self) -> str:  # safe for logs: never a secret
        return self.description


SERVER = Identity(key="server", description="oaktree's own credentials (personal mode)")
