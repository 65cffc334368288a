"""Labels whose text changes with every frame, without laying the window out again each time.

``QLabel.setText`` asks its parent's layout to be redone for every new text, and a text of
another width resizes the label and moves its neighbours. For the status bar's step, speed
and frame-rate fields and the timeline's step, that was the main window laid out twice a
frame and its status bar painted ~9 times a frame while training: together with the
gradient-flow summary (:mod:`gradsim.ui.training.gradient_flow_panel`) about 40% of the GUI
thread's CPU per frame (15.1 against 9.4 ms at 10x64, slices alternating in one window).

Qt skips that layout for a widget of fixed size (its minimum equal to its maximum), so a
:class:`SteadyLabel` fixes its size at the largest text it has shown: it grows when a longer
text comes, once, and never shrinks, so the numbers do not make their neighbours jump either.
A font, style or language change measures it afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QWidget

_REMEASURE = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange)


class SteadyLabel(QLabel):
    """A one-line label of fixed size, as large as the largest text it has shown."""

    def __init__(self, parent: QWidget | None = None, minimum_width: int = 0) -> None:
        super().__init__(parent)
        self._minimum_width = minimum_width
        self._fit(QSize(0, 0))

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        if text == self.text():
            return
        super().setText(text)
        self._fit(self.minimumSize())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in _REMEASURE:
            self._fit(QSize(0, 0))

    def _fit(self, at_least: QSize) -> None:
        hint = self.sizeHint()
        width = max(hint.width(), at_least.width(), self._minimum_width)
        height = max(hint.height(), at_least.height())
        if self.minimumSize() != QSize(width, height) or self.maximumSize() != QSize(width, height):
            self.setFixedSize(width, height)
