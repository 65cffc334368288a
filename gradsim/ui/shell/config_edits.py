"""Configs in and out of the running trainer, and the panels kept in step with them.

File > Open config, the builder's edits (a learning rate or clipping change goes to the
running trainer live; anything else starts the new config from step 0), the training
controls' live learning rate and clipping, and weights typed into the network diagram
(undoable with the builder's undo stack). After each, the panels that show the config
(controls, builder, activation lab) follow the trainer's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMainWindow, QWidget

from gradsim import shipped
from gradsim.engine.config import validate_config
from gradsim.engine.errors import GradsimError
from gradsim.ui.common import dialogs as dialog_module
from gradsim.ui.common import wording
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

    # ---------------------------------------------------------------- whole configs
    def load_config(self, config: Mapping[str, Any], *, update_builder: bool = True) -> bool:
        """Train ``config`` from step 0 (the running state is kept); False after showing an error."""
        try:
            normalized = validate_config(config)
            self.controller.replace_config(normalized)
        except GradsimError as error:
            self._show_error(error)
            return False
        self.follow_trainer(update_builder=update_builder)
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
        self.load_config(new, update_builder=False)

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


def _same_except_live(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """True when two normalized configs differ at most in what can change live (lr, clipping)."""
    strip_old = {**old, "optimizer": {**old["optimizer"], "lr": None}, "clipping": None}
    strip_new = {**new, "optimizer": {**new["optimizer"], "lr": None}, "clipping": None}
    return strip_old == strip_new
