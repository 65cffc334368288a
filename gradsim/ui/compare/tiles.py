"""Small multiples: one gradient-flow heatmap or one decision surface per variant, side by side.

Each tile *is* the training view's panel (:class:`~gradsim.ui.training.gradient_flow_panel.
GradientFlowPanel`, :class:`~gradsim.ui.training.decision_panel.DecisionPanel`) in its public
compact mode, fed that variant's snapshot: one implementation of each picture.
Axes are shared: the heatmaps keep the panel's fixed colour range (10^-8 to 10^1, the same
for every tile, so one colour bar, on the last tile, serves all) over the same steps (the
variants move in lockstep); the decision surfaces show the same data over the same grid.
Both are shared by construction, not by linked views (a linked view stopped following its
data here). A
tile's title carries its variant's colour and value, as the legend does; the plots' own
titles give way to it (the tile chooser names the picture).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from gradsim.engine.snapshot import Snapshot
from gradsim.ui.common import plotting as gp
from gradsim.ui.training.decision_panel import DecisionPanel
from gradsim.ui.training.gradient_flow_panel import GradientFlowPanel

KINDS = ("gradient_flow", "decision")


def make_panel(kind: str) -> GradientFlowPanel | DecisionPanel:
    """The training view's panel of ``kind`` in its compact mode (a small multiple)."""
    return GradientFlowPanel(compact=True) if kind == "gradient_flow" else DecisionPanel(compact=True)


class Tile(QFrame):
    """A variant's panel under a title in the variant's colour."""

    def __init__(self, kind: str, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setObjectName("compareTile")
        self.title = QLabel()
        self.title.setObjectName("compareTileTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.panel = make_panel(kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.panel, 1)
        self.apply_theme()
        self.retranslate()

    def retranslate(self) -> None:
        self.panel.retranslate()

    def drop_colour_bar(self) -> None:
        """No colour bar: the last tile's serves all (one fixed range)."""
        if isinstance(self.panel, GradientFlowPanel):
            self.panel.show_colour_bar(False)

    def set_name(self, name: str) -> None:
        self.title.setText(f"■ {name}")

    def apply_theme(self) -> None:
        colour = gp.series_colour(self.index)
        self.setStyleSheet(
            f"#compareTile {{ border-top: 3px solid {colour}; }}"
            f"#compareTileTitle {{ color: {colour}; font-weight: bold; }}"
        )
        self.panel.apply_theme()


class TileGrid(QWidget):
    """The tiles of one kind, in one row. A tile whose variant did not change since it was
    drawn costs a comparison (its panel keeps what it drew, :mod:`gradsim.ui.common.redraw`)."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
        self.kind = kind
        self.tiles: list[Tile] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)

    def set_variants(self, names: list[str]) -> None:
        """One tile per variant, named; rebuilt only when the number of variants changes."""
        if len(names) != len(self.tiles):
            for tile in self.tiles:
                self.grid.removeWidget(tile)
                tile.deleteLater()
            self.tiles = [Tile(self.kind, i, self) for i in range(len(names))]
            for i, tile in enumerate(self.tiles):
                self.grid.addWidget(tile, 0, i)
                self.grid.setColumnStretch(i, 1)  # equal widths (the colour bar's tile got its minimum)
                if i < len(self.tiles) - 1:
                    tile.drop_colour_bar()
        for tile, name in zip(self.tiles, names, strict=True):
            tile.set_name(name)

    def show_snapshots(self, snapshots: tuple[Snapshot, ...]) -> None:
        for tile, snapshot in zip(self.tiles, snapshots, strict=False):
            tile.panel.show_snapshot(snapshot)

    def fit_texts(self) -> None:
        """Each tile's plots at least as wide as their axes' tick labels, which the first
        frames widen ("out", "NaN", 10^-6: the last tile's bars were pushed out of its view).
        The training view's docks do this for their panels; the comparison has no such dock."""
        for tile in self.tiles:
            for view in tile.panel.findChildren(pg.GraphicsView):
                gp.keep_scene_inside(view)

    def retranslate(self) -> None:
        for tile in self.tiles:
            tile.retranslate()

    def apply_theme(self) -> None:
        for tile in self.tiles:
            tile.apply_theme()
