"""Errors that carry a code and arguments, so every face (CLI, app) can word them.

The engine never builds user-facing sentences by string concatenation: it raises
``GradsimError(code, template, **params)``. The CLI prints ``str(err)`` (the English
template filled in); the app looks the code up in its translations and fills the
same parameters.
"""

from __future__ import annotations

from typing import Any


class GradsimError(Exception):
    """Base error: a stable ``code``, an English ``template`` and its ``params``."""

    def __init__(self, code: str, template: str, **params: Any) -> None:
        self.code = code
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return f"{self.template} {self.params}"

    def __str__(self) -> str:
        return self.message


class ConfigError(GradsimError, ValueError):
    """An invalid setting; ``params['field']`` names where it is (e.g. ``layers[3].width``)."""

    def __init__(self, field: str, code: str, template: str, **params: Any) -> None:
        super().__init__(code, "{field}: " + template, field=field, **params)


class DataError(GradsimError, ValueError):
    """A dataset (generated or a user's CSV) that cannot be used."""


def shown(value: Any, limit: int = 80) -> str:
    """Text from a file (a cell, a name, a member) made safe for a one-line message.

    Control characters are escaped (a newline reads ``\\n``, a NUL ``\\x00``) so a
    message never spans lines or carries raw bytes, and it is cut at ``limit``
    characters ("…") so a runaway value cannot flood a dialog.
    """
    text = value if isinstance(value, str) else repr(value)
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"
