"""Save and open whole sessions: the one place the app and the CLI turn Trainers into files.

A session's manifest holds, beside the container's own keys: ``config`` (the
validated config), ``state`` (the trainer's JSON state: counters, the random
generator, history bookkeeping), and free sections the app fills: ``ui`` (view
state a lecturer prepared), ``landscape`` (the landscape panel), ``lecture`` and
``notes``. Loading is two-phase: the container reads, checks and migrates the
file, then the config is validated and the trainer rebuilt with every array's
shape checked against it. Every failure is a :class:`SessionError`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from gradsim.engine.errors import ConfigError, DataError, GradsimError
from gradsim.engine.state import StateError, restore_trainer, trainer_state
from gradsim.engine.trainer import Trainer
from gradsim.session.container import open_container, require_finite, save_container
from gradsim.session.errors import SessionError

EXTRA_SECTIONS = ("ui", "landscape", "lecture", "notes")


@dataclass
class Session:
    """An opened session: the trainer plus whatever the app stored beside it."""

    trainer: Trainer
    app_version: str = ""
    schema_version: int = 0  # the schema the file was written in (it was migrated to this gradsim's)
    extras: dict[str, Any] = field(default_factory=dict)  # ui, landscape, lecture, notes
    extra_arrays: dict[str, np.ndarray] = field(default_factory=dict)  # "extra.*" arrays


def save_session(
    path: str | os.PathLike[str],
    trainer: Trainer,
    extra_arrays: dict[str, np.ndarray] | None = None,
    **extras: Any,
) -> None:
    """Write ``trainer`` (and the app's ``ui``/``landscape``/``lecture``/``notes``) atomically."""
    unknown = set(extras) - set(EXTRA_SECTIONS)
    if unknown:
        raise TypeError(f"unknown session sections: {sorted(unknown)}")
    state, arrays = trainer_state(trainer)
    for name, value in (extra_arrays or {}).items():
        arrays[f"extra.{name}"] = np.asarray(value)
    manifest = {
        "config": trainer.config,
        "state": state,
        **{k: v for k, v in extras.items() if v is not None},
    }
    save_container(path, manifest, arrays)


def load_session(path: str | os.PathLike[str]) -> Session:
    """Open a session file; raises only SessionError (with a specific code and message)."""
    shown = os.fsdecode(path)
    manifest, arrays, stored_schema = open_container(path)
    for key in ("config", "state"):
        if not isinstance(manifest.get(key), dict):
            raise SessionError("bad_config", path=shown, detail=f"the manifest has no '{key}' object")
    parameter_names = [n for n in arrays if n.startswith(("param.", "buffer.", "optimizer."))]
    require_finite(arrays, parameter_names, shown)
    try:
        # The arrays are the reader's own memory, nobody else's: handed over, not copied again.
        trainer = restore_trainer(manifest["config"], manifest["state"], arrays, copy=False)
    except ConfigError as error:
        raise SessionError("bad_config", path=shown, detail=str(error)) from error
    except (StateError, DataError) as error:
        raise SessionError("bad_state", path=shown, detail=str(error)) from error
    except GradsimError as error:
        raise SessionError("bad_state", path=shown, detail=str(error)) from error
    extras = {key: manifest[key] for key in EXTRA_SECTIONS if key in manifest}
    extra_arrays = {
        name[len("extra.") :]: value for name, value in arrays.items() if name.startswith("extra.")
    }
    return Session(
        trainer,
        str(manifest.get("app_version", "")),
        stored_schema,
        extras,
        extra_arrays,
    )
