"""The mouse wheel scrolls forms and changes a combo or spin box only once it has focus (issue 14:
scrolling the builder turned layer 1's activation into leaky ReLU and reset the run).

The wheel events are real ones (``QTest.wheelEvent`` goes through the window system, so Qt
passes an ignored event on to the parent widgets as it does for a mouse)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GRADSIM_NO_OPENGL"] = "1"

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget  # noqa: E402

from gradsim.engine.config import validate_config  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402
from gradsim.ui.builder.panel import BuilderPanel  # noqa: E402
from gradsim.ui.common.wheel_guard import wheel_guard  # noqa: E402
from gradsim.ui.landscape.panel import LandscapePanel  # noqa: E402
from gradsim.ui.training.training_controls import TrainingControls  # noqa: E402

pytestmark = [pytest.mark.ui, pytest.mark.timeout(60)]

WHEEL_DOWN = QPoint(0, -120)


def wheel_over(widget: QWidget, delta: QPoint = WHEEL_DOWN) -> None:
    """One real wheel notch with the pointer over the middle of ``widget``."""
    window = widget.window().windowHandle()
    centre = widget.mapTo(widget.window(), widget.rect().center())
    QTest.wheelEvent(window, QPointF(centre), delta)


@pytest.fixture
def builder(qtbot):
    panel = BuilderPanel(validate_config(load_config("relu-he")))
    qtbot.addWidget(panel)
    panel.resize(460, 500)  # shorter than the form: it scrolls
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_scrolling_the_builder_with_the_wheel_changes_no_field_under_the_pointer(qtbot, builder):
    combo = builder.fields()[("network", "layers", 0, "activation")].combo
    builder.scroll.ensureWidgetVisible(combo)
    qtbot.wait(20)
    bar = builder.scroll.verticalScrollBar()
    assert bar.maximum() > bar.value(), "the form must be able to scroll down"
    before, scrolled_from = builder.draft(), bar.value()
    configs = []
    builder.configChanged.connect(configs.append)
    window = builder.windowHandle()
    pointer = QPointF(combo.mapTo(builder, combo.rect().center()))  # stays put while the form moves

    for _ in range(12):  # the layer table, then the form scroll; fields pass under the pointer
        QTest.wheelEvent(window, pointer, WHEEL_DOWN)
        qtbot.wait(1)

    assert combo.currentData() == "relu"
    assert builder.draft() == before and configs == [] and builder.undo_stack().count() == 0
    assert bar.value() > scrolled_from, "the wheel scrolls the form instead"


def test_the_wheel_changes_a_field_the_user_clicked_into(qtbot, builder):
    combo = builder.fields()[("network", "layers", 0, "activation")].combo
    builder.scroll.ensureWidgetVisible(combo)
    combo.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(combo.hasFocus)

    wheel_over(combo)

    assert combo.currentData() != "relu"
    assert builder.undo_stack().count() == 1


def _guarded_fields(root: QWidget) -> list[QWidget]:
    return [child for child in root.findChildren(QWidget) if isinstance(child, (QComboBox, QAbstractSpinBox))]


def _assert_all_guarded(root: QWidget) -> None:
    fields = _guarded_fields(root)
    assert fields
    guard = wheel_guard()
    for field in fields:
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus, field
        # the guard refuses an unfocused wheel (the event is ignored: it goes to the parents)
        assert not field.hasFocus()
        from PySide6.QtGui import QWheelEvent

        event = QWheelEvent(
            QPointF(2, 2),
            QPointF(field.mapToGlobal(QPoint(2, 2))),
            QPoint(0, 0),
            WHEEL_DOWN,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        assert guard.eventFilter(field, event) and not event.isAccepted(), field


def test_every_field_of_the_builder_and_the_landscape_forms_is_guarded(qtbot, builder):
    _assert_all_guarded(builder)
    landscape = LandscapePanel()
    qtbot.addWidget(landscape)
    try:
        forms = (landscape.analytic.left_scroll.widget(), landscape.network)
        for form in forms:
            _assert_all_guarded(form)
        landscape.analytic.form.set_surface_name("rosenbrock")  # parameter spins built anew
        _assert_all_guarded(landscape.analytic.form)
    finally:
        landscape.shutdown()


def test_the_training_controls_fields_are_guarded(qtbot):
    controls = TrainingControls()
    qtbot.addWidget(controls)
    _assert_all_guarded(controls)


def test_a_new_layer_row_is_guarded(qtbot, builder):
    from PySide6.QtCore import Qt as _Qt

    qtbot.mouseClick(builder.layer_table.buttons["add"], _Qt.MouseButton.LeftButton)
    _assert_all_guarded(builder.layer_table)
