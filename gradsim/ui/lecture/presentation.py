"""The presentation view: a mode of the main window, not a copy of its panels.

On: the window's dock layout is kept (``saveState``) and replaced by the stage layout, built
for 1280x720 and 1024x768: the stage header with a large step counter on top, the diagnosis
banner under it, the stage's key panels large (the first two of its ``view``; a landscape
stage shows the landscape panel, race and value plot), the narrative in a side panel (T
hides it). The builder, the training controls, the other panels, the toolbar and the status
bar are hidden; the menu bar stays, so anything hidden is one click away. The projector
theme applies: the light theme on a white window, black text, the Okabe-Ito (colour-blind
safe) plot colours, and text and lines at the projector scale (100/150/200%).

Off: the layout, the bars and the user's own theme and scales come back as they were.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from gradsim.ui.common import theme
from gradsim.ui.lecture.stage_widgets import (
    BLACK,
    WHITE,
    BlackScreen,
    NarrativePanel,
    StageHeader,
    stage_texts,
)

translate = QCoreApplication.translate

#: Panels the stage layout never shows large (they are one click away in View > Panels).
HIDDEN_PANELS = ("builder", "controls", "banner")
#: What a stage shows when its view names only hidden panels.
DEFAULT_STAGE_PANELS = ("gradient_flow", "loss")
PROJECTOR_SCALES = (100, 150, 200)
DEFAULT_PROJECTOR_SCALE = 150


def stage_panels(
    view: tuple[str, ...], docks: dict[str, QDockWidget], fronted: tuple[str, ...] = ()
) -> list[str]:
    """The one or two panels a stage shows large: the last ones its actions brought to the
    front, then the first of its view, that can be shown."""
    wanted = [*reversed(fronted), *view]
    names = [name for name in dict.fromkeys(wanted) if name not in HIDDEN_PANELS and name in docks]
    if not names:
        names = [name for name in DEFAULT_STAGE_PANELS if name in docks]
    if "landscape" in names[:2]:
        return ["landscape"]  # its race and value plot need the room
    if "compare" in names[:2]:
        return ["compare"]  # a comparison's curves and tiles need the room (gradsim/ui/compare/)
    return names[:2]


def projector_palette() -> QPalette:
    """The light theme's palette with a white window (the projector theme)."""
    palette = theme.palette_for("light")
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, QColor(WHITE))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(BLACK))
    return palette


class PresentationView(QObject):
    """Turns the main window's presentation mode on and off and keeps the stage layout."""

    def __init__(self, window: Any, player: Any) -> None:
        super().__init__(window)
        self.window, self.player = window, player
        self.active = False
        self.scale = DEFAULT_PROJECTOR_SCALE
        self.narrative_visible = True
        self.header = StageHeader()
        self.narrative = NarrativePanel()
        self.header_dock = self._dock("dock_lecture_stage", self.header)
        self.narrative_dock = self._dock("dock_lecture_narrative", self.narrative)
        self.black = BlackScreen(window)
        self._saved_state: QByteArray | None = None
        self._saved_bars: dict[str, bool] = {}
        self._was_full_screen = False
        self._saved_splitter: list[list[int]] | None = None
        self.fronted: list[str] = []  # panels the stage's actions brought to the front
        self._stage_shown = -1
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.update_step)
        player.stageChanged.connect(self._on_stage)
        player.front_hook = self.front
        self.retranslate()

    def _dock(self, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setTitleBarWidget(QWidget())  # no title bar: the stage is not a panel to move
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.hide()
        return dock

    # ------------------------------------------------------------------ on and off
    def enter(self, *, full_screen: bool = True) -> None:
        if self.active:
            return
        window = self.window
        self._saved_state = window.saveState()
        self._saved_bars = {
            "toolbar": window.menus.toolbar.isVisible(),
            "status": window.statusBar().isVisible(),
        }
        self._was_full_screen = window.isFullScreen()
        self.active = True
        window.menus.toolbar.hide()
        window.statusBar().hide()
        self.apply_theme()
        self.arrange()
        self._timer.start()
        if full_screen and not window.isFullScreen():
            window.showFullScreen()

    def leave(self) -> None:
        if not self.active:
            return
        window = self.window
        self.active = False
        self._timer.stop()
        self.black.set_on(False)
        if window.isFullScreen() and not self._was_full_screen:
            window.showNormal()
        self.header_dock.hide()
        self.narrative_dock.hide()
        self._race_only(False)
        if self._saved_state is not None:
            window.restoreState(self._saved_state)
        self.header_dock.hide()
        self.narrative_dock.hide()
        window.menus.toolbar.setVisible(self._saved_bars.get("toolbar", True))
        window.statusBar().setVisible(self._saved_bars.get("status", True))
        p = window.preferences
        window.set_preferences(theme_name=p.theme, font_scale=p.font_scale, line_scale=p.line_scale)

    def set_scale(self, percent: int) -> None:
        self.scale = percent if percent in PROJECTOR_SCALES else DEFAULT_PROJECTOR_SCALE
        if self.active:
            self.apply_theme()

    def apply_theme(self) -> None:
        """The projector theme: light on a white window, black text, text and lines scaled."""
        window = self.window
        preferences = theme.Preferences(theme="light", font_scale=self.scale, line_scale=self.scale)
        theme.apply_preferences(preferences, window)
        QApplication.instance().setPalette(projector_palette())
        for panel in window.panels.values():
            if hasattr(panel, "apply_theme"):
                panel.apply_theme()
        self.header.apply_scale()
        self.narrative.apply_scale()
        if window.controller.last_frame is not None:
            window.drawer.draw_all(window.controller.last_frame)

    # ------------------------------------------------------------------ the stage layout
    def arrange(self) -> None:
        """Header, banner, the stage's panels and the narrative; every other dock hidden."""
        if not self.active or self.player.stage is None:
            return
        window = self.window
        docks = window.docks
        compared = ("compare",) if getattr(self.player.stage, "compare", None) is not None else ()
        shown = stage_panels(self.player.stage.view, docks, (*compared, *self.fronted))
        for dock in window.findChildren(QDockWidget):
            if dock.parent() is window:
                window.removeDockWidget(dock)
                dock.hide()
        top = Qt.DockWidgetArea.TopDockWidgetArea
        window.addDockWidget(top, self.header_dock)
        self.header_dock.show()
        landscape = shown == ["landscape"]
        self._race_only(landscape)
        if "banner" in docks and not landscape:  # the banner diagnoses the network, not a race
            window.addDockWidget(top, docks["banner"])
            window.splitDockWidget(self.header_dock, docks["banner"], Qt.Orientation.Vertical)
            docks["banner"].show()
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        previous = None
        for name in shown:
            dock = docks[name]
            if previous is None:
                window.addDockWidget(left, dock)
            else:
                window.splitDockWidget(previous, dock, Qt.Orientation.Horizontal)
            dock.setFloating(False)  # a comparison opened before the stage floats over the window
            dock.show()
            previous = dock
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.narrative_dock)
        self.narrative_dock.setVisible(self.narrative_visible)
        self._size_docks(shown)
        self._on_stage(self.player.index)

    def _race_only(self, on: bool) -> None:
        """A landscape stage: the surface, the race and its value plot get the room; the
        surface and race settings and the racers' table fold away (their splitters' handles
        bring them back; leaving the presentation restores them)."""
        panel = self.window.panels.get("landscape")
        splitters = getattr(getattr(panel, "analytic", None), "splitters", None)
        if not splitters:
            return
        outer, main, top = splitters[0], splitters[1], splitters[2]
        tables = main.widget(main.count() - 1)  # the racers' table and the results (not collapsible)
        if on:
            if self._saved_splitter is None:
                self._saved_splitter = [s.sizes() for s in (outer, main, top)]
            outer.setSizes([0, sum(outer.sizes())])  # the surface and race settings
            tables.hide()  # a zero size left the table at its minimum, its editors cut at 200%
            width = sum(top.sizes())
            top.setSizes([round(width * 0.6), width - round(width * 0.6)])  # surface | value plot
        elif self._saved_splitter is not None:
            tables.show()
            for splitter, sizes in zip((outer, main, top), self._saved_splitter, strict=True):
                splitter.setSizes(sizes)
            self._saved_splitter = None

    def _size_docks(self, shown: list[str]) -> None:
        window = self.window
        width = max(window.width(), 640)
        narrative = round(width * (0.24 if "landscape" in shown else 0.27))
        self.narrative_dock.setMinimumWidth(round(width * 0.22))
        if self.narrative_visible:
            panels = [self.window.docks[name] for name in shown]
            rest = width - narrative
            window.resizeDocks(
                [*panels, self.narrative_dock],
                [*(rest // max(len(panels), 1) for _ in panels), narrative],
                Qt.Orientation.Horizontal,
            )
        height = self.header.heightForWidth(width) if self.header.hasHeightForWidth() else -1
        height = max(height, self.header.sizeHint().height())  # a long title wraps: all its lines
        self.header_dock.setMinimumHeight(height)
        window.resizeDocks([self.header_dock], [height], Qt.Orientation.Vertical)
        banner = window.docks.get("banner")
        if banner is not None and banner.isVisible():  # the plots get the rest
            window.resizeDocks([banner], [banner.widget().sizeHint().height()], Qt.Orientation.Vertical)

    def front(self, name: str) -> bool:
        """A stage's ``front`` action while presenting: the panel joins the stage layout (the
        builder and the controls stay hidden); True when handled here."""
        if not self.active:
            return False
        if name not in HIDDEN_PANELS and name not in self.fronted:
            self.fronted.append(name)
            self.arrange()
        return True

    def toggle_narrative(self) -> bool:
        self.narrative_visible = not self.narrative_visible
        if self.active:
            self.narrative_dock.setVisible(self.narrative_visible)
        return self.narrative_visible

    # ------------------------------------------------------------------ texts
    @Slot(int)
    def _on_stage(self, index: int) -> None:
        player = self.player
        if index != self._stage_shown:
            self.fronted = []
            self._stage_shown = index
        if player.lesson is None or index < 0:
            return
        language = player.language()
        self.header.show_stage(
            player.lesson.text("title", language), index, player.count, player.text("title", index)
        )
        next_title = player.text("title", index + 1) if index + 1 < player.count else None
        self.narrative.show_stage(stage_texts(player, index), next_title)
        self.update_step()

    @Slot()
    def update_step(self) -> None:
        self.header.show_step(self.player.current_step())

    def retranslate(self) -> None:
        self.header.retranslate()
        self.narrative.retranslate()
        self._on_stage(self.player.index if self.player.lesson is not None else -1)
