"""The panels as docks of the main window: built from the panel table, arranged in the default
layout, and their layout kept per machine in QSettings.

Panel modules are imported by name from :data:`~gradsim.ui.shell.panel_specs.PANELS`, so
the window runs with whatever is built: a missing module or a panel that fails to start
leaves its dock out (the banner and the training controls must start).
"""

from __future__ import annotations

import importlib
import sys
import traceback
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QStyle, QTabBar, QWidget

from gradsim.ui.common import plotting as gp
from gradsim.ui.shell.panel_specs import PANELS

LAYOUT_VERSION = 1  # bump when the dock set changes: an old saved layout is then ignored
REQUIRED_PANELS = ("banner", "controls")  # the window cannot work without them
SHORT_HEIGHT = 800  # a window lower than this stacks the network with the gradient flow

_horizontal, _vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


@dataclass
class PanelDocks:
    """The panels that started, their docks, and why the others are not there."""

    panels: dict[str, QWidget] = field(default_factory=dict)
    docks: dict[str, QDockWidget] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)  # name -> the module that does not exist
    errors: dict[str, str] = field(default_factory=dict)  # name -> traceback of a failed start


def create_panel_docks(
    window: QMainWindow, config: Mapping[str, Any], on_visibility: Callable[[bool], None]
) -> PanelDocks:
    """One dock per panel of the table; ``on_visibility`` hears every dock shown or hidden."""
    built = PanelDocks()
    for spec in PANELS:
        try:
            module = importlib.import_module(spec.module)
        except ModuleNotFoundError as error:
            if error.name == spec.module:
                built.missing[spec.name] = f"{spec.module} does not exist yet"
                continue
            raise
        panel_class = getattr(module, spec.cls)
        try:
            panel = panel_class(dict(config)) if spec.takes_config else panel_class()
        except Exception:  # noqa: BLE001 - a broken panel must not keep the app from starting
            if spec.name in REQUIRED_PANELS:
                raise
            built.errors[spec.name] = traceback.format_exc()
            print(f"gradsim: panel {spec.name} failed to start:\n{built.errors[spec.name]}", file=sys.stderr)
            continue
        built.panels[spec.name] = panel
        dock = QDockWidget(window)
        dock.setObjectName(f"dock_{spec.name}")
        dock.setWidget(panel if spec.name == "banner" else _scrollable(panel))
        if spec.name == "banner":
            HeightForWidth(panel)  # the banner wraps: its dock grows to show every line
        dock.visibilityChanged.connect(on_visibility)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        built.docks[spec.name] = dock
        dock.dockLocationChanged.connect(_TabNamesKeeper.for_window(window).schedule)
    return built


class _TabNamesKeeper(QObject):
    """Runs :func:`keep_tab_names` once the window's layout has changed (after the event)."""

    @classmethod
    def for_window(cls, window: QMainWindow) -> _TabNamesKeeper:
        keeper = window.findChild(cls, "tabNamesKeeper", Qt.FindChildOption.FindDirectChildrenOnly)
        return keeper if keeper is not None else cls(window)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("tabNamesKeeper")

    @Slot()
    def schedule(self) -> None:
        QTimer.singleShot(0, self, self._apply)

    def _apply(self) -> None:
        window = self.parent()
        if isinstance(window, QMainWindow):
            keep_tab_names(window)


class _LayoutRequests(QObject):
    """Calls ``on_request`` whenever ``widget``'s layout asks to be redone."""

    def __init__(self, widget: QWidget, area: FittingScrollArea) -> None:
        super().__init__(widget)
        self._area = weakref.ref(area)  # the area owns the panel that owns this filter: no cycle
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        area = self._area()
        if area is not None and event.type() == QEvent.Type.LayoutRequest:
            area.fit()
        return False


class HeightForWidth(QObject):
    """Keeps a widget's minimum height at what its layout needs for its width.

    A dock does not ask its widget's height for width: the banner's wrapped remedies were cut
    after their first line at 1280x720. This filter sets the banner's minimum height from its
    layout at every resize and layout change, so the dock (and the window's layout) gives it
    the lines it has.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit()
        return False

    def fit(self) -> None:
        layout = self._widget.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        width = self._widget.width() if self._widget.isVisible() else self._widget.window().width() - 12
        height = layout.totalMinimumHeightForWidth(max(width, 1))
        if height != self._widget.minimumHeight():
            self._widget.setMinimumHeight(height)


def banner_height(dock: QDockWidget, width: int) -> int:
    """The height the banner's lines need at ``width`` (the window's: the banner spans it)."""
    banner = dock.widget()
    layout = banner.layout() if banner is not None else None
    if layout is None or not layout.hasHeightForWidth():
        return 60
    return layout.totalMinimumHeightForWidth(max(width - 12, 100))


def keep_tab_names(window: QMainWindow) -> None:
    """Tabs of docked panels show their whole names: no "Decision s…", "Histo…".

    Qt elides a dock tab's text when its group is narrow; here the tabs keep their text and
    the bar shows scroll arrows when they do not all fit. QMainWindow makes its tab bars as
    docks are tabified, so this runs after every layout change (see ``dockLocationChanged``).
    """
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)


def arrange_default_layout(window: QMainWindow, docks: Mapping[str, QDockWidget]) -> None:
    """Banner on top; controls and builder | network and gradient flow | loss and the rest.

    Below 1500x950 (a 1280x800 projector) the controls and the builder share a tab group,
    so each panel keeps a usable size; below 800 px high (1280x720) the network joins the
    gradient flow's tab group, which then has the column's height for all its layers.
    """
    for dock in docks.values():
        window.removeDockWidget(dock)
    compact = window.width() < 1500 or window.height() < 950
    short = window.height() < SHORT_HEIGHT
    left = [["controls", "builder"]] if compact else [["controls"], ["builder"]]
    middle = [["diagram"], ["gradient_flow", "landscape"]]
    right = [["loss"], ["decision", "histograms", "weights", "activation_lab"]]
    if short:  # one tab group per column: each panel then has the column's height (measured at
        # 1280x720: the network stacked above the gradient flow got a 162 px view, a 30-layer net
        # a 10 px strip, and the gradient flow 265 of the 319 px its 31 rows need: both scrolled)
        middle = [["gradient_flow", "diagram", "landscape"]]
        right = [[name for cell in right for name in cell]]
    columns = [left, middle, right]
    columns = [[[n for n in cell if n in docks] for cell in col] for col in columns]
    columns = [[cell for cell in col if cell] for col in columns]
    columns = [col for col in columns if col]
    top = docks["banner"]
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, top)
    top.show()
    heads: list[QDockWidget] = []
    for col in columns:
        head = docks[col[0][0]]
        window.splitDockWidget(heads[-1] if heads else top, head, _horizontal if heads else _vertical)
        heads.append(head)
    for col in columns:
        previous = None
        for cell in col:
            first = docks[cell[0]]
            if previous is not None:
                window.splitDockWidget(previous, first, _vertical)
            for name in cell[1:]:
                window.tabifyDockWidget(first, docks[name])
            previous = first
    for dock in docks.values():
        dock.show()
    for col in columns:
        for cell in col:
            docks[cell[0]].raise_()  # the first panel of each tab group in front
    scale = window.width() / 1600
    widths = [max(340, round(360 * scale)), round(660 * scale), round(580 * scale)]
    if compact:  # the middle column first: the gradient flow's plots and titles need ~530 px
        widths = [330, max(560, window.width() - 330 - 390), 390]
    window.resizeDocks(heads, widths[: len(heads)], Qt.Orientation.Horizontal)
    heights = {"controls": 360, "builder": 540, "diagram": 330, "gradient_flow": 570, "loss": 600}
    vertical = [docks[cell[0]] for col in columns for cell in col]
    window.resizeDocks(
        vertical, [heights.get(d.objectName()[5:], 520) for d in vertical], Qt.Orientation.Vertical
    )
    window.resizeDocks([top], [banner_height(top, window.width())], Qt.Orientation.Vertical)
    keep_tab_names(window)


def restore_layout(window: QMainWindow, *, geometry: bool = True) -> None:
    """The window's size and place (``geometry``) and its docks as they were saved last."""
    settings = QSettings()
    if geometry:
        saved = settings.value("window/geometry")
        if isinstance(saved, QByteArray | bytes):
            window.restoreGeometry(saved)
    state = settings.value("window/state")
    if isinstance(state, QByteArray | bytes):
        window.restoreState(state, LAYOUT_VERSION)
    keep_tab_names(window)


def save_layout(window: QMainWindow) -> None:
    settings = QSettings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState(LAYOUT_VERSION))


def initial_size() -> tuple[int, int]:
    """1600x1000, or 95% of a smaller screen (a projector at 1280x800)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() in ("offscreen", "minimal"):
        return 1600, 1000
    available = screen.availableGeometry()
    return min(1600, int(available.width() * 0.95)), min(1000, int(available.height() * 0.95))


def _scrollable(panel: QWidget) -> QScrollArea:
    """The panel in a frameless scroll area: a dock can then shrink below the panel's minimum
    size (a 1280x800 projector) and shows scroll bars instead of forcing the window larger."""
    area = FittingScrollArea()
    area.setObjectName(f"scroll_{panel.objectName() or type(panel).__name__}")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return area


class FittingScrollArea(QScrollArea):
    """A scroll area that scrolls only what does not fit.

    ``QScrollArea.setWidgetResizable`` gives a panel whose layout has height-for-width (any
    word-wrapped label) the height its layout *prefers* at that width, the plots' size hints
    included, so a panel that would fit showed a vertical scroll bar and its plot's lowest
    row (layer 1 of the gradient flow) below the dock's edge. Here the panel gets the
    viewport's size, or its *minimum* size for the viewport's width when that is larger.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt override)
        super().setWidget(widget)
        # a filter owned by the panel, not this area: no Python override runs while Qt
        # destroys the area and its panel
        _LayoutRequests(widget, self)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        widget = self.widget()
        return widget.sizeHint() if widget is not None else super().sizeHint()

    def fit(self) -> None:
        """Size the panel: the viewport, or its minimum for the width if larger."""
        widget = self.widget()
        if widget is None:
            return
        arrange = getattr(widget, "arrange_for", None)
        if callable(arrange):  # a panel that lays itself out for the room it gets (not its own size)
            arrange(self.maximumViewportSize())
        for view in widget.findChildren(pg.GraphicsView):  # plots as large as their texts
            if view.isVisibleTo(widget):
                gp.keep_scene_inside(view)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        view = self.maximumViewportSize()  # the viewport without scroll bars
        need = self.needed_size(view.width())
        if need.height() > view.height():  # a vertical bar takes width: fit what remains
            need = self.needed_size(view.width() - bar)
        width = max(view.width() - (bar if need.height() > view.height() else 0), need.width())
        height = max(view.height() - (bar if width > view.width() else 0), need.height())
        if widget.size() != QSize(width, height):
            widget.resize(width, height)

    def needed_size(self, width: int) -> QSize:
        """The panel's smallest size at ``width`` (wider if its minimum width is larger)."""
        widget = self.widget()
        minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        width = max(width, minimum.width())
        layout = widget.layout()
        height = minimum.height()
        if layout is not None and layout.hasHeightForWidth():
            height = max(height, layout.totalMinimumHeightForWidth(width))
        return QSize(width, height)
