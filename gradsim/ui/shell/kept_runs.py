"""Trained runs kept on the builder's undo commands, so that a config change that starts a new
run from step 0 is undone by Ctrl+Z with the whole run as it was.

Why: a structural change in the builder (a layer's activation, the data, the optimizer kind)
cannot apply to a running trainer; the run restarts from step 0 with the new config. Before
this, the trained run was simply dropped: turning the mouse wheel over a combo box threw away
a 6,601-step run. Now the run the change replaces is a copy taken between two steps
(:meth:`~gradsim.ui.shell.worker.TrainingController.trainer_copy`: parameters, optimizer state,
histories, generator, step and the timeline, bit for bit), kept on the change's undo command;
undoing the change trains that copy again, and the run the undo replaces is kept for redo.

Memory: a copy is as large as the run (parameters, optimizer state, histories, checkpoints).
The latest kept run is always kept; older ones are released, oldest first, while all kept
runs together exceed :data:`KEPT_BYTES`. Undoing a change whose run was released restores its
settings from step 0 (and keeps the run it replaces for redo, so that undo loses nothing).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import shiboken6

KEPT_BYTES = 512 * 2**20  # all kept runs but the latest together; beyond, the oldest are released
_MAX_DEPTH = 12


def run_bytes(value: Any) -> int:
    """The bytes of the numpy arrays a trainer copy holds (an estimate: shared arrays count once)."""
    seen: set[int] = set()

    def walk(item: Any, depth: int) -> int:
        if depth > _MAX_DEPTH or id(item) in seen or item is None:
            return 0
        seen.add(id(item))
        if isinstance(item, np.ndarray):
            return int(item.nbytes)
        if isinstance(item, (str, bytes, int, float, complex, bool, type)):
            return 0
        if isinstance(item, dict):
            return sum(walk(v, depth + 1) for v in item.values())
        if isinstance(item, (list, tuple, set, frozenset)):
            return sum(walk(v, depth + 1) for v in item)
        total = 0
        if dataclasses.is_dataclass(item):
            total += sum(walk(getattr(item, f.name, None), depth + 1) for f in dataclasses.fields(item))
        state = getattr(item, "__dict__", None)
        if isinstance(state, dict):
            total += sum(walk(v, depth + 1) for v in state.values())
        return total

    return walk(value, 0)


class KeptRuns:
    """Which undo commands keep a run, in the order they were kept, and how large they are.

    A command keeps at most one run per slot: ``"before"`` (what its redo replaced: undo brings
    it back) and ``"after"`` (what its undo replaced: redo brings it back). The runs live on the
    commands (``command.kept``), so a command the undo stack deletes takes its run with it.
    """

    def __init__(self, limit_bytes: int = KEPT_BYTES) -> None:
        self.limit_bytes = limit_bytes
        self._order: list[tuple[Any, str, int]] = []  # (command, slot, bytes), oldest first

    def keep(self, command: Any, slot: str, trainer: Any) -> list[Any]:
        """Keep ``trainer`` on ``command`` at ``slot``; returns the commands whose runs were released."""
        self._forget_deleted()
        size = run_bytes(trainer)
        command.kept[slot] = trainer
        self._order = [entry for entry in self._order if entry[:2] != (command, slot)]
        self._order.append((command, slot, size))
        released = []
        while len(self._order) > 1 and sum(entry[2] for entry in self._order[:-1]) > self.limit_bytes:
            old, old_slot, _ = self._order.pop(0)
            old.kept.pop(old_slot, None)
            released.append(old)
        return released

    def take(self, command: Any, slot: str) -> Any:
        """The run kept on ``command`` at ``slot`` (it leaves the command), or None."""
        trainer = command.kept.pop(slot, None)
        self._order = [entry for entry in self._order if entry[:2] != (command, slot)]
        return trainer

    def count(self) -> int:
        self._forget_deleted()
        return len(self._order)

    def total_bytes(self) -> int:
        self._forget_deleted()
        return sum(entry[2] for entry in self._order)

    def _forget_deleted(self) -> None:
        """Drop commands the undo stack deleted (a new edit after undo, a cleared history)."""
        alive = []
        for command, slot, size in self._order:
            if shiboken6.isValid(command) and slot in command.kept:
                alive.append((command, slot, size))
            else:
                command.kept.pop(slot, None)
        self._order = alive
