"""The mouse wheel scrolls forms; it changes a combo box or spin box only once it has focus.

Why: Qt's combo and spin boxes take every wheel event over them, focused or not. Turning the
wheel to scroll the builder therefore changed whatever field passed under the pointer (layer
1's activation became leaky ReLU) and the changed config reset the run. The guard is one
event filter shared by every guarded field: a wheel event over a field without keyboard focus
is ignored, and Qt passes an ignored wheel event on to the parent widgets, so the form's scroll
area scrolls instead. Once the user clicks or tabs into a field, the wheel changes it as usual.

The fields also get ``Qt.StrongFocus`` (Tab and click, not the wheel): with Qt's default
``WheelFocus`` the first wheel event would hand them the focus and the next would change them.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)
_WHEEL = QEvent.Type.Wheel  # looked up once: the filter sees every event of every guarded field


class WheelGuard(QObject):
    """The event filter (one per application, see :func:`wheel_guard`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == _WHEEL and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # Qt offers an ignored wheel event to the parents: the form scrolls
            return True
        return False


_guard: WheelGuard | None = None


def wheel_guard() -> WheelGuard:
    """The application's guard (parented to the application, so it lives as long as the widgets)."""
    global _guard
    if _guard is None or not shiboken6.isValid(_guard):
        _guard = WheelGuard(QCoreApplication.instance())
    return _guard


def guard_wheel(*widgets: QWidget) -> None:
    """Let the wheel change ``widgets`` (combo and spin boxes) only while they have focus."""
    guard = wheel_guard()
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(guard)  # installing twice keeps one filter


def guard_wheel_under(root: QWidget) -> None:
    """Guard every combo and spin box under ``root`` now (forms built once, in ``__init__``)."""
    guard_wheel(*(child for child in root.findChildren(QWidget) if isinstance(child, _GUARDED)))
