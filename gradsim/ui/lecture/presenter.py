"""The presenter window: on the laptop's screen while the stage shows on the projector.

A second top-level window (a child of the main window with the ``Qt.Window`` flag, so it
closes with it) showing the current stage's narrative and what to watch, the next stage, the
clock and the time since the presentation began. The lecturer's keys act here too. With two
screens it goes on the laptop's screen while the stage goes full screen on the projector; with
one it stays a normal window behind the stage (:mod:`gradsim.ui.lecture.placement`,
:meth:`Lecture.set_presentation`).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gradsim.ui.lecture.stage_widgets import WHITE, NarrativePanel, scaled_font, stage_texts

translate = QCoreApplication.translate

#: Its size as a normal window (one screen): the stage, narrative, what to watch and the next
#: stage's title at the projector scale without scrolling on most stages.
DEFAULT_SIZE = (860, 640)


class PresenterWindow(QWidget):
    """Narrative, next stage and a clock for the lecturer."""

    #: the lecturer closed the window (hiding it, as leaving the presentation does, is not closing)
    closed = Signal()

    def __init__(self, window: QWidget, player: Any) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.setObjectName("lecture_presenter")
        self.player = player
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"#lecture_presenter {{ background: {WHITE}; }}")
        self.stage = QLabel()
        self.stage.setObjectName("presenter_stage")
        self.stage.setWordWrap(True)
        self.stage.setTextFormat(Qt.TextFormat.PlainText)
        self.clock = QLabel()
        self.clock.setObjectName("presenter_clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.body = NarrativePanel(presenter=True)
        layout = QVBoxLayout(self)  # the clock on its own line: a long stage title wraps beside nothing
        layout.addWidget(self.clock)
        layout.addWidget(self.stage)
        layout.addWidget(self.body, 1)
        self.started = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        player.stageChanged.connect(self.show_stage)
        self.resize(*DEFAULT_SIZE)
        self.retranslate()

    def place(self, geometry: QRect | None) -> None:
        """At ``geometry`` (on the laptop's screen, the stage being on the projector); None
        leaves a normal window where it is."""
        if geometry is not None:
            self.setGeometry(geometry)

    @Slot(int)
    def show_stage(self, index: int) -> None:
        player = self.player
        if player.lesson is None or index < 0:
            self.stage.setText("")
            return
        self.stage.setText(
            translate("Lecture", "Stage {index} of {count}: {title}").format(
                index=index + 1, count=player.count, title=player.text("title", index)
            )
        )
        next_title = player.text("title", index + 1) if index + 1 < player.count else None
        self.body.show_stage(stage_texts(player, index), next_title)

    @Slot()
    def tick(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        now = QDateTime.currentDateTime().toString("HH:mm")
        self.clock.setText(
            translate("Lecture", "{clock}  ({minutes}:{seconds:02d} since the start)").format(
                clock=now, minutes=elapsed // 60, seconds=elapsed % 60
            )
        )

    def restart_clock(self) -> None:
        self.started = time.monotonic()
        self.tick()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Lecture", "gradsim — presenter"))
        self.stage.setFont(scaled_font(1.3, True))
        self.clock.setFont(scaled_font(1.3, True))
        self.body.retranslate()
        self.body.apply_scale()
        self.show_stage(self.player.index if self.player.lesson is not None else -1)
        self.tick()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self._timer.stop()
        super().closeEvent(event)
        self.closed.emit()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self._timer.start()
        super().showEvent(event)
