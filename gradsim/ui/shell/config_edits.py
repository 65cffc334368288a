"""Configs in and out of the running trainer, and the panels kept in step with them.

File > Open config, the builder's edits (a learning rate or clipping change goes to the
running trainer live; anything else starts the new config from step 0), the training
controls' live learning rate and clipping, and weights typed into the network diagram
(undoable with the builder's undo stack). After each, the panels that show the config
(controls, builder, activation lab) follow the trainer's.

No config change throws a trained run away: the run a new config replaces is kept on the
builder's undo command of that change (:mod:`gradsim.ui.shell.kept_runs`), so Edit > Undo
(Ctrl+Z) trains it again exactly as it was, and Redo brings back the run the undo replaced.
Where no undo command can hold it (the run cannot be copied, or an opened config is the
one being trained), the dialog service asks before the run restarts from step 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow, QWidget

from gradsim import shipped
from gradsim.engine.config import validate_config
from gradsim.engine.errors import GradsimError
from gradsim.engine.trainer import Trainer
from gradsim.runner.training_loop import TIMELINE_ATTRIBUTE
from gradsim.ui.common import dialogs as dialog_module
from gradsim.ui.common import wording
from gradsim.ui.shell.kept_runs import KeptRuns
from gradsim.ui.shell.worker import TrainingController

translate = QCoreApplication.translate


class WeightEdit(QUndoCommand):
    """One weight set by hand in the network diagram; undo restores the old value."""

    def __init__(self, controller: TrainingController, name: str, row: int, col: int, old: float, new: float):
        super().__init__(
            translate("MainWindow", "Set weight {name}[{row}, {col}]").format(name=name, row=row, col=col)
        )
        self.controller, self.where, self.old, self.new = controller, (name, row, col), old, new

    def redo(self) -> None:
        self.controller.edit_weight(*self.where, self.new)

    def undo(self) -> None:
        self.controller.edit_weight(*self.where, self.old)


class ConfigEdits(QObject):
    """The window's config edits; its slots take the builder's, controls' and diagram's signals."""

    def __init__(
        self,
        window: QMainWindow,
        controller: TrainingController,
        panels: Mapping[str, QWidget],
        dialogs: Callable[[], dialog_module.DialogService],
        title: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self.window, self.controller, self.panels = window, controller, panels
        self.controls = panels["controls"]
        self._dialogs, self._title = dialogs, title
        self._syncing = False
        self.kept = KeptRuns()

    def connect_panels(self) -> None:
        controls = self.controls
        controls.learningRateChanged.connect(self._on_learning_rate)
        controls.clippingChanged.connect(self._on_clipping)
        builder = self.panels.get("builder")
        if builder is not None:
            builder.configChanged.connect(self._on_builder_config)
            builder.validityChanged.connect(self._on_builder_validity)
        diagram = self.panels.get("diagram")
        if diagram is not None and hasattr(diagram, "weightEdited"):
            diagram.weightEdited.connect(self._on_weight_edited)
        actions = getattr(self.window, "window_actions", None)
        stack = self.undo_stack()
        if actions is not None and stack is not None and hasattr(actions, "undo"):
            actions.connect_undo_stack(stack)

    def undo_stack(self) -> QUndoStack | None:
        """The builder's undo stack: config edits, typed weights and the runs they replaced."""
        builder = self.panels.get("builder")
        return builder.undo_stack() if builder is not None and hasattr(builder, "undo_stack") else None

    # ---------------------------------------------------------------- whole configs
    def load_config(self, config: Mapping[str, Any], *, update_builder: bool = True) -> bool:
        """Train ``config`` from step 0; False after showing an error (or when the user keeps the run).

        The trained run it replaces is kept on the builder's undo command of the new config
        (Ctrl+Z brings it back); when there is none (the builder already shows this config,
        or ``update_builder`` is False), the user is asked first.
        """
        try:
            normalized = validate_config(config)
        except GradsimError as error:
            self._show_error(error)
            return False
        stack = self.undo_stack()
        undoable = update_builder and stack is not None and self._builder_would_change(normalized)
        outgoing, kept_ok = self._outgoing_run()
        if outgoing is not None and (not undoable or not kept_ok) and not self._confirm_restart(outgoing):
            return False
        try:
            self.controller.replace_config(normalized)
        except GradsimError as error:
            self._show_error(error)
            return False
        index = stack.index() if stack is not None else 0
        self.follow_trainer(update_builder=update_builder)
        if outgoing is not None and undoable and stack is not None and stack.index() == index + 1:
            self._keep(stack.command(index), "before", outgoing)
        return True

    def follow_trainer(self, *, update_builder: bool = True) -> None:
        """The panels that show the config, and the title, follow the trainer's config."""
        self.controls.set_config(self.controller.config)
        lab = self.panels.get("activation_lab")
        if lab is not None and hasattr(lab, "set_config"):
            lab.set_config(dict(self.controller.config))
        if update_builder:
            self.sync_builder()
        self.window.setWindowTitle(self._title())

    # ---------------------------------------------------------------- the run a change replaces
    def _outgoing_run(self) -> tuple[Trainer | None, bool]:
        """(a copy of the run a new config would replace, whether it could be copied).

        (None, True) when there is nothing to keep: a run at step 0 without edits is rebuilt
        exactly from its config. (trainer or None, False) when the copy failed: asked then.
        """
        try:
            run = self.controller.trainer_copy()
        except (RuntimeError, TimeoutError, MemoryError, OSError) as error:
            self._copy_problem = str(error) or type(error).__name__
            return self._last_known_run(), False
        timeline = getattr(run, TIMELINE_ATTRIBUTE, None)
        edits = bool(getattr(timeline, "events", None))
        return (run if run.step_count > 0 or edits else None), True

    def _last_known_run(self) -> Trainer | None:
        """After a failed copy: a stand-in that says how far the run got (for the question)."""
        frame = self.controller.last_frame
        if frame is None or frame.snapshot.step == 0:
            return None
        return _Placeholder(frame.snapshot.step)  # type: ignore[return-value]

    def _confirm_restart(self, run: Any) -> bool:
        """Ask before a trained run is thrown away (no undo command can keep it)."""
        text = translate(
            "MainWindow",
            "This starts training again from step 0, and the current run ({steps} steps) cannot be "
            "brought back with Undo. Start again?",
        ).format(steps=f"{run.step_count:,}")
        problem = getattr(self, "_copy_problem", "")
        if problem:
            text += "\n\n" + translate("MainWindow", "(The run could not be kept: {reason})").format(
                reason=problem
            )
        self._copy_problem = ""
        return bool(self._dialogs().question(self.window, translate("MainWindow", "Start again?"), text))

    def _keep(self, command: Any, slot: str, run: Trainer) -> None:
        released = self.kept.keep(command, slot, run)
        if released:
            self.window.statusBar().showMessage(
                translate(
                    "MainWindow",
                    "Older trained runs were released to save memory: undoing their changes "
                    "restores the settings from step 0.",
                ),
                10_000,
            )

    def _builder_would_change(self, config: Mapping[str, Any]) -> bool:
        builder = self.panels.get("builder")
        if builder is None or not hasattr(builder, "draft"):
            return False
        from gradsim.ui.builder.model import config_to_draft

        return config_to_draft(config) != builder.draft()

    def _show_error(self, error: GradsimError) -> None:
        self._dialogs().error(
            self.window, wording.error_title(error), wording.error_message(error), str(error)
        )

    @Slot()
    def open_config_dialog(self) -> None:
        path = self._dialogs().open_file(
            self.window,
            translate("MainWindow", "Open a gradsim config"),
            "",
            dialog_module.config_file_filter(),
        )
        if path:
            self.open_config_file(path)

    def open_config_file(self, path: str) -> bool:
        try:
            raw = shipped.load_config(path)
        except GradsimError as error:
            self._show_error(error)
            return False
        return self.load_config(raw)

    # ---------------------------------------------------------------- the builder
    @Slot(dict)
    def _on_builder_config(self, config: dict) -> None:
        if self._syncing:
            return
        current = self.controller.config
        try:
            new = validate_config(config)
        except GradsimError as error:
            self.window.statusBar().showMessage(wording.error_message(error), 10_000)
            return
        if _same_except_live(current, new):
            if new["optimizer"]["lr"] != current["optimizer"]["lr"]:
                self.controller.set_learning_rate(new["optimizer"]["lr"])
            if new["clipping"] != current["clipping"]:
                self.controller.set_clipping(new["clipping"])
            self.controls.set_config(self.controller.config)
            return
        builder = self.panels.get("builder")
        applying = builder.applying() if builder is not None and hasattr(builder, "applying") else None
        if applying is None:
            self.load_config(new, update_builder=False)  # asks before a trained run is lost
        else:
            self._swap_run(new, *applying)

    def _swap_run(self, config: dict, command: Any, direction: str) -> None:
        """The builder's undo command ``command`` is done ("redo") or undone ("undo"): train the run
        it kept for this direction, else ``config`` from step 0, and keep the run this replaces
        on it for the other direction."""
        incoming_slot, outgoing_slot = ("after", "before") if direction == "redo" else ("before", "after")
        outgoing, kept_ok = self._outgoing_run()
        if outgoing is not None and not kept_ok and not self._confirm_restart(outgoing):
            stack = self.undo_stack()  # the builder goes back to the run's settings (no run changes)
            if stack is not None:
                QTimer.singleShot(0, stack.undo if direction == "redo" else stack.redo)
            return
        incoming = self.kept.take(command, incoming_slot)
        try:
            if incoming is not None:
                self.controller.replace_trainer(incoming)
            else:
                self.controller.replace_config(config)
        except GradsimError as error:
            self._show_error(error)
            return
        if outgoing is not None and kept_ok:
            self._keep(command, outgoing_slot, outgoing)
        self.follow_trainer(update_builder=False)
        if incoming is not None:
            self.window.statusBar().showMessage(
                translate("MainWindow", "Back to the run at step {step}.").format(
                    step=f"{incoming.step_count:,}"
                ),
                5000,
            )

    @Slot(bool)
    def _on_builder_validity(self, valid: bool) -> None:
        self.controls.set_training_enabled(bool(valid))

    def sync_builder(self) -> None:
        """Show the trainer's config in the builder (without taking it back as an edit)."""
        builder = self.panels.get("builder")
        if builder is None:
            return
        self._syncing = True
        try:
            builder.set_config(dict(self.controller.config))
        finally:
            self._syncing = False

    # ---------------------------------------------------------------- live edits
    @Slot(float)
    def _on_learning_rate(self, lr: float) -> None:
        self._live_edit(self.controller.set_learning_rate, lr)

    @Slot(dict)
    def _on_clipping(self, spec: dict) -> None:
        self._live_edit(self.controller.set_clipping, spec)

    def _live_edit(self, apply: Any, value: Any) -> None:
        try:
            apply(value)
        except GradsimError as error:
            self.window.statusBar().showMessage(wording.error_message(error), 10_000)
            self.controls.set_config(self.controller.config)
            return
        self.sync_builder()
        self.controller.refresh()

    @Slot(str, int, int, float)
    def _on_weight_edited(self, name: str, row: int, col: int, value: float) -> None:
        old = math.nan
        frame = self.controller.last_frame
        if frame is not None and name in frame.snapshot.weights:
            matrix = frame.snapshot.weights[name]
            if 0 <= row < matrix.shape[0] and 0 <= col < matrix.shape[1]:
                old = float(matrix[row, col])
        builder = self.panels.get("builder")
        if math.isfinite(old) and builder is not None and hasattr(builder, "undo_stack"):
            builder.undo_stack().push(WeightEdit(self.controller, name, row, col, old, value))
        else:
            self.controller.edit_weight(name, row, col, value)


class _Placeholder:
    """What the question needs of a run that could not be copied: how far it got."""

    def __init__(self, step_count: int) -> None:
        self.step_count = step_count


def _same_except_live(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """True when two normalized configs differ at most in what can change live (lr, clipping)."""
    strip_old = {**old, "optimizer": {**old["optimizer"], "lr": None}, "clipping": None}
    strip_new = {**new, "optimizer": {**new["optimizer"], "lr": None}, "clipping": None}
    return strip_old == strip_new
