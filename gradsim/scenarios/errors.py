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


class LessonError(ScenarioError):
    """A lesson file, or a session's ``lecture`` section, that cannot be used (same one-line
    form: ``my-lesson.json: stages[2].actions[0].do: unknown action 'jump'; ...``)."""


def file_error(cls: type[ScenarioError], label: str, error: Any, what: str) -> ScenarioError:
    """A :class:`gradsim.shipped.JsonFileError` (``problem``, ``reason``, ``size``, ``limit``,
    ``line``, ``column``) as a one-line error of ``cls`` naming the file; ``what`` is the kind
    of file (``scenario``, ``lesson``) in the size message."""
    if error.problem == "not_found":
        return cls(label, "", "not_found", "file not found")
    if error.problem == "too_large":
        return cls(
            label,
            "",
            "too_large",
            "{size} bytes; a {what} has at most {limit}",
            size=error.size,
            what=what,
            limit=error.limit,
        )
    if error.problem == "unreadable":
        return cls(label, "", "unreadable", "cannot read: {reason}", reason=error.reason)
    if error.line is None:
        return cls(label, "", "bad_json", "{reason}", reason=error.reason)
    return cls(
        label,
        "",
        "bad_json",
        "invalid JSON at line {line}, column {column}: {reason}",
        line=error.line,
        column=error.column,
        reason=error.reason,
    )
