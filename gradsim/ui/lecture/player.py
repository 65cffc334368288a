"""The lesson player: which lesson, which stage, and a stage applied to the main window.

A stage is applied through the window's own paths, never around them:

* a network stage's config becomes a new trainer (``window.controller.factory``) that the
  window trains from step 0 (``window.load_trainer``: the builder and the controls follow);
* a landscape stage's state goes to the landscape panel's ``restore``, as a session's does;
* its panels come to the front through ``window.show_panel`` (the docks);
* a comparison stage (``compare``) also opens the window's comparison
  (``window.comparison``, gradsim/ui/compare/) of the stage's config: its ``train N`` steps
  the variants in lockstep and waits for the comparison's pause, Space and Shift+→ drive it;
* its actions run in order through the worker's command path: ``train N`` is the
  controller's Step N and the next action starts when the worker acknowledges the pause
  (``controller.paused``), so the GUI never blocks; ``set`` is a live edit of the learning
  rate or clipping, or a new trainer from the changed config; ``rewind`` is the
  controller's rewind; ``race`` restores the racers and shows the race at its step.

Every stage starts from its own state, so → / ← / 1-9 may jump anywhere. :meth:`reset`
applies the current stage again; the run it replaces is kept on :attr:`undo_stack` (Ctrl+Z
in the presentation brings it back, Ctrl+Shift+Z resets again).
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from gradsim.engine.errors import GradsimError
from gradsim.scenarios.lesson_actions import Action
from gradsim.scenarios.lessons import Lesson, StageState
from gradsim.scenarios.validation import apply_changes
from gradsim.ui.common import wording

translate = QCoreApplication.translate


class StageReset(QUndoCommand):
    """R: the stage again from its start; undo trains the run it replaced again."""

    def __init__(self, player: LessonPlayer, index: int, trainer: Any, landscape: Any) -> None:
        super().__init__(translate("Lecture", "Reset the stage"))
        self.player, self.index = player, index
        self.trainer, self.landscape = trainer, landscape
        self._first = True

    def redo(self) -> None:
        if self._first:  # the reset was done before the push
            self._first = False
            return
        self.player.go(self.index)

    def undo(self) -> None:
        self.player.restore_run(self.index, self.trainer, self.landscape)


class LessonPlayer(QObject):
    """A lesson and its current stage, applied to ``window`` (a MainWindow, duck-typed)."""

    stageChanged = Signal(int)  # noqa: N815 - Qt naming; the stage now shown (from 0)
    actionsDone = Signal(int)  # noqa: N815 - the stage whose actions have all run

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.lesson: Lesson | None = None
        self.index = 0
        self.stage: StageState | None = None
        self.state: dict[str, Any] = {}  # the stage's state as its actions changed it
        self.undo_stack = QUndoStack(self)
        self._pending: list[Action] = []
        self._waiting = False  # a train action waits for the worker's pause
        #: Set by the presentation view: ``front_hook(panel)`` -> True when it placed the panel.
        self.front_hook: Callable[[str], bool] | None = None
        window.controller.paused.connect(self._on_paused)
        self._comparison_connected = False

    # ------------------------------------------------------------------ the lesson
    def open(self, lesson: Lesson, stage: int = 0, *, apply: bool = True) -> bool:
        """Present ``lesson`` from ``stage``; ``apply=False`` only points at the stage (a
        session brings its own state)."""
        if not 0 <= stage < len(lesson.stages):
            raise ValueError(f"stage must be 0 to {len(lesson.stages) - 1}, got {stage}")
        self.lesson = lesson
        self.undo_stack.clear()
        if apply:
            return self.go(stage)
        self._point_at(stage)
        return True

    def close(self) -> None:
        self._cancel()
        self._end_comparison()
        self.lesson, self.stage, self.index = None, None, 0
        self.undo_stack.clear()
        self.stageChanged.emit(-1)

    @property
    def count(self) -> int:
        return len(self.lesson.stages) if self.lesson is not None else 0

    @property
    def busy(self) -> bool:
        """The stage's actions are still running."""
        return bool(self._pending) or self._waiting

    def text(self, name: str, index: int | None = None) -> str:
        """A text of a stage (the current one by default) in the window's language."""
        if self.lesson is None:
            return ""
        stage = self.lesson.stages[self.index if index is None else index]
        return stage.text(name, self.language())

    def language(self) -> str:
        switcher = getattr(self.window, "language", None)
        return getattr(switcher, "language", "en")

    # ------------------------------------------------------------------ moving
    def next(self) -> bool:
        return self.lesson is not None and self.index + 1 < self.count and self.go(self.index + 1)

    def previous(self) -> bool:
        return self.lesson is not None and self.index > 0 and self.go(self.index - 1)

    def go(self, index: int) -> bool:
        """Apply stage ``index``: its starting state, its panels, then its actions in order."""
        if self.lesson is None or not 0 <= index < self.count:
            return False
        self._cancel()
        self._point_at(index)
        assert self.stage is not None
        if self.stage.kind == "network":
            if not self._train_config(self.state):
                return False
            if not self._open_comparison():
                return False
        else:
            self._end_comparison()
            self._show_landscape(self.state)
        for panel in reversed(self.stage.view):
            self._front(panel)
        self._pending = list(self.stage.actions)
        QTimer.singleShot(0, self._run_next)
        return True

    def reset(self) -> bool:
        """The current stage again from its start; the run it replaces stays on the undo stack."""
        if self.lesson is None or self.stage is None:
            return False
        trainer = landscape = None
        if self.stage.kind == "network":
            try:
                trainer = self.window.controller.trainer_copy()
            except (RuntimeError, TimeoutError, MemoryError, OSError):
                trainer = None
        else:
            panel = self.window.panels.get("landscape")
            landscape = panel.state() if panel is not None else None
        index = self.index
        if not self.go(index):
            return False
        self.undo_stack.push(StageReset(self, index, trainer, landscape))
        return True

    def restore_run(self, index: int, trainer: Any, landscape: Any) -> None:
        """Undo of a reset: stage ``index`` with the run it had (a copy, so redo can reset again)."""
        self._cancel()
        self._point_at(index)
        if trainer is not None:
            self.window.controller.pause()
            self.window.load_trainer(copy.deepcopy(trainer))
        if landscape is not None:
            panel = self.window.panels.get("landscape")
            if panel is not None:
                panel.restore(copy.deepcopy(landscape))

    # ------------------------------------------------------------------ training keys
    def toggle_play(self) -> None:
        """Space: play or pause the stage (the training, or the race's animation)."""
        self._cancel()
        if self.stage is not None and self.stage.kind == "landscape":
            panel = self.window.panels.get("landscape")
            if panel is not None:
                panel.analytic.toggle_play()
            return
        comparison = self._comparison()
        if comparison is not None:
            comparison.toggle()
            return
        self.window.controller.toggle()

    def step(self, n: int) -> None:
        """Shift+→: ``n`` more steps (the race's animation moves ``n`` steps on)."""
        self._cancel()
        if self.stage is not None and self.stage.kind == "landscape":
            panel = self.window.panels.get("landscape")
            if panel is not None:
                analytic = panel.analytic
                analytic.pause()
                analytic.show_index(min(analytic.index + n, analytic.max_index()))
            return
        comparison = self._comparison()
        if comparison is not None:
            comparison.step(n)
            return
        self.window.controller.step(n)

    def current_step(self) -> int:
        """The step shown: the network's training step or the race's step."""
        if self.stage is not None and self.stage.kind == "landscape":
            panel = self.window.panels.get("landscape")
            return int(getattr(panel.analytic, "index", 0)) if panel is not None else 0
        comparison = self._comparison()
        if comparison is not None:
            return comparison.step_count
        frame = self.window.controller.last_frame
        return int(frame.snapshot.step) if frame is not None else 0

    # ------------------------------------------------------------------ internals
    def _point_at(self, index: int) -> None:
        assert self.lesson is not None
        self.index = index
        self.stage = self.lesson.stage_state(index)
        self.state = copy.deepcopy(self.stage.raw_state)
        self.stageChanged.emit(index)

    def _cancel(self) -> None:
        self._pending = []
        self._waiting = False

    def _train_config(self, state: dict[str, Any]) -> bool:
        controller = self.window.controller
        controller.pause()
        try:
            trainer = controller.factory(copy.deepcopy(state))
        except GradsimError as error:
            self.window.dialogs.error(
                self.window, wording.error_title(error), wording.error_message(error), str(error)
            )
            return False
        self.window.load_trainer(trainer)
        return True

    def _comparison(self) -> Any:
        """The window's comparison while a comparison stage is shown, else None."""
        comparison = getattr(self.window, "comparison", None)
        if self.stage is None or self.stage.compare is None or comparison is None:
            return None
        return comparison

    def _open_comparison(self) -> bool:
        """A comparison stage: the variants of the stage's config, in the comparison dock; any
        other network stage ends a comparison the lesson opened."""
        comparison = getattr(self.window, "comparison", None)
        assert self.stage is not None
        if self.stage.compare is None or comparison is None:
            self._end_comparison()
            return True
        if not self._comparison_connected:
            comparison.paused.connect(self._on_paused)
            self._comparison_connected = True
        return bool(comparison.open(self.stage.config, self.stage.compare))

    def _end_comparison(self) -> None:
        comparison = getattr(self.window, "comparison", None)
        if comparison is not None and comparison.active:
            comparison.close()

    def _show_landscape(self, state: dict[str, Any]) -> None:
        panel = self.window.panels.get("landscape")
        if panel is None:
            return
        self._front("landscape")
        panel.restore(copy.deepcopy(state))

    def _front(self, name: str) -> None:
        if self.front_hook is not None and self.front_hook(name):
            return  # the presentation view places it
        with contextlib.suppress(KeyError, LookupError):  # a panel that failed to load
            self.window.show_panel(name)

    @Slot()
    def _run_next(self) -> None:
        while self._pending and not self._waiting:
            action = self._pending.pop(0)
            self._apply(action)
        if not self._pending and not self._waiting:
            self.actionsDone.emit(self.index)

    def _apply(self, action: Action) -> None:
        controller = self._comparison() or self.window.controller
        if action.do == "train" and action.steps:
            self._waiting = True
            controller.step(action.steps)
        elif action.do == "pause":
            controller.pause()
            if self.stage is not None and self.stage.kind == "landscape":
                panel = self.window.panels.get("landscape")
                if panel is not None:
                    panel.analytic.pause()
        elif action.do == "front" and action.panel:
            self._front(action.panel)
        elif action.do == "rewind" and action.step is not None:
            controller.rewind(action.step)
        elif action.do == "set":
            self._set(action)
        elif action.do == "race":
            self._race(action)

    def _set(self, action: Action) -> None:
        apply_changes(self.state, copy.deepcopy(action.changes))
        assert self.stage is not None
        if self.stage.kind == "landscape":
            self._show_landscape(self.state)
            return
        controller = self.window.controller
        if not action.live:
            self._train_config(self.state)
            return
        try:
            if "optimizer.lr" in action.changes:
                controller.set_learning_rate(float(action.changes["optimizer.lr"]))
            if any(path.startswith("clipping") for path in action.changes):
                controller.set_clipping(copy.deepcopy(self.state["clipping"]))
        except GradsimError:
            return  # validated with the lesson: cannot happen for a shipped one
        controls = self.window.panels.get("controls")
        if controls is not None and hasattr(controls, "set_config"):
            controls.set_config(controller.config)

    def _race(self, action: Action) -> None:
        analytic = self.state["analytic"]
        if action.optimizers is not None:
            analytic["optimizers"] = copy.deepcopy(list(action.optimizers))
        state = copy.deepcopy(self.state)
        state["analytic"]["index"] = action.steps if action.steps is not None else 1 << 62
        self._show_landscape(state)

    @Slot(int, str)
    def _on_paused(self, _step: int, _reason: str) -> None:
        if not self._waiting:
            return
        self._waiting = False
        QTimer.singleShot(0, self._run_next)
