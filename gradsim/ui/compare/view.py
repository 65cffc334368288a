"""The comparison view: a legend with each variant's diagnosis, overlaid curves, tiled pictures.

Constructible alone (``ComparisonView()``) and fed ``show_snapshot(ComparisonSnapshot)``;
its buttons only emit signals (play/pause, step, reset, close), which the comparison's
owner (:mod:`gradsim.ui.compare.comparison`) sends to the lockstep worker. Every part takes
the variant's colour from one place (``plotting.series_colour(i)``, Okabe-Ito), so the legend,
the curves and the tiles agree.
"""

from __future__ import annotations

import time
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gradsim.runner.lockstep import ComparisonSnapshot
from gradsim.ui.common import plotting as gp
from gradsim.ui.common import theme, wording
from gradsim.ui.compare.overlay import OverlayPlots
from gradsim.ui.compare.text import setting_name, value_name
from gradsim.ui.compare.tiles import KINDS, TileGrid
from gradsim.ui.training.diagnosis_banner import ICONS, SEVERITY

translate = QCoreApplication.translate
STEP_SIZE = 10
#: The tiles (N heatmaps or N decision surfaces, the costly part) are drawn at most this
#: often while training runs; the curves and lines at every frame; everything on a pause.
TILES_INTERVAL_S = 0.1
FIT_DELAY_MS = 50  # the tiles' plots are fitted to their tick labels after those are painted


def diagnosis_line(snapshot: Any) -> tuple[str, str]:
    """(severity, one line) of a variant: its problems in the banner's order, or healthy."""
    if snapshot.step == 0 and not snapshot.diagnoses:
        return "idle", wording.not_started_title()
    if not snapshot.diagnoses:
        return "ok", wording.healthy_title()
    return SEVERITY.get(snapshot.diagnoses[0].code, "warning"), "; ".join(
        wording.grouped_short(snapshot.diagnoses)
    )


class VariantLegend(QWidget):
    """One row per variant: its colour and value, then its own diagnosis line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        self.names: list[QLabel] = []
        self.lines: list[QLabel] = []
        self._severities: list[str] = []

    def set_variants(self, names: list[str]) -> None:
        if len(names) != len(self.names):
            for label in self.names + self.lines:
                self.grid.removeWidget(label)
                label.deleteLater()
            self.names = [QLabel(self) for _ in names]
            self.lines = [QLabel(self) for _ in names]
            self._severities = ["idle"] * len(names)
            for i, (name, line) in enumerate(zip(self.names, self.lines, strict=True)):
                name.setTextFormat(Qt.TextFormat.PlainText)
                line.setWordWrap(True)
                line.setTextFormat(Qt.TextFormat.PlainText)
                self.grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
                self.grid.addWidget(line, i, 1)
        for name, text in zip(self.names, names, strict=True):
            name.setText(f"■ {text}")
        self.apply_theme()

    def show_lines(self, lines: list[tuple[str, str]]) -> None:
        """Set the lines that changed (a label's text or style sheet re-lays out the legend:
        2 ms a frame for 4 variants when set every frame)."""
        severities = [severity for severity, _ in lines]
        for label, (severity, text) in zip(self.lines, lines, strict=False):
            shown = f"{ICONS[severity]} {text}"
            if label.text() != shown:
                label.setText(shown)
        if severities != self._severities:
            self._severities = severities
            self.apply_theme()

    def apply_theme(self) -> None:
        colours = theme.severity_colours(theme.current_theme())
        for i, name in enumerate(self.names):
            name.setStyleSheet(f"color: {gp.series_colour(i)}; font-weight: bold;")
        for label, severity in zip(self.lines, self._severities, strict=False):
            label.setStyleSheet(f"color: {colours[severity][0]};")


class ComparisonView(QWidget):
    """What a comparison shows; ``show_snapshot`` draws the latest frame (called at the GUI's rate)."""

    playRequested = Signal()  # noqa: N815 - Qt naming; play or pause
    stepRequested = Signal(int)  # noqa: N815
    resetRequested = Signal()  # noqa: N815
    closeRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: ComparisonSnapshot | None = None
        self.setting = ""
        self.values: tuple[Any, ...] = ()
        self.language = "en"  # of the runs' names (scenario titles) in a "source" comparison
        self.running = False
        self._tiles_drawn_at = -1.0
        self._views: list[pg.GraphicsView] | None = None  # the plots settled each frame, found once
        self._theme_shown: tuple | None = None  # what apply_theme last applied (see _theme_key)
        self._theme_pending = False
        self._fit_pending = False
        self.title = QLabel()
        self.title.setObjectName("compareTitle")
        self.title.setWordWrap(True)
        self.step_label = QLabel()
        self.play_button = QPushButton()
        self.step_button = QPushButton()
        self.reset_button = QPushButton()
        self.close_button = QPushButton()
        self.play_button.clicked.connect(self.playRequested)
        self.step_button.clicked.connect(self._on_step)
        self.reset_button.clicked.connect(self.resetRequested)
        self.close_button.clicked.connect(self.closeRequested)
        self.legend = VariantLegend()
        self.overlay = OverlayPlots()
        self.tiles_label = QLabel()
        self.tiles_combo = QComboBox()
        self.tiles_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # languages
        for _ in KINDS:
            self.tiles_combo.addItem("")
        self.grids = {kind: TileGrid(kind) for kind in KINDS}
        self.tiles_stack = QStackedWidget()
        for kind in KINDS:
            self.tiles_stack.addWidget(self.grids[kind])
        self.tiles_combo.currentIndexChanged.connect(self._on_tiles_kind)
        self._build_layout()
        self.retranslate()

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.step_label)
        for button in (self.play_button, self.step_button, self.reset_button, self.close_button):
            header.addWidget(button)
        tiles = QWidget()
        tiles_layout = QVBoxLayout(tiles)
        tiles_layout.setContentsMargins(0, 0, 0, 0)
        chooser = QHBoxLayout()
        chooser.addWidget(self.tiles_label)
        chooser.addWidget(self.tiles_combo)
        chooser.addStretch(1)
        tiles_layout.addLayout(chooser)
        tiles_layout.addWidget(self.tiles_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.overlay)
        self.splitter.addWidget(tiles)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([400, 500])  # curves 4 : tiles 5 (a tile needs the height of its layers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.legend)
        layout.addWidget(self.splitter, 1)

    # ------------------------------------------------------------------ what is compared
    def set_comparison(self, setting: str, values: tuple[Any, ...]) -> None:
        """Name the varied setting and its values (the legend, the tiles' titles)."""
        self.setting, self.values = setting, tuple(values)
        total = sum(self.splitter.sizes()) or 900
        self.splitter.setSizes([round(total * 4 / 9), total - round(total * 4 / 9)])
        names = self.variant_names()
        self.legend.set_variants(names)
        self.overlay.set_variants(len(names))
        for grid in self.grids.values():
            grid.set_variants(names)
        self._views = None  # tiles may have been made or deleted
        self._set_title()

    def variant_names(self) -> list[str]:
        return [value_name(self.setting, value, self.language) for value in self.values]

    @property
    def tiles_kind(self) -> str:
        return KINDS[max(self.tiles_combo.currentIndex(), 0)]

    def set_tiles_kind(self, kind: str) -> None:
        self.tiles_combo.setCurrentIndex(KINDS.index(kind))

    # ------------------------------------------------------------------ drawing
    def show_snapshot(self, snapshot: ComparisonSnapshot, *, whole: bool = True) -> None:
        """Draw a frame; ``whole=False`` (frames while training) leaves the tiles for later
        when they were drawn less than ``TILES_INTERVAL_S`` ago."""
        self.snapshot = snapshot
        self._set_step(snapshot.step)
        self.legend.show_lines([diagnosis_line(s) for s in snapshot.snapshots])
        self.overlay.show_snapshots(snapshot.snapshots)
        now = time.monotonic()
        if whole or now - self._tiles_drawn_at >= TILES_INTERVAL_S:
            self._tiles_drawn_at = now
            self._draw_tiles(snapshot)
        self.settle()

    def _draw_tiles(self, snapshot: ComparisonSnapshot) -> None:
        self.grids[self.tiles_kind].show_snapshots(snapshot.snapshots)
        if not self._fit_pending:  # after the paint that measures the new tick labels
            self._fit_pending = True
            QTimer.singleShot(FIT_DELAY_MS, self._fit_tiles)

    @Slot()
    def _fit_tiles(self) -> None:
        self._fit_pending = False
        self.grids[self.tiles_kind].fit_texts()

    def _set_step(self, step: int) -> None:
        self.step_label.setText(translate("Comparison", "step {step}").format(step=f"{step:,}"))

    def settle(self) -> None:
        """Every visible plot settles its ranges now, before Qt paints (one paint, not two).
        The plots are looked up once per set of tiles (findChildren over the view's tree cost
        more than the settling)."""
        if self._views is None:
            self._views = self.findChildren(pg.GraphicsView)
        for view in self._views:
            if view.isVisible():
                view.scene().prepareForPaint()

    @Slot(int)
    def _on_tiles_kind(self, index: int) -> None:
        self.tiles_stack.setCurrentIndex(max(index, 0))
        if self.snapshot is not None:
            self._draw_tiles(self.snapshot)
            self.settle()

    @Slot()
    def _on_step(self) -> None:
        self.stepRequested.emit(STEP_SIZE)

    def set_running(self, running: bool) -> None:
        self.running = running
        self.play_button.setText(
            translate("Comparison", "Pause") if running else translate("Comparison", "Play")
        )

    # ------------------------------------------------------------------ words and looks
    def _set_title(self) -> None:
        self.title.setText(
            translate("Comparison", "Comparing: {setting}").format(setting=setting_name(self.setting))
            if self.setting
            else translate("Comparison", "Comparison")
        )

    def retranslate(self) -> None:
        self._set_title()
        self.set_running(self.running)
        if self.snapshot is not None:
            self._set_step(self.snapshot.step)
        self.step_button.setText(translate("Comparison", "Step {n}").format(n=STEP_SIZE))
        self.reset_button.setText(translate("Comparison", "Reset"))
        self.close_button.setText(translate("Comparison", "Close"))
        self.play_button.setToolTip(translate("Comparison", "Train every variant, all at the same step"))
        self.reset_button.setToolTip(translate("Comparison", "Start every variant again from step 0"))
        self.close_button.setToolTip(translate("Comparison", "End the comparison and stop its training"))
        self.tiles_label.setText(translate("Comparison", "One per variant:"))
        self.tiles_combo.setItemText(0, translate("Comparison", "Gradient flow"))
        self.tiles_combo.setItemText(1, translate("Comparison", "Decision surface"))
        self.overlay.retranslate()
        for grid in self.grids.values():
            grid.retranslate()
        if self.values:
            names = self.variant_names()
            self.legend.set_variants(names)
            for grid in self.grids.values():
                grid.set_variants(names)
        if self.snapshot is not None:
            self.legend.show_lines([diagnosis_line(s) for s in self.snapshot.snapshots])

    def apply_theme(self) -> None:
        """The current theme, text and line scale, everywhere in the view, drawn again."""
        self._theme_shown = self._theme_key()
        self.legend.apply_theme()
        self.overlay.apply_theme()
        for grid in self.grids.values():
            grid.apply_theme()
        if self.snapshot is not None:
            snapshot, self.snapshot = self.snapshot, None
            self.show_snapshot(snapshot)

    @staticmethod
    def _theme_key() -> tuple:
        """What the view's looks depend on: the theme's colours and the line scale."""
        return (theme.current_theme(), gp.background(), gp.foreground(), gp.line_scale())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        """Follow a theme change whoever makes it: the View menu (the window also calls
        :meth:`apply_theme`) or the presentation view's projector theme, which sets the
        application's palette, font and line scale and restyles only the window's panels.
        Applied once, after the change is complete (a theme sets the palette twice)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and not self._theme_pending:
            self._theme_pending = True
            QTimer.singleShot(0, self._follow_theme)

    @Slot()
    def _follow_theme(self) -> None:
        self._theme_pending = False
        if self._theme_key() != self._theme_shown:
            self.apply_theme()
