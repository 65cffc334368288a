"""Where the analytic tab's parts go: side by side in a wide panel, stacked under the plots in a
narrow one, so the race fits its dock at a projector's size (issue 14) without scroll bars.

* Wide (a floating or maximized landscape, >= :data:`WIDE_FROM` px): the surface and race
  settings in a column on the left; the plots, the playback row and, under them, the racers'
  table beside the results.
* Narrow (the landscape docked in the middle column at 1280x720 or 1600x1000, about 540-650 px
  wide, < :data:`NARROW_BELOW` px): the plots take the whole width; the racers, the results
  and the settings share one tab group under them.

Between the two thresholds the arrangement stays as it is, and each arrangement's minimum
width is below :data:`NARROW_BELOW`, so switching never changes the width that chose it.
The outer splitter always holds (settings slot, main) and the main splitter (race, tables):
the presentation view folds them by index (``splitters``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

translate = QCoreApplication.translate

NARROW_BELOW = 980  # px: a narrower analytic tab stacks its tables and settings under the plots
WIDE_FROM = 1020  # px: from this width the settings column comes back


class HeightForWidthBox(QWidget):
    """A container whose minimum height is what its layout needs at its width.

    A splitter asks its children for their minimum size only, never their height for their
    width: a row that wraps (the playback buttons in Russian) or a wrapped status line would
    be cut. Keeping the minimum height up to date makes the splitter give them their lines.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().event(event)

    def fit(self) -> None:
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth() or self.width() <= 0:
            return
        height = layout.totalMinimumHeightForWidth(self.width())
        if height != self.minimumHeight():
            self.setMinimumHeight(height)


class AnalyticArrangement:
    """Builds the tab's splitters around its parts and moves the parts when the width asks."""

    def __init__(self, settings: QWidget, race: QWidget, optimizers: QWidget, results: QWidget) -> None:
        self.settings, self.optimizers, self.results = settings, optimizers, results
        self.narrow = False
        self.settings_slot = QWidget()  # the settings column in a wide tab, hidden in a narrow one
        slot_layout = QVBoxLayout(self.settings_slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        slot_layout.addWidget(settings)
        self.tables = QSplitter(Qt.Orientation.Horizontal)
        self.tables.addWidget(optimizers)
        self.tables.addWidget(results)
        self.tables.setStretchFactor(0, 1)
        self.tables.setStretchFactor(1, 1)
        self.tables.setSizes([560, 540])
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.setUsesScrollButtons(True)
        self.below = QStackedWidget()  # the tables side by side, or the tab group
        self.below.addWidget(self.tables)
        self.below.addWidget(self.tabs)
        self.main = QSplitter(Qt.Orientation.Vertical)
        self.main.addWidget(race)
        self.main.addWidget(self.below)
        self.main.setStretchFactor(0, 4)
        self.main.setStretchFactor(1, 1)
        self.main.setSizes([640, 190])
        self.outer = QSplitter(Qt.Orientation.Horizontal)
        self.outer.addWidget(self.settings_slot)
        self.outer.addWidget(self.main)
        self.outer.setStretchFactor(0, 0)
        self.outer.setStretchFactor(1, 1)
        self.outer.setSizes([290, 1100])
        self.outer.setCollapsible(1, False)
        self._wide_sizes = (self.outer.sizes(), self.main.sizes())

    def follow_width(self, width: int) -> None:
        """Narrow below :data:`NARROW_BELOW`, wide from :data:`WIDE_FROM`, unchanged between."""
        if width < NARROW_BELOW:
            self.set_narrow(True)
        elif width >= WIDE_FROM:
            self.set_narrow(False)

    def set_narrow(self, narrow: bool) -> None:
        if narrow == self.narrow:
            return
        self.narrow = narrow
        if narrow:
            self._wide_sizes = (self.outer.sizes(), self.main.sizes())
            for page in (self.optimizers, self.results, self.settings):
                self.tabs.addTab(page, "")
            self.tabs.setCurrentIndex(0)
            self.below.setCurrentWidget(self.tabs)
            self.settings_slot.hide()
            self.retranslate()
            height = sum(self.main.sizes())
            self.main.setSizes([height - height * 2 // 5, height * 2 // 5])
            return
        self.tabs.clear()  # the pages stay alive: they move back
        self.settings_slot.layout().addWidget(self.settings)
        self.tables.addWidget(self.optimizers)
        self.tables.addWidget(self.results)
        for page in (self.settings, self.optimizers, self.results):
            page.show()  # a tab group hid its pages that were not in front
        self.below.setCurrentWidget(self.tables)
        self.settings_slot.show()
        outer, main = self._wide_sizes
        self.outer.setSizes(outer)
        self.main.setSizes(main)

    def retranslate(self) -> None:
        texts = {
            self.optimizers: translate("AnalyticLandscape", "Racers"),
            self.results: translate("AnalyticLandscape", "Results"),
            self.settings: translate("AnalyticLandscape", "Surface and race"),
        }
        for page, text in texts.items():
            index = self.tabs.indexOf(page)
            if index >= 0:
                self.tabs.setTabText(index, text)
