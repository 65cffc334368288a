"""The builder's dataset section: a generator with its settings, or the user's CSV, and a preview.

"Load CSV..." reads the file with the engine's loader first; a file the loader refuses
(a :class:`DataError`: a ragged row, a missing value, a single class...) is reported in
words under the button and the current dataset stays, so the network remains trainable.
The file chooser is the app's dialog service (``gradsim.ui.common.dialogs``, which tests replace),
or any function given to ``set_file_chooser``, so no test ever waits for a dialog.

The preview scatters the training points (first two features, or the first two
principal components when there are more; x against y for 1D regression), coloured by
class in the colours of the decision surface (``gradsim.ui.common.class_colours``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path as FilePath
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gradsim.engine.csv_data import load_csv
from gradsim.engine.datasets import DATASET_KINDS, Dataset, dataset_field_info
from gradsim.engine.errors import ConfigError, DataError
from gradsim.ui.builder.settings_forms import ParamRows
from gradsim.ui.common import config_text as text
from gradsim.ui.common import wording
from gradsim.ui.common.class_colours import class_colour
from gradsim.ui.common.fields import ChoiceField, FieldBox, MessageLabel

Path = tuple[Any, ...]
FileChooser = Callable[[QWidget, str, str], str | None]
PREVIEW_POINTS = 1500


def _default_chooser(parent: QWidget, caption: str, filters: str) -> str | None:
    """The app's dialog service (tests install a recording one), so no test waits for a click."""
    from gradsim.ui.common import dialogs

    return dialogs.service().open_file(parent, caption, "", filters)


def preview_points(dataset: Dataset) -> tuple[np.ndarray, np.ndarray, str]:
    """(xy, colour value, how) for the preview: ``how`` is "xy", "pca" or "curve"."""
    x = np.asarray(dataset.x_train, dtype=np.float64)[:PREVIEW_POINTS]
    y = np.asarray(dataset.y_train)[:PREVIEW_POINTS]
    if dataset.task == "regression":
        target = y[:, 0].astype(np.float64)
        if x.shape[1] == 1:
            return np.column_stack([x[:, 0], target]), target, "curve"
    else:
        target = (y[:, 0] if y.ndim == 2 else y).astype(np.int64)
    if x.shape[1] == 2:
        return x, target, "xy"
    if x.shape[1] == 1:
        return np.column_stack([x[:, 0], np.zeros(len(x))]), target, "xy"
    centred = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return centred @ vt[:2].T, target, "pca"


class DatasetForm(QWidget):
    """Kind, settings, CSV loading and a preview scatter."""

    edited = Signal(object, object, bool)
    kindChosen = Signal(object, str)  # noqa: N815 - Qt signal naming
    csvChosen = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chooser: FileChooser = _default_chooser
        self._csv_problem: tuple[str, Exception] | None = None  # (file name, why it was refused)
        self._kind_value = "circles"
        self._synced: dict[str, Any] | None = None  # the data spec shown last
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.kind_label = QLabel()
        self.kind = ChoiceField()
        self.kind.set_items((k, text.label(text.DATASETS, k)) for k in DATASET_KINDS)
        self.kind.edited.connect(self._on_kind)
        self.kind.combo.activated.connect(self._on_kind_activated)  # also the dataset already shown
        self.form.addRow(self.kind_label, self.kind)
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_button = QPushButton()
        self.load_button.setObjectName("loadCsvButton")
        self.load_button.clicked.connect(self.choose_csv)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.load_button)
        file_row.addStretch(0)
        self.load_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.form.addRow(file_row)
        self.load_message = MessageLabel(self)
        self.load_message.setObjectName("csvMessage")
        self.form.addRow(self.load_message)
        self.params = ParamRows(
            self.form,
            ("data",),
            text.DATA_PARAMS,
            self.edited.emit,
            info=self._field_info,
            skip=("kind", "path"),
        )
        self.data_message = MessageLabel(self)
        layout.addWidget(self.data_message)
        self.preview = pg.PlotWidget()
        self.preview.setObjectName("dataPreview")
        self.preview.setMinimumHeight(150)
        self.preview.setMaximumHeight(190)
        self.preview.setMenuEnabled(False)
        self.preview.setMouseEnabled(x=False, y=False)
        self.preview.hideButtons()
        self.preview.setAspectLocked(False)
        self.scatter = pg.ScatterPlotItem(size=5, pen=None)
        self.preview.addItem(self.scatter)
        self._apply_plot_colours()
        self.preview_caption = QLabel()
        self.preview_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.preview)
        layout.addWidget(self.preview_caption)
        self._preview_how = ""
        self.retranslate()

    def _apply_plot_colours(self) -> None:
        """Follow the application's palette (light or dark theme) instead of pyqtgraph's black."""
        palette = self.palette()
        self.preview.setBackground(palette.base().color())
        pen = pg.mkPen(palette.text().color())
        for name in ("left", "bottom"):
            axis = self.preview.getAxis(name)
            axis.setPen(pen)
            axis.setTextPen(pen)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_plot_colours()
        super().changeEvent(event)

    # ------------------------------------------------------------------ state
    def _field_info(self, key: str) -> dict[str, Any] | None:
        try:
            return dataset_field_info(self._kind_value).get(key)
        except ConfigError:
            return None

    def sync(self, spec: dict[str, Any]) -> None:
        if self._synced is not None and spec != self._synced:  # other data (undo, an opened
            self._forget_csv_problem()  # config): a refused file's message was about the old one
        self._synced = dict(spec)
        self._kind_value = spec["kind"]
        self.kind.set_value(spec["kind"])
        self.kind.combo.setToolTip(text.tip(text.DATASETS, spec["kind"]))
        is_csv = spec["kind"] == "csv"
        self.file_label.setText(FilePath(spec["path"]).name if is_csv and spec.get("path") else "")
        self.file_label.setToolTip(str(spec.get("path", "")))
        self.file_label.setVisible(is_csv)
        self.params.sync(spec)

    def fields(self) -> dict[Path, FieldBox]:
        return {("data", "kind"): self.kind, **self.params.editors}

    def set_data_error(self, message: str) -> None:
        """A problem with the data as a whole (the file no longer loads...)."""
        self.data_message.show_message(message)

    def set_file_chooser(self, chooser: FileChooser) -> None:
        """``chooser(parent, caption, filters) -> path or None`` replaces the file dialog."""
        self._chooser = chooser

    # ------------------------------------------------------------------ CSV
    def _on_kind(self, kind: str) -> None:
        if kind == "csv":
            if not self.choose_csv():
                self.kind.set_value(self._kind_value)
            return
        self._forget_csv_problem()
        self.kindChosen.emit(("data",), kind)

    def _on_kind_activated(self, index: int) -> None:
        """A built-in dataset picked in the list, even the one already shown (a refused CSV file
        left it there): the user is back on it, so the file's message goes."""
        if self.kind.combo.itemData(index) != "csv":
            self._forget_csv_problem()

    def _forget_csv_problem(self) -> None:
        self._csv_problem = None
        self.load_message.show_message("")

    def choose_csv(self) -> bool:
        caption = QCoreApplication.translate("BuilderPanel", "Load CSV data")
        filters = QCoreApplication.translate("BuilderPanel", "CSV files (*.csv *.txt);;All files (*)")
        path = self._chooser(self, caption, filters)
        if not path:
            return False
        return self.load_csv(path)

    def load_csv(self, path: str) -> bool:
        """Check ``path`` with the engine's loader; on success ask the builder to use it."""
        try:
            load_csv(path)
        except (DataError, ConfigError) as error:
            self._csv_problem = (FilePath(path).name, error)
            self._show_csv_problem()
            self.kind.set_value(self._kind_value)
            return False
        self._csv_problem = None
        self.load_message.show_message("")
        self.csvChosen.emit(str(path))
        return True

    def _show_csv_problem(self) -> None:
        """The refused file's problem in the user's language (again after a language switch)."""
        if self._csv_problem is None:
            return
        name, error = self._csv_problem
        message = QCoreApplication.translate("BuilderPanel", "Could not load {name}: {error}")
        # the engine's message is worded by its template (gradsim.ui.common.wording), never str()
        self.load_message.show_message(message.format(name=name, error=wording.error_message(error)))

    def csv_error(self) -> str:
        return self.load_message.message()

    # ------------------------------------------------------------------ preview
    def show_dataset(self, dataset: Dataset | None) -> None:
        if dataset is None:
            self.scatter.setData([], [])
            self._preview_how = ""
            self._caption(None)
            return
        points, values, how = preview_points(dataset)
        if how == "curve" or dataset.task == "regression":
            brushes = _value_brushes(values)
        else:
            brushes = [pg.mkBrush(class_colour(v)) for v in values]  # as the decision surface's
        self.scatter.setData(pos=points, brush=brushes, size=4 if len(points) > 600 else 5)
        self.preview.setAspectLocked(how == "xy")  # the 2D sets live on a square plane
        self.preview.enableAutoRange()
        self._preview_how = how
        self._caption(dataset)

    def _caption(self, dataset: Dataset | None) -> None:
        self._caption_dataset = dataset  # worded again by retranslate()
        if dataset is None:
            self.preview_caption.setText("")
            return
        template = {
            "xy": QCoreApplication.translate("BuilderPanel", "{train} training points, {test} test · {task}"),
            "pca": QCoreApplication.translate(
                "BuilderPanel",
                "{train} training points, {test} test · {task} · first 2 principal components of {dim}",
            ),
            "curve": QCoreApplication.translate(
                "BuilderPanel", "{train} training points, {test} test · {task}"
            ),
        }[self._preview_how]
        self.preview_caption.setText(
            template.format(
                train=len(dataset.x_train),
                test=len(dataset.x_test),
                task=text.label(text.CHOICE_VALUES, dataset.task),
                dim=dataset.input_dim,
            )
        )

    def retranslate(self) -> None:
        self.kind_label.setText(text.label(text.SETTINGS, "dataset"))
        self.kind_label.setToolTip(text.tip(text.SETTINGS, "dataset"))
        self.kind.relabel({k: text.label(text.DATASETS, k) for k in text.DATASETS})
        for index in range(self.kind.combo.count()):
            value = self.kind.combo.itemData(index)
            self.kind.combo.setItemData(index, text.tip(text.DATASETS, value), Qt.ItemDataRole.ToolTipRole)
        self.load_button.setText(QCoreApplication.translate("BuilderPanel", "Load CSV…"))
        if getattr(self, "_caption_dataset", None) is not None:
            self._caption(self._caption_dataset)
        self._show_csv_problem()
        self.load_button.setToolTip(
            QCoreApplication.translate(
                "BuilderPanel",
                "Train on your own data: a CSV file with numeric feature columns and a target column. "
                "Problems in the file are named here, with the line.",
            )
        )
        self.preview.setToolTip(
            QCoreApplication.translate(
                "BuilderPanel", "The training points, coloured by class (or by target value for regression)."
            )
        )
        self.params.retranslate()


def _value_brushes(values: np.ndarray) -> list[Any]:
    finite = values[np.isfinite(values)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    span = high - low or 1.0
    cmap = pg.colormap.get("cividis")
    colours = cmap.map((values - low) / span, mode="qcolor")
    return [pg.mkBrush(c) for c in colours]
