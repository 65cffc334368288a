"""Small multiples: one gradient-flow heatmap or one decision surface per variant, side by side.

Each tile *is* the training view's panel (:class:`~gradsim.ui.training.gradient_flow_panel.
GradientFlowPanel`, :class:`~gradsim.ui.training.decision_panel.DecisionPanel`) fed that
variant's snapshot, with its own controls folded away: one implementation of each picture.
Axes are shared: the heatmaps keep the panel's fixed colour range (10^-8 to 10^1, the same
for every tile, so one colour bar, on the last tile, serves all) over the same steps (the
variants move in lockstep); the decision surfaces show the same data over the same grid.
Both are shared by construction, not by linked views (a linked view stopped following its
data here). A
tile's title carries its variant's colour and value, as the legend does; the plots' own
titles give way to it (the tile chooser names the picture).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from gradsim.engine.snapshot import Snapshot
from gradsim.ui.common import plotting as gp
from gradsim.ui.training.decision_panel import DecisionPanel
from gradsim.ui.training.gradient_flow_panel import GradientFlowPanel

KINDS = ("gradient_flow", "decision")


def _gradient_tile() -> GradientFlowPanel:
    panel = GradientFlowPanel()
    for widget in (
        panel.fixed_check,
        panel.low_spin,
        panel.to_label,
        panel.high_spin,
        panel.bucket_label,
        panel.bucket_combo,
        panel.range_label,
        panel.summary,
    ):
        widget.hide()  # one shared colour range: the fixed default of every tile
    panel.graphics._minimum_floor = (160, 110)  # plotting.keep_scene_inside's floor: a tile is small
    return panel


class DecisionTile(DecisionPanel):
    """The decision panel as a small multiple: no title (the tile's header names the variant,
    the tile chooser the picture), no caption, no class legend (the classes keep the colours
    of the main decision panel): a narrow tile cut them."""

    def __init__(self) -> None:
        super().__init__()
        self.caption.hide()
        self.legend.hide()
        self.plot_widget.setMinimumSize(140, 110)

    def _title_that_fits(self) -> str:
        return ""


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
        self.panel = _gradient_tile() if kind == "gradient_flow" else DecisionTile()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.panel, 1)
        self.apply_theme()
        self.retranslate()

    def retranslate(self) -> None:
        self.panel.retranslate()
        if isinstance(self.panel, GradientFlowPanel):
            for plot in (self.panel.heatmap_plot, self.panel.bars_plot):
                plot.titleLabel.setText("")  # a hidden title keeps its text's width in the plot
                plot.setTitle(None)
            self.panel.bars_plot.setLabel("bottom", "")  # the heatmap's colour bar says what it is
            self.panel._keep_texts_whole()  # the panel's minimum width, now without titles

    def drop_colour_bar(self) -> None:
        """No colour bar (the last tile's serves all): hidden, and no width (a hidden item
        keeps its place in the plots' grid layout)."""
        if isinstance(self.panel, GradientFlowPanel):
            self.panel.colour_bar_plot.hide()
            self.panel.colour_bar_plot.setFixedWidth(0)
            self.panel._keep_texts_whole()

    def set_name(self, name: str) -> None:
        self.title.setText(f"■ {name}")

    def apply_theme(self) -> None:
        colour = gp.series_colour(self.index)
        self.setStyleSheet(
            f"#compareTile {{ border-top: 3px solid {colour}; }}"
            f"#compareTileTitle {{ color: {colour}; font-weight: bold; }}"
        )
        if hasattr(self.panel, "apply_theme"):
            self.panel.apply_theme()


class TileGrid(QWidget):
    """The tiles of one kind, in one row."""

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
                if i < len(self.tiles) - 1:
                    tile.drop_colour_bar()
        for tile, name in zip(self.tiles, names, strict=True):
            tile.set_name(name)

    def show_snapshots(self, snapshots: tuple[Snapshot, ...]) -> None:
        for tile, snapshot in zip(self.tiles, snapshots, strict=False):
            tile.panel.show_snapshot(snapshot)

    def retranslate(self) -> None:
        for tile in self.tiles:
            tile.retranslate()

    def apply_theme(self) -> None:
        for tile in self.tiles:
            tile.apply_theme()
