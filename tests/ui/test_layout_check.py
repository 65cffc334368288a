"""The layout helper itself: it finds a cut label, an elided tab, a button too narrow, a
widget outside its parent and a pyqtgraph text outside its scene; a tidy window passes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget  # noqa: E402

from tests.ui.layout_check import layout_problems  # noqa: E402

pytestmark = pytest.mark.ui


def _window(qtbot) -> QWidget:
    window = QWidget()
    window.resize(400, 300)
    qtbot.addWidget(window)
    return window


def test_a_tidy_window_has_no_problem(qtbot):
    window = _window(qtbot)
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Short"))
    layout.addWidget(QPushButton("Reset"))
    wrapped = QLabel("A long sentence that wraps over several lines in a narrow label. " * 2)
    wrapped.setWordWrap(True)
    layout.addWidget(wrapped)
    window.show()
    qtbot.waitExposed(window)
    assert layout_problems(window) == []


def test_cut_texts_and_places_are_reported(qtbot):
    window = _window(qtbot)
    label = QLabel("A label much wider than its box", window)
    label.setGeometry(5, 5, 60, 20)
    button = QPushButton("Reset everything", window)
    button.setGeometry(5, 30, 40, 25)
    outside = QLabel("x", window)
    outside.setGeometry(390, 5, 40, 20)
    tabs = QTabWidget(window)
    tabs.setGeometry(5, 60, 120, 60)
    tabs.tabBar().setUsesScrollButtons(False)
    for name in ("Decision surface", "Histograms", "Weights and updates"):
        tabs.addTab(QWidget(), name)
    window.show()
    qtbot.waitExposed(window)
    problems = "\n".join(layout_problems(window))
    assert "label 'A label much wider than its box' needs" in problems
    assert "button 'Reset everything' needs" in problems
    assert "lies outside its parent" in problems and "lies outside the window" in problems
    assert "tab 'Histograms'" in problems


def test_a_plot_axis_label_cut_by_its_scene_is_reported(qtbot):
    window = _window(qtbot)
    layout = QVBoxLayout(window)
    plot = pg.PlotWidget()
    plot.setLabel("left", "accuracy")
    plot.addLegend(offset=(-300, 5)).addItem(plot.plot([0, 1]), "a legend entry pushed outside")
    layout.addWidget(plot)
    window.show()
    qtbot.waitExposed(window)
    assert not any("'accuracy'" in p for p in layout_problems(window))
    plot.getAxis("left").label.setPos(-30, 40)  # what a squeezed axis does: "ccuracy"
    problems = "\n".join(layout_problems(window))
    assert "text item 'accuracy'" in problems
    assert "'a legend entry pushed outside'" in problems
