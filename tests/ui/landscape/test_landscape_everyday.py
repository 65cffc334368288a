"""The landscape panel in everyday use (issue 14): a race configured by a script leaves no ghost
rows or stale editor in the optimizer table, and "Data samples" is bounded by the training set."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GRADSIM_NO_OPENGL"] = "1"

import dataclasses  # noqa: E402

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402
from gradsim.ui.landscape.panel import LandscapePanel, configure_race  # noqa: E402

pytestmark = [pytest.mark.ui, pytest.mark.timeout(60)]


@pytest.fixture
def panel(qtbot):
    widget = LandscapePanel()
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def _visible_editors(table) -> list[QWidget]:
    viewport = table.viewport()
    return [child for child in viewport.children() if isinstance(child, QWidget) and child.isVisible()]


def _cell_widgets(table) -> set[int]:
    return {
        shiboken6.getCppPointer(table.cellWidget(row, column))[0]
        for row in range(table.rowCount())
        for column in range(table.columnCount())
        if table.cellWidget(row, column) is not None
    }


@pytest.mark.parametrize("kinds", [["sgd", "adam"], ["adam", "rmsprop", "sgd", "momentum"]])
def test_a_configured_race_leaves_no_ghost_rows_nor_a_stale_editor(panel, kinds):
    table = panel.analytic.optimizers.table
    old_editor = table.cellWidget(table.rowCount() - 1, 2)  # the user was editing a learning rate
    old_editor.setFocus()
    QApplication.processEvents()

    configure_race(panel, "ravine", kinds, 50)  # as the screenshot mode does: no event loop after

    assert table.rowCount() == len(kinds)
    current = _cell_widgets(table)
    visible = _visible_editors(table)
    assert {shiboken6.getCppPointer(widget)[0] for widget in visible} == current, "ghost editors"
    focus = QApplication.focusWidget()
    if focus is not None and focus is not table and table.viewport().isAncestorOf(focus):
        editor = focus
        while editor.parentWidget() is not table.viewport():
            editor = editor.parentWidget()
        assert shiboken6.getCppPointer(editor)[0] in current, "the focus stayed on a replaced editor"


def test_data_samples_is_bounded_by_the_training_set_and_says_so(panel):
    net = panel.network
    trainer = Trainer(load_config("relu-he"))
    snapshot = dataclasses.replace(trainer.snapshot(include_decision=False), train_samples=320)
    assert net.samples_spin.value() == 500

    net.show_snapshot(snapshot)

    assert net.samples_spin.maximum() == 320 and net.samples_spin.value() == 320
    net.samples_spin.setValue(1_000_000)
    assert net.samples_spin.value() == 320 and net.settings().n_samples == 320
    assert "320" in net.samples_spin.suffix()
    assert "320" in net.samples_spin.toolTip()
    net.show_snapshot(dataclasses.replace(snapshot, train_samples=5000))  # a bigger set: 500 is back
    assert net.samples_spin.maximum() == 5000 and net.samples_spin.value() == 500
    net.samples_spin.setValue(700)
    net.show_snapshot(dataclasses.replace(snapshot, train_samples=320))
    net.show_snapshot(dataclasses.replace(snapshot, train_samples=5000))
    assert net.samples_spin.value() == 700, "the user's setting survives a smaller data set"
    net.samples_spin.setValue(0)
    assert net.samples_spin.text() == "all"


def test_the_training_set_size_comes_with_every_snapshot(panel):
    trainer = Trainer(load_config("relu-he"))
    snapshot = trainer.snapshot(include_decision=False)
    assert snapshot.train_samples == len(trainer.dataset.x_train) == 320
    panel.show_snapshot(snapshot)  # the landscape panel hands it to the network slice view
    net = panel.network
    net.samples_spin.setValue(1_000_000)
    assert net.samples_spin.value() == 320 and net.samples_spin.maximum() == 320
