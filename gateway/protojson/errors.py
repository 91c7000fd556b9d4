"""The one error the codec raises on bad input."""
from __future__ import annotations


class ProtoJsonError(ValueError):
    """The JSON input does not describe a valid message of the expected type.

    `field` is the dotted JSON path of the offending field as the client spelled it
    (`items[2].name`, `labels[key]`), or "" when no field can be blamed (malformed JSON,
    a top-level value that is not an object). `description` says what is wrong with it.
    """

    def __init__(self, field: str, description: str) -> None:
        self.field = field
        self.description = description
        super().__init__(f"{field}: {description}" if field else description)

    def under(self, key: str, index: object = None) -> "ProtoJsonError":
        """The same error seen from the enclosing object, where it sits at `key` (`[index]`)."""
        prefix = key if index is None else f"{key}[{index}]"
        if not self.field:
            field = prefix
        elif self.field.startswith("["):
            field = prefix + self.field
        else:
            field = f"{prefix}.{self.field}"
        return ProtoJsonError(field, self.description)


class ProtoJsonEncodeError(ValueError):
    """A message holds a value ProtoJSON cannot express (e.g. a Value number that is NaN).

    Deliberately not a ProtoJsonError: it is the server's fault, not the client's.
    """
