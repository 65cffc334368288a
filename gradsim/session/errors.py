"""The one error type for every failure to read or write a `.gradsim` file.

Callers (the CLI, the app's open/save dialogs, autosave recovery) catch exactly
:class:`SessionError` and show it; anything else escaping the session layer is a
bug. Each error has a stable ``code`` and its English template lives in
:data:`MESSAGES`, so the app can translate by code with the same ``params``.
``params`` hold data (paths, names, numbers); only ``reason`` (the operating
system's own words) and ``detail`` (a technical note for bug reports) are free
text, and they are never the whole message.
"""

from __future__ import annotations

from typing import Any

from gradsim.engine.errors import GradsimError

#: code -> English template. The app's translation tables are keyed by these codes.
MESSAGES: dict[str, str] = {
    # --- opening the file -------------------------------------------------------
    "not_found": "{path}: no such file",
    "read_failed": "{path}: cannot be read ({reason})",
    "empty_file": "{path}: the file is empty",
    "not_a_zip": "{path}: not a gradsim session file (not a zip archive)",
    "truncated": "{path}: the file is cut short (incomplete download or copy?)",
    "corrupt": "{path}: the file is damaged ({detail})",
    "out_of_memory": "{path}: not enough memory to open this file",
    # --- zip members ------------------------------------------------------------
    "too_many_members": "{path}: the archive lists {count} members; a session has at most {expected}",
    "unsafe_member_name": "{path}: refused: unsafe member name '{name}' in the archive",
    "unexpected_member": "{path}: unexpected member '{name}' in the archive",
    "duplicate_member": "{path}: member '{name}' appears more than once",
    "missing_member": "{path}: the archive has no '{name}'",
    "encrypted": "{path}: member '{name}' is encrypted; sessions are never encrypted",
    "unsupported_compression": (
        "{path}: member '{name}' uses compression method {method}; only stored (0) and deflate (8) are read"
    ),
    "too_large": "{path}: '{name}' would take {size} bytes; the limit is {limit}",
    "file_too_large": "{path}: the contents would take {size} bytes; the limit is {limit}",
    # --- manifest.json ----------------------------------------------------------
    "bad_encoding": "{path}: manifest.json is not UTF-8 text",
    "bad_json": "{path}: manifest.json is not valid JSON ({detail})",
    "json_too_deep": "{path}: manifest.json is nested deeper than {limit} levels",
    "manifest_not_object": "{path}: manifest.json must hold a JSON object, not {found}",
    "not_gradsim": "{path}: not a gradsim session (format is '{found}')",
    "bad_schema_version": "{path}: the schema version must be a whole number >= 1, got '{found}'",
    "newer_schema": (
        "{path}: this file needs gradsim schema {found}; this gradsim reads up to "
        "{supported} — update gradsim (the file was written by gradsim {app_version})"
    ),
    "bad_array_table": "{path}: the manifest's array table is malformed at {where}",
    # --- arrays.npz -------------------------------------------------------------
    "too_many_arrays": "{path}: {count} arrays; the limit is {limit}",
    "bad_array_name": "{path}: invalid array name '{name}'",
    "duplicate_array": "{path}: array '{name}' appears more than once",
    "pickled_object": "{path}: array '{name}' holds Python objects (pickles are never loaded)",
    "dtype_not_allowed": "{path}: array '{name}' has type {dtype}; only numbers and booleans",
    "array_too_large": "{path}: array '{name}' would take {size} bytes; the limit is {limit}",
    "missing_array": "{path}: array '{name}' is listed in the manifest but missing",
    "unexpected_array": "{path}: array '{name}' is not listed in the manifest",
    "shape_mismatch": "{path}: array '{name}' has shape {found}; the manifest says {expected}",
    "dtype_mismatch": "{path}: array '{name}' has type {found}; the manifest says {expected}",
    "non_finite": "{what}: array '{name}' holds NaN or Inf",
    # --- the engine's layer (gradsim.session.io) -------------------------------
    "bad_config": "{path}: the session's settings are invalid ({detail})",
    "bad_state": "{path}: the session's training state does not fit its settings ({detail})",
    # --- writing ----------------------------------------------------------------
    "manifest_not_serializable": "{path}: the manifest cannot be written as JSON ({detail})",
    "write_failed": "{path}: could not save ({reason}); the previous file is unchanged",
    "create_failed": "{path}: could not save ({reason}); no file was created",
}


class SessionError(GradsimError):
    """A `.gradsim` file that cannot be read or written; ``code`` says why.

    Built from a code alone, ``SessionError("truncated", path=p)``: the template
    comes from :data:`MESSAGES` so wording lives in one table.
    """

    def __init__(self, code: str, **params: Any) -> None:
        # An unknown code still makes a readable error rather than a KeyError that
        # would hide the real failure; a test keeps every raised code in MESSAGES.
        template = MESSAGES.get(code, "{path}: " + code if "path" in params else code)
        super().__init__(code, template, **params)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle as cls(*args), i.e. from the formatted message; rebuild
        # from code and params instead, so errors survive a trip from a worker process.
        return (_restore, (self.code, self.params))


def _restore(code: str, params: dict[str, Any]) -> SessionError:
    return SessionError(code, **params)
