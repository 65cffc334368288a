"""Where presenting puts the windows, from the screens' geometries alone (a pure function, so
two screens are testable where the offscreen platform has one).

With two screens or more, the stage (the main window, full screen) goes on the projector and
the presenter window on another screen, the laptop's, inside a margin. With one screen there
is nowhere else to go: the stage takes the screen and the presenter window stays a normal
window where it is, behind the stage (the lecture raises the stage over it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect

#: Space left around the presenter window on the laptop's screen (the taskbar, a corner to click).
MARGIN = 40


@dataclass(frozen=True)
class Placement:
    """The stage's screen and rectangle, and the presenter window's (None: it stays as it is)."""

    stage_screen: int
    stage: QRect
    presenter_screen: int | None
    presenter: QRect | None

    @property
    def two_screens(self) -> bool:
        return self.presenter_screen is not None


def projector_screen(screen_count: int, laptop: int) -> int:
    """The screen the stage goes to when presenting starts on ``laptop``: the first other one
    (Qt lists the primary screen first, usually the laptop's), else the laptop's own."""
    laptop = laptop if 0 <= laptop < screen_count else 0
    return next((index for index in range(screen_count) if index != laptop), laptop)


def presentation_placement(screens: Sequence[QRect], stage_screen: int) -> Placement:
    """Where the stage and the presenter window go when ``screens[stage_screen]`` shows the stage.

    ``screens`` are the screens' available geometries in Qt's order; the presenter window gets
    the first screen that is not the stage's (the laptop's), less :data:`MARGIN` on each side.
    """
    if not screens:
        raise ValueError("no screen to present on")
    stage_screen = stage_screen if 0 <= stage_screen < len(screens) else 0
    laptop = next((index for index in range(len(screens)) if index != stage_screen), None)
    presenter = None
    if laptop is not None:
        presenter = QRect(screens[laptop]).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        if presenter.width() < 1 or presenter.height() < 1:  # a tiny screen: all of it
            presenter = QRect(screens[laptop])
    return Placement(stage_screen, QRect(screens[stage_screen]), laptop, presenter)
