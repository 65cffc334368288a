"""Errors of scenario files: one line naming the file and the field, as config errors do.

Validators raise :class:`FieldError` (a field and a message, no file); the catalogue adds
the file and raises :class:`ScenarioError`, e.g.
``my-demo.json: effect.expect[2].quantity: unknown quantity 'grad_ration'; choose one of ...``.
"""

from __future__ import annotations

from typing import Any

from gradsim.engine.errors import GradsimError


class FieldError(ValueError):
    """A bad field of a scenario, before the file is known."""

    def __init__(self, field: str, code: str, template: str, **params: Any) -> None:
        self.field = field
        self.code = code
        self.template = template
        self.params = params
        super().__init__(f"{field}: {template.format(**params)}")


class ScenarioError(GradsimError, ValueError):
    """A scenario file that cannot be used; ``params`` hold ``file`` and ``field``."""

    def __init__(self, file: str, field: str, code: str, template: str, **params: Any) -> None:
        prefix = "{file}: {field}: " if field else "{file}: "
        super().__init__(code, prefix + template, file=file, field=field, **params)

    @classmethod
    def from_field(cls, file: str, error: FieldError) -> ScenarioError:
        return cls(file, error.field, error.code, error.template, **error.params)
