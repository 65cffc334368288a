"""What gradsim ships beside its code, found and read without Qt.

The example configs (``resources/examples``), the lecture scenarios
(``resources/scenarios``), the lessons (``resources/lessons``) and the icons
(``resources/icons``) are data files: the project's ``resources/`` folder, copied into the
package as ``gradsim/resources`` when a wheel is built (setup.py; the translations' .ts
sources stay behind, their .qm are in ``gradsim/ui/i18n``). The CLI, the app and the scenario and
lesson catalogues all find them here, and read them, or a user's file of the same kind,
through :func:`read_json_file`: only a regular file (a named pipe or ``/dev/zero`` is
refused at once), at most a given size, its nesting counted before ``json.loads``
recurses into it. Each caller words a :class:`JsonFileError` as a one-line error of its
own kind (a config's ``GradsimError``, a scenario's ``ScenarioError``).

Qt-free and above the engine only, so every front end can use it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gradsim.engine.errors import GradsimError
from gradsim.engine.json_text import too_deep_at
from gradsim.engine.regular_file import FileTooLargeError, read_regular

#: The example the app opens when it is given nothing (and File > New starts from).
DEFAULT_CONFIG = "relu-he"

#: Largest config file read (examples are about 1 KB; a session's manifest is capped at 16 MiB).
MAX_CONFIG_FILE_BYTES = 16 * 2**20


# --------------------------------------------------------------------------- folders
def resources_dir() -> Path:
    """The shipped resources: ``gradsim/resources`` in an installed package or a frozen app
    (the build copies the project's ``resources/`` there, setup.py), else the checkout's
    ``resources/`` beside the package (an editable install or the source tree), which stays
    the one copy that is edited."""
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"


def examples_dir() -> Path:
    """The shipped example configs, one ``<name>.json`` each."""
    return resources_dir() / "examples"


def scenarios_dir() -> Path:
    """The shipped lecture scenarios (docs/scenarios.md)."""
    return resources_dir() / "scenarios"


def lessons_dir() -> Path:
    """The shipped lessons."""
    return resources_dir() / "lessons"


def icons_dir() -> Path:
    """The application icons: ``gradsim.svg`` and its PNG renderings (packaging/linux)."""
    return resources_dir() / "icons"


# --------------------------------------------------------------------------- JSON files
class JsonFileError(Exception):
    """Why a JSON file was not read, for the caller to word in its own error type.

    ``problem`` is ``not_found``, ``too_large`` (``size`` and ``limit`` in bytes),
    ``unreadable`` (``reason``: not a regular file, no permission, not UTF-8) or
    ``bad_json`` (``reason``, and ``line``/``column`` counting from 1 when the place is
    known: a syntax error or a bracket nested past the limit; a refused constant has none).
    """

    def __init__(
        self,
        problem: str,
        *,
        reason: str = "",
        size: int = 0,
        limit: int = 0,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.problem = problem
        self.reason = reason
        self.size = size
        self.limit = limit
        self.line = line
        self.column = column
        where = f" at line {line}, column {column}" if line is not None else ""
        super().__init__(f"{problem}{where}: {reason}" if reason else f"{problem}: {size} > {limit} bytes")


def read_json_file(
    path: str | Path,
    *,
    max_bytes: int,
    max_depth: int,
    parse_constant: Callable[[str], Any] | None = None,
) -> Any:
    """The JSON document in ``path``: a regular file of at most ``max_bytes``, UTF-8, nested
    at most ``max_depth`` levels; else :class:`JsonFileError`.

    Integers past Python's 4300-digit conversion limit are read as inf (beyond any float:
    validation then refuses them as it refuses any number out of range). ``parse_constant``
    is ``json.loads``'s: called for ``NaN``, ``Infinity`` and ``-Infinity``; a ValueError
    it raises is a ``bad_json`` error without a place.
    """
    try:
        text = read_regular(path, max_bytes).decode("utf-8")
    except FileNotFoundError:
        raise JsonFileError("not_found", reason="file not found") from None
    except FileTooLargeError as error:
        raise JsonFileError("too_large", size=error.size, limit=error.limit) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise JsonFileError("unreadable", reason=reason) from None
    deep = too_deep_at(text, max_depth)
    if deep is not None:
        line, column = deep
        raise JsonFileError(
            "bad_json", reason=f"nested deeper than {max_depth} levels", line=line, column=column
        )
    extra = {} if parse_constant is None else {"parse_constant": parse_constant}
    try:
        return json.loads(text, parse_int=_json_int, **extra)
    except json.JSONDecodeError as error:
        raise JsonFileError("bad_json", reason=error.msg, line=error.lineno, column=error.colno) from None
    except ValueError as error:  # raised by parse_constant
        raise JsonFileError("bad_json", reason=str(error)) from None


def _json_int(digits: str) -> int | float:
    """An integer, or inf for one too long for Python to convert (beyond any float anyway)."""
    try:
        return int(digits)
    except ValueError:
        return float(digits)


# --------------------------------------------------------------------------- configs
def load_config(name_or_path: str) -> dict[str, Any]:
    """A config from a JSON file, or by the name of a shipped example (``relu-he``).

    Only a regular file of at most ``MAX_CONFIG_FILE_BYTES`` is read (a named pipe or
    ``/dev/zero`` is refused at once), nested at most ``MAX_CONFIG_DEPTH`` levels. Not
    validated: ``gradsim.engine.config.validate_config`` does that (``Trainer`` calls it).
    """
    from gradsim.engine.config import MAX_CONFIG_DEPTH  # scipy comes with it: not for --version

    path = Path(name_or_path)
    if not path.exists():
        example = examples_dir() / f"{name_or_path}.json"
        if example.exists():
            path = example
    try:
        return read_json_file(path, max_bytes=MAX_CONFIG_FILE_BYTES, max_depth=MAX_CONFIG_DEPTH)
    except JsonFileError as error:
        raise _config_error(error, str(path)) from None


def _config_error(error: JsonFileError, shown: str) -> GradsimError:
    if error.problem == "not_found":
        return GradsimError("config_not_found", "config file not found: {path}", path=shown)
    if error.problem == "too_large":
        return GradsimError(
            "config_too_large",
            "{path} is {size_mb:.1f} MB; the limit is {limit_mb} MB",
            path=shown,
            size_mb=error.size / 2**20,
            limit_mb=error.limit // 2**20,
        )
    if error.problem == "unreadable":
        return GradsimError(
            "config_unreadable", "cannot read {path}: {reason}", path=shown, reason=error.reason
        )
    return GradsimError(
        "config_bad_json",
        "{path}: invalid JSON at line {line}, column {column}: {reason}",
        path=shown,
        line=error.line,
        column=error.column,
        reason=error.reason,
    )


def example_names() -> list[str]:
    """The shipped examples' names, sorted (what ``load_config`` takes besides a path)."""
    return sorted(path.stem for path in examples_dir().glob("*.json"))
