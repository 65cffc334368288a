"""The two choosers of File > Export: what to draw into an image (plot, format, scale) and what to
animate (view, format, frames, speed, size, scale).

They only collect choices (:meth:`ImageDialog.choice`, :meth:`AnimationDialog.choice`); the
export menu asks for the file name through the dialog service and does the work, so tests
drive the work without a modal dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gradsim.ui.export.images import SCALES
from gradsim.ui.export.movie import MAX_FPS, video_available

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ImageChoice:
    plot: str
    fmt: str
    scale: float
    copy: bool = False  # to the clipboard instead of a file


@dataclass(frozen=True)
class AnimationChoice:
    view: str
    fmt: str
    frames: int
    fps: int
    size: tuple[int, int]
    scale: float


def _scale_box(default: float) -> QComboBox:
    box = QComboBox()
    for scale in SCALES:
        box.addItem(f"{scale:g}×", scale)
    box.setCurrentIndex(SCALES.index(default))
    return box


class ImageDialog(QDialog):
    """Plot (a panel, the whole window, the stage), PNG or SVG, and the PNG's scale."""

    def __init__(
        self, plots: dict[str, str], parent: QWidget | None = None, current: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Export", "Export an image"))
        self.plot_box = QComboBox()
        for name, label in plots.items():
            self.plot_box.addItem(label, name)
        if current in plots:
            self.plot_box.setCurrentIndex(list(plots).index(current))
        self.format_box = QComboBox()
        self.format_box.addItem(translate("Export", "PNG image"), "png")
        self.format_box.addItem(translate("Export", "SVG drawing (text stays text)"), "svg")
        self.scale_box = _scale_box(2.0)
        self.format_box.currentIndexChanged.connect(self._on_format)
        self.plot_box.setToolTip(
            translate("Export", "A panel as it is drawn now, the whole window, or the stage")
        )
        self.format_box.setToolTip(
            translate("Export", "PNG for slides and documents; SVG to edit or scale without losing sharpness")
        )
        self.scale_box.setToolTip(
            translate("Export", "Pixels per point of the screen: 2× is sharp on a projector and in slides")
        )
        form = QFormLayout()
        form.addRow(translate("Export", "Plot:"), self.plot_box)
        form.addRow(translate("Export", "Format:"), self.format_box)
        form.addRow(translate("Export", "Scale:"), self.scale_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(translate("Export", "Save…"))
        self.copy_button = QPushButton(translate("Export", "Copy to clipboard"))
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.clicked.connect(self._on_copy)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._copy = False
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _on_format(self, _index: int) -> None:
        self.scale_box.setEnabled(self.format_box.currentData() == "png")

    def _on_copy(self) -> None:
        self._copy = True

    def choice(self) -> ImageChoice:
        return ImageChoice(
            self.plot_box.currentData(),
            self.format_box.currentData(),
            float(self.scale_box.currentData()),
            self._copy,
        )


class AnimationDialog(QDialog):
    """View, GIF or MP4, frames, frames a second, frame size and scale."""

    def __init__(self, views: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Export", "Export an animation"))
        self.view_box = QComboBox()
        for name, label in views.items():
            self.view_box.addItem(label, name)
        self.view_box.setToolTip(
            translate(
                "Export",
                "The run is trained again from its start (the same seed and edits give the same run), "
                "so the animation does not depend on how fast this computer drew it live.",
            )
        )
        self.format_box = QComboBox()
        self.format_box.addItem(translate("Export", "GIF (plays everywhere)"), "gif")
        self.format_box.addItem(translate("Export", "MP4 video (H.264)"), "mp4")
        if not video_available():
            item = self.format_box.model().item(1)
            item.setEnabled(False)
            item.setToolTip(
                translate("Export", "MP4 needs imageio and imageio-ffmpeg: pip install 'gradsim[video]'")
            )
        self.format_box.setToolTip(
            translate("Export", "GIF frames last at least 20 ms (at most 50 a second)")
        )
        self.frames_spin = _spin(2, 1000, 60, translate("Export", "How many pictures, spread over the run"))
        self.fps_spin = _spin(1, MAX_FPS, 10, translate("Export", "Frames a second when it plays"))
        self.width_spin = _spin(160, 3840, 960, translate("Export", "Width of a frame before scaling"))
        self.height_spin = _spin(120, 2160, 540, translate("Export", "Height of a frame before scaling"))
        self.scale_box = _scale_box(1.0)
        self.scale_box.setToolTip(
            translate("Export", "Pixels per point: 2× for a sharp video on a projector")
        )
        size = QHBoxLayout()
        size.addWidget(self.width_spin)
        size.addWidget(QLabel("×"))
        size.addWidget(self.height_spin)
        size.addStretch(1)
        form = QFormLayout()
        form.addRow(translate("Export", "Show:"), self.view_box)
        form.addRow(translate("Export", "Format:"), self.format_box)
        form.addRow(translate("Export", "Frames:"), self.frames_spin)
        form.addRow(translate("Export", "Frames a second:"), self.fps_spin)
        form.addRow(translate("Export", "Frame size:"), size)
        form.addRow(translate("Export", "Scale:"), self.scale_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = QPushButton(translate("Export", "Save…"))
        save.setDefault(True)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> AnimationChoice:
        return AnimationChoice(
            view=self.view_box.currentData(),
            fmt=self.format_box.currentData(),
            frames=self.frames_spin.value(),
            fps=self.fps_spin.value(),
            size=(self.width_spin.value(), self.height_spin.value()),
            scale=float(self.scale_box.currentData()),
        )


def _spin(low: int, high: int, value: int, tip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setToolTip(tip)
    return spin
