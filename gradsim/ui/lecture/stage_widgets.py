"""The widgets the presentation view adds to the window: the stage header with its large
step counter, the narrative side panel, and the black screen.

They show what the :class:`~gradsim.ui.lecture.player.LessonPlayer` knows (texts in the
window's language, from the lesson file) and hold no state of their own. Sizes are in
multiples of the application font, so the projector scale (100/150/200%) scales them too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate

WHITE = "#FFFFFF"
BLACK = "#000000"


def scaled_font(factor: float, bold: bool = False) -> QFont:
    """The application font, ``factor`` times as large."""
    from PySide6.QtWidgets import QApplication

    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def _label(factor: float, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setFont(scaled_font(factor, bold))
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {BLACK}; background: transparent;")
    return label


class StageHeader(QFrame):
    """Lesson and stage titles on the left, the step counter, large, on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lecture_stage_header")
        self.setStyleSheet(
            f"#lecture_stage_header {{ background: {WHITE}; border-bottom: 3px solid {BLACK}; }}"
        )
        self.lesson = _label(1.0)
        self.title = _label(1.6, bold=True)
        self.step_caption = _label(1.0, wrap=False)
        self.step_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.step = _label(2.6, bold=True, wrap=False)
        self.step.setObjectName("lecture_step_counter")
        self.step.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.lesson)
        titles.addWidget(self.title)
        counter = QHBoxLayout()
        counter.setSpacing(6)
        counter.addWidget(self.step_caption)
        counter.addWidget(self.step)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addLayout(titles, 1)
        layout.addLayout(counter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._step_value = 0

    def show_stage(self, lesson_title: str, index: int, count: int, title: str) -> None:
        self.lesson.setText(lesson_title)
        self.title.setText(
            translate("Lecture", "{index} / {count}: {title}").format(
                index=index + 1, count=count, title=title
            )
        )

    def show_step(self, step: int) -> None:
        self._step_value = step
        self.step.setText(f"{step:,}")

    def retranslate(self) -> None:
        self.step_caption.setText(translate("Lecture", "step"))

    def apply_scale(self) -> None:
        for label, factor, bold in (
            (self.lesson, 1.0, False),
            (self.title, 1.6, True),
            (self.step_caption, 1.0, False),
            (self.step, 2.6, True),
        ):
            label.setFont(scaled_font(factor, bold))


class NarrativePanel(QScrollArea):
    """The stage's narrative, what to watch, and the next stage: the side panel, and the
    body of the presenter window."""

    def __init__(self, parent: QWidget | None = None, *, presenter: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("lecture_narrative")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("lecture_narrative_body")
        body.setStyleSheet(f"#lecture_narrative_body {{ background: {WHITE}; }}")
        self.title = _label(1.3, bold=True)
        self.narrative = _label(1.0)
        self.watch_heading = _label(1.0, bold=True)
        self.watch = _label(1.0)
        self.next_heading = _label(1.0, bold=True)
        self.next = _label(1.0)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 8)
        for widget in (
            self.title,
            self.narrative,
            self.watch_heading,
            self.watch,
            self.next_heading,
            self.next,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        self.presenter = presenter

    def show_stage(self, texts: dict[str, str], next_title: str | None) -> None:
        self.title.setText(texts.get("title", ""))
        self.narrative.setText(texts.get("narrative", ""))
        self.watch.setText(texts.get("watch", ""))
        self.next.setText(next_title if next_title is not None else translate("Lecture", "(the last stage)"))

    def retranslate(self) -> None:
        self.watch_heading.setText(translate("Lecture", "What to watch"))
        self.next_heading.setText(translate("Lecture", "Next stage"))

    def apply_scale(self) -> None:
        self.title.setFont(scaled_font(1.3, True))
        for label in (self.narrative, self.watch, self.next):
            label.setFont(scaled_font(1.0))
        for label in (self.watch_heading, self.next_heading):
            label.setFont(scaled_font(1.0, True))


class BlackScreen(QWidget):
    """A black sheet over the whole window (B or "."); it follows the window's size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lecture_black_screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"#lecture_black_screen {{ background: {BLACK}; }}")
        self.hide()
        window.installEventFilter(self)

    def toggle(self) -> bool:
        self.set_on(not self.isVisible())
        return self.isVisible()

    def set_on(self, on: bool) -> None:
        if on:
            self.setGeometry(self.parentWidget().rect())
            self.show()
            self.raise_()
        else:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False


def stage_texts(player: Any, index: int) -> dict[str, str]:
    return {name: player.text(name, index) for name in ("title", "narrative", "watch")}
