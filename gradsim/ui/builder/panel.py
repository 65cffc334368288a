"""The network builder: data, layers, initialization, loss, optimizer, schedule, regularization,
clipping and training settings, validated as the user types.

Contract (docs/architecture.md, "UI contracts"):

* ``configChanged(dict)`` carries a *validated* config (``validate_config`` output)
  whenever the user's edits form a valid one (never twice the same);
  ``validityChanged(bool)`` flips when the form becomes invalid or valid again, so the
  main window can disable Train. ``config()`` is always the last valid config.
* An invalid value is refused at its field: a vermillion border and the engine's
  message under the field (``optimizer.lr: must be a positive number, got -1.0``).
* Every edit is a command on :meth:`undo_stack`; typing in one field is one command
  (consecutive keystrokes merge until the focus moves).
* While a command's redo or undo shows its draft, :meth:`applying` names it and the
  direction, so a receiver of ``configChanged`` can keep what the change replaces on the
  command (:attr:`DraftCommand.kept`; the main window keeps the trained run there, so Ctrl+Z
  brings it back). A command that keeps something is not merged with the previous one.

The state is a draft config (see :mod:`gradsim.ui.builder.model`); the widgets
only show it, so undo/redo, ``set_config`` and a language change all redraw from it.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gradsim.engine.clipping import CLIPPING_KINDS
from gradsim.engine.config import validate_config
from gradsim.engine.datasets import dataset_defaults
from gradsim.engine.initializers import INIT_KINDS
from gradsim.engine.losses import LOSS_KINDS
from gradsim.engine.network import PRECISIONS
from gradsim.engine.optimizers import OPTIMIZER_KINDS
from gradsim.engine.schedules import SCHEDULE_KINDS
from gradsim.ui.builder.dataset_form import DatasetForm, FileChooser
from gradsim.ui.builder.layer_table import LayerTable
from gradsim.ui.builder.model import (
    DatasetCache,
    Path,
    apply_edit,
    config_to_draft,
    field_name,
    layer_init_path,
    layer_operation,
    switch_kind,
    validate_draft,
)
from gradsim.ui.builder.settings_forms import FixedForm, KindForm, choice_field
from gradsim.ui.common import config_text as text
from gradsim.ui.common.fields import ERROR_COLOUR, FieldBox, NumberField, text_problem

BIAS_INIT_KINDS = tuple(k for k in INIT_KINDS if k not in ("identity", "orthogonal"))


translate = QCoreApplication.translate


def _t(source: str) -> str:
    return QCoreApplication.translate("BuilderPanel", source)


class DraftCommand(QUndoCommand):
    """Replace the builder's draft; undo puts the previous one back.

    Commands with the same ``merge_key`` (typing in one field) merge until ``sealed``, and
    never when the newer one keeps something (``kept``: filled by receivers of
    ``configChanged``, see :meth:`BuilderPanel.applying`).
    """

    MERGE_ID = 0x6753  # any constant: commands merge only with the same id

    def __init__(self, panel: BuilderPanel, before: dict, after: dict, label: str, merge_key: Any = None):
        super().__init__(label)
        self.panel = panel
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self.sealed = False
        self.kept: dict[str, Any] = {}  # what this change replaced, kept for undo/redo by its receivers

    def redo(self) -> None:
        self.panel._apply_draft(self.after, (self, "redo"))

    def undo(self) -> None:
        self.panel._apply_draft(self.before, (self, "undo"))

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt naming
        if self.sealed or not isinstance(other, DraftCommand) or other.merge_key != self.merge_key:
            return False
        if other.kept:  # e.g. the trained run the newer keystroke replaced: its own undo step
            return False
        self.after = other.after
        return True


class BuilderPanel(QWidget):
    """Edit a training config with validation at every field and undo for every edit."""

    configChanged = Signal(dict)  # noqa: N815 - Qt signal naming
    validityChanged = Signal(bool)  # noqa: N815 - Qt signal naming

    def __init__(self, config: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("builderPanel")
        validated = validate_config(config if config is not None else {})
        self._config: dict[str, Any] = validated
        self._draft: dict[str, Any] = config_to_draft(validated)
        self._valid = True
        self._errors: dict[Path, str] = {}
        self._syncing = False
        self._datasets = DatasetCache()
        self._shown_dataset: Any = None
        self._applying: tuple[DraftCommand, str] | None = None
        self._undo = QUndoStack(self)
        self._build()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._seal_typing)
        self.retranslate()  # also shows the draft and validates it

    # ================================================================== public API
    def config(self) -> dict[str, Any]:
        """The last valid, validated config (a copy)."""
        return copy.deepcopy(self._config)

    def set_config(self, config: dict[str, Any], undoable: bool = True) -> None:
        """Show ``config`` (validated here; a ConfigError propagates) and emit configChanged if it
        differs from the last valid config.

        By default this is one undoable command ("Apply configuration"): the main window calls
        it after a live learning-rate or clipping change and after opening a config, and the
        builder's history (and the weight edits the main window pushes on the same stack)
        must survive that. ``undoable=False`` starts a new history instead.
        """
        draft = config_to_draft(validate_config(config))
        if not undoable:
            self._undo.clear()
            self._apply_draft(draft)
        elif draft != self._draft:
            self._commit(draft, translate("BuilderPanel", "Apply configuration"))

    def is_valid(self) -> bool:
        return self._valid

    def error_text(self) -> str:
        """Every current message, one per line ('' when the form is valid)."""
        return "\n".join(dict.fromkeys(self._errors.values()))

    def errors(self) -> dict[Path, str]:
        """Messages by field path (for tests and the status bar)."""
        return dict(self._errors)

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def applying(self) -> tuple[DraftCommand, str] | None:
        """``(command, "redo" or "undo")`` while an undo command shows its draft (``configChanged``
        is emitted then), None otherwise (``set_config(undoable=False)``, a language change)."""
        return self._applying

    def draft(self) -> dict[str, Any]:
        return copy.deepcopy(self._draft)

    def set_file_chooser(self, chooser: FileChooser) -> None:
        """Replace the CSV file dialog: ``chooser(parent, caption, filters) -> path or None``."""
        self.dataset_form.set_file_chooser(chooser)

    def load_csv(self, path: str) -> bool:
        """Use the CSV file ``path`` as the dataset (False and an inline message if it fails)."""
        return self.dataset_form.load_csv(path)

    # ================================================================== layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.status = QLabel()
        self.status.setObjectName("builderStatus")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 4, 0)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        self.scroll = scroll

        self.dataset_form = DatasetForm()
        self.dataset_form.edited.connect(self._on_edited)
        self.dataset_form.kindChosen.connect(self._on_kind)
        self.dataset_form.csvChosen.connect(self._on_csv)

        self.layer_table = LayerTable()
        self.layer_table.edited.connect(self._on_edited)
        self.layer_table.operation.connect(self._on_layer_operation)
        self.residual_form = FixedForm([(("network", "residual_every"), "residual_every", NumberField(True))])

        self.init_form = KindForm(("network", "init"), INIT_KINDS, text.INITS, text.INIT_PARAMS, "init")
        self.bias_form = KindForm(
            ("network", "bias_init"), BIAS_INIT_KINDS, text.INITS, text.INIT_PARAMS, "bias_init"
        )
        self.mixed_init_note = QLabel()
        self.mixed_init_note.setWordWrap(True)
        self.mixed_init_note.setStyleSheet("font-style: italic;")

        self.loss_form = FixedForm([(("loss",), "loss", choice_field(("auto", *LOSS_KINDS), text.LOSSES))])
        self.optimizer_form = KindForm(
            ("optimizer",), OPTIMIZER_KINDS, text.OPTIMIZERS, text.OPTIMIZER_PARAMS, "optimizer"
        )
        self.schedule_form = KindForm(
            ("schedule",), SCHEDULE_KINDS, text.SCHEDULES, text.SCHEDULE_PARAMS, "schedule"
        )
        self.regularization_form = FixedForm(
            [
                (("regularization", "l1"), "l1", NumberField()),
                (("regularization", "l2"), "l2", NumberField()),
            ]
        )
        self.clipping_form = KindForm(
            ("clipping",), CLIPPING_KINDS, text.CLIPPINGS, {"max": text.SETTINGS["clip_max"]}, "clip_kind"
        )
        self.training_form = FixedForm(
            [
                (("training", "batch_size"), "batch_size", NumberField(True)),
                (("training", "seed"), "training_seed", NumberField(True)),
                (("training", "precision"), "precision", choice_field(tuple(PRECISIONS), text.PRECISIONS)),
            ]
        )
        for form in (
            self.residual_form,
            self.init_form,
            self.bias_form,
            self.loss_form,
            self.optimizer_form,
            self.schedule_form,
            self.regularization_form,
            self.clipping_form,
            self.training_form,
        ):
            form.edited.connect(self._on_edited)
            if isinstance(form, KindForm):
                form.kindChosen.connect(self._on_kind)

        self.groups: dict[str, QGroupBox] = {}
        sections = {
            "data": (self.dataset_form,),
            "layers": (self.layer_table, self.residual_form),
            "init": (self.init_form, self.bias_form, self.mixed_init_note),
            "optimizer": (self.loss_form, self.optimizer_form, self.schedule_form),
            "regularization": (self.regularization_form, self.clipping_form),
            "training": (self.training_form,),
        }
        for name, widgets in sections.items():
            box = QGroupBox()
            box.setObjectName(f"group_{name}")
            layout = QVBoxLayout(box)
            layout.setContentsMargins(6, 6, 6, 6)
            for widget in widgets:
                layout.addWidget(widget)
            self.groups[name] = box
            self.content_layout.addWidget(box)
        self.content_layout.addStretch(1)
        self.general_message = QLabel()
        self.general_message.setWordWrap(True)
        self.general_message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.content_layout.addWidget(self.general_message)

    def _forms(self) -> tuple[Any, ...]:
        return (
            self.dataset_form,
            self.layer_table,
            self.residual_form,
            self.init_form,
            self.bias_form,
            self.loss_form,
            self.optimizer_form,
            self.schedule_form,
            self.regularization_form,
            self.clipping_form,
            self.training_form,
        )

    def fields(self) -> dict[Path, FieldBox]:
        """Every editor by the path of the setting it edits."""
        result: dict[Path, FieldBox] = {}
        for form in self._forms():
            result.update(form.fields())
        return result

    # ================================================================== edits
    def _commit(self, new: dict[str, Any], label: str, merge_key: Any = None) -> None:
        if new == self._draft:
            return
        self._undo.push(DraftCommand(self, copy.deepcopy(self._draft), new, label, merge_key))

    @Slot(object, object, bool)
    def _on_edited(self, path: Path, value: Any, merge: bool) -> None:
        if self._syncing:
            return
        label = translate("BuilderPanel", "Change {setting}").format(setting=field_name(path))
        self._commit(apply_edit(self._draft, path, value), label, path if merge else None)

    @Slot(object, str)
    def _on_kind(self, section: Path, kind: str) -> None:
        if self._syncing:
            return
        label = translate("BuilderPanel", "Choose {kind} for {setting}").format(
            kind=kind, setting=field_name(section)
        )
        self._commit(switch_kind(self._draft, section, kind), label)

    @Slot(str, int)
    def _on_layer_operation(self, operation: str, row: int) -> None:
        if self._syncing:
            return
        new, selected = layer_operation(self._draft, operation, row)
        labels = {
            "add": translate("BuilderPanel", "Add layer"),
            "remove": translate("BuilderPanel", "Remove layer"),
            "duplicate": translate("BuilderPanel", "Duplicate layer"),
            "up": translate("BuilderPanel", "Move layer up"),
            "down": translate("BuilderPanel", "Move layer down"),
            "all_width": translate("BuilderPanel", "Apply width to all layers"),
            "all_activation": translate("BuilderPanel", "Apply activation to all layers"),
            "all_norm": translate("BuilderPanel", "Apply normalization to all layers"),
        }
        self._commit(new, labels.get(operation, operation))
        self.layer_table.select_row(selected)

    @Slot(str)
    def _on_csv(self, path: str) -> None:
        old = self._draft["data"]
        spec = dataset_defaults("csv")
        spec["path"] = path
        for key in ("test_fraction", "seed"):
            if key in old:
                spec[key] = old[key]
        self._commit(apply_edit(self._draft, ("data",), spec), translate("BuilderPanel", "Load CSV data"))

    @Slot(QWidget, QWidget)
    def _seal_typing(self, old: QWidget | None, new: QWidget | None) -> None:
        """Focus moved: the next keystroke starts a new undo command."""
        index = self._undo.index()
        if index > 0:
            command = self._undo.command(index - 1)
            if isinstance(command, DraftCommand):
                command.sealed = True

    # ================================================================== state -> widgets
    def _apply_draft(self, draft: dict[str, Any], applying: tuple[DraftCommand, str] | None = None) -> None:
        self._applying = applying
        try:
            self._show_draft(draft)
        finally:
            self._applying = None

    def _show_draft(self, draft: dict[str, Any]) -> None:
        self._draft = copy.deepcopy(draft)
        self._syncing = True
        try:
            network = self._draft["network"]
            self.dataset_form.sync(self._draft["data"])
            self.layer_table.sync(network["layers"])
            self.residual_form.sync(self._draft)
            self.init_form.sync(network["init"])
            self.bias_form.sync(network["bias_init"])
            self.loss_form.sync(self._draft)
            self.optimizer_form.sync(self._draft["optimizer"])
            self.schedule_form.sync(self._draft["schedule"])
            self.regularization_form.sync(self._draft)
            self.clipping_form.sync(self._draft["clipping"])
            self.training_form.sync(self._draft)
            clip_max = self.clipping_form.params.editors.get(("clipping", "max"))
            if clip_max is not None:
                clip_max.setEnabled(self._draft["clipping"]["kind"] != "none")
            mixed = any(
                layer["init"] != network["init"] or layer["bias_init"] != network["bias_init"]
                for layer in network["layers"]
            )
            self.mixed_init_note.setVisible(mixed)
        finally:
            self._syncing = False
        self._revalidate()

    def _revalidate(self) -> None:
        result = validate_draft(self._draft, self._datasets)
        fields = self.fields()
        errors = self._local_errors(fields)
        for path, message in result.errors.items():
            errors.setdefault(layer_init_path(path), message)
        self._route_errors(errors, fields)
        self._errors = errors
        if result.dataset is not self._shown_dataset:
            self._shown_dataset = result.dataset
            self.dataset_form.show_dataset(result.dataset)
        valid = result.valid and not errors
        if valid and result.config is not None and result.config != self._config:
            self._config = result.config
            self.configChanged.emit(copy.deepcopy(result.config))
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)
        self._update_status()

    def _local_errors(self, fields: dict[Path, FieldBox]) -> dict[Path, str]:
        """Number fields whose text is not a number at all, named in words."""
        errors: dict[Path, str] = {}
        for path, field in fields.items():
            if isinstance(field, NumberField) and field.isEnabled():
                problem = text_problem(field.value())
                if problem:
                    errors.setdefault(_canonical(path), f"{field_name(_canonical(path))}: {problem}")
        return errors

    def _route_errors(self, errors: dict[Path, str], fields: dict[Path, FieldBox]) -> None:
        """Put each message at its field; the rest under the data, the table, or at the bottom."""
        shown: dict[int, str] = {}
        owners: dict[int, FieldBox] = {}
        data_messages: list[str] = []
        layer_messages: list[str] = []
        general: list[str] = []
        for path, message in errors.items():
            field = _find_field(path, fields)
            if path[:2] == ("network", "layers"):
                layer_messages.append(message)
            if field is not None:
                shown.setdefault(id(field), message)
                owners[id(field)] = field
            elif path[:1] == ("data",):
                data_messages.append(message)
            elif path[:2] != ("network", "layers"):
                general.append(message)
        for field in {id(f): f for f in fields.values()}.values():
            field.set_error(shown.get(id(field), ""))
        self.dataset_form.set_data_error("\n".join(data_messages))
        self.layer_table.set_messages(layer_messages)
        self.general_message.setText("\n".join("⚠ " + m for m in general))
        self.general_message.setVisible(bool(general))

    def _update_status(self) -> None:
        if self._valid:
            self.status.setText("✓ " + translate("BuilderPanel", "Ready to train."))
            self.status.setStyleSheet("")
        else:
            count = len(dict.fromkeys(self._errors.values()))
            self.status.setText(
                "⚠ "
                + translate(
                    "BuilderPanel", "{count} setting(s) to fix before training: see the marked fields."
                ).format(count=count)
            )
            self.status.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.status.setToolTip(self.error_text())

    # ================================================================== text
    def retranslate(self) -> None:
        titles = {
            "data": translate("BuilderPanel", "Data"),
            "layers": translate("BuilderPanel", "Layers"),
            "init": translate("BuilderPanel", "Initialization"),
            "optimizer": translate("BuilderPanel", "Loss, optimizer and learning rate"),
            "regularization": translate("BuilderPanel", "Regularization and gradient clipping"),
            "training": translate("BuilderPanel", "Training"),
        }
        for name, title in titles.items():
            self.groups[name].setTitle(title)
        self.mixed_init_note.setText(
            translate(
                "BuilderPanel",
                "The loaded config gives some layers their own initializers; choosing one here "
                "applies it to every layer.",
            )
        )
        self.setToolTip("")
        for form in self._forms():
            form.retranslate()
        self._apply_draft(self._draft)


def _canonical(path: Path) -> Path:
    """Activation parameters are edited at ``activation_params.k``; the engine says ``activation.k``."""
    if len(path) == 5 and path[:2] == ("network", "layers") and path[3] == "activation_params":
        return (*path[:3], "activation", path[4])
    return path


def _find_field(path: Path, fields: dict[Path, FieldBox]) -> FieldBox | None:
    """The editor of ``path`` or of its nearest parent setting (``data.path`` -> none)."""
    for length in range(len(path), 0, -1):
        field = fields.get(path[:length])
        if field is not None:
            return field
        if length <= 1 or path[:2] == ("network", "layers") and length <= 3:
            return None
    return None
