"""Opening a lecture scenario in a main window, and finding its gallery thumbnail.

A network scenario's config (its base or a variant) goes through the window's
``load_config``, the same path as File > Open config: the trainer starts it from step 0
and the builder, controls and activation lab follow. A landscape scenario's state goes to
the landscape panel's ``restore``, as an opened session's does. Either way the scenario's
``view`` panels come to the front, the first one on top; a landscape scenario's panel then
takes most of the window (:func:`give_room`): in its everyday dock a race's surface, value plot
and racers would share ~550 px at 1280x720.

The window is used through those few methods (``load_config``, ``panels``, ``show_panel``,
``docks`` and QMainWindow's ``resizeDocks``), so this module imports no other UI group.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from gradsim.scenarios.catalogue import BASE, Scenario
from gradsim.shipped import scenarios_dir

#: Size of a thumbnail file (scripts/make_thumbnails.py writes them, the gallery shows them).
THUMBNAIL_SIZE = (320, 200)
#: A landscape scenario's dock: this share of the window's width and height (its neighbours
#: keep the rest and scroll inside their docks if they must, but never sideways: a panel in
#: front in another column keeps the width its contents need, see :func:`give_room`).
LANDSCAPE_SHARE = (0.66, 0.8)


def thumbnails_dir() -> Path:
    """``resources/scenarios/thumbnails``: one ``<name>.png`` per shipped scenario."""
    return scenarios_dir() / "thumbnails"


def thumbnail_path(name: str) -> Path:
    return thumbnails_dir() / f"{name}.png"


def open_scenario(window: Any, scenario: Scenario, variant: str = BASE, *, finish_race: bool = False) -> bool:
    """Load ``scenario`` (``variant``) into ``window`` and bring its panels to the front.

    False when the window showed an error instead (a config it refused) or has no landscape
    panel for a landscape scenario. ``finish_race`` computes a landscape race at once and shows
    its last step (screenshots); otherwise the race is computed in the background and waits
    for Play, as the scenario's ``index`` says.
    """
    if scenario.kind == "network":
        if not window.load_config(scenario.config(variant)):
            return False
    else:
        panel = window.panels.get("landscape")
        if panel is None:
            return False
        panel.restore(scenario.landscape(variant))
        if finish_race:
            finish_landscape_race(panel)
    show_view(window, scenario.view)
    if scenario.kind == "landscape":
        give_room(window, "landscape")
    return True


def give_room(window: Any, name: str) -> None:
    """Give panel ``name``'s dock :data:`LANDSCAPE_SHARE` of the window (in the normal window:
    the presentation view lays out its own stage, and a floating dock is the user's)."""
    lecture = getattr(window, "lecture", None)
    dock = getattr(window, "docks", {}).get(name)
    if dock is None or dock.isFloating() or getattr(lecture, "presenting", False):
        return
    share_w, share_h = LANDSCAPE_SHARE
    window.resizeDocks([dock], [round(window.width() * share_w)], Qt.Orientation.Horizontal)
    window.resizeDocks([dock], [round(window.height() * share_h)], Qt.Orientation.Vertical)
    window.layout().activate()  # the docks' new widths, now
    columns = _other_columns(window, dock)
    deficit = sum(max(0, need - width) for _, width, need in columns)
    if not deficit:
        return
    # the room came from the other columns: give back what their contents need, from the
    # grown dock (taking it from another column's spare width cut the loss plot's legend)
    widths = [max(width, need) for _, width, need in columns]
    heads = [dock] + [head for head, _, _ in columns]
    window.resizeDocks(heads, [dock.width() - deficit, *widths], Qt.Orientation.Horizontal)


def _other_columns(window: Any, grown: Any) -> list[tuple[Any, int, int]]:
    """(a dock, the column's width, the width its panels' contents need) for each column of
    docked panels in front beside ``grown``: narrower, a panel's scroll area scrolls sideways
    (measured at 1280x720 after a landscape scenario: the Training panel 264 px wide for 319 px
    of buttons, its Reset button cut)."""
    mine = grown.geometry()
    columns: list[tuple[Any, int, int]] = []
    for other in window.docks.values():
        if other is grown or other.isFloating() or other.visibleRegion().isEmpty():
            continue
        place = other.geometry()
        area = other.widget()
        if _overlap(mine, place) or not isinstance(area, QScrollArea) or area.widget() is None:
            continue  # above or below it (its column), or no scroll area
        need = area.widget().minimumSizeHint().width() + 2 * area.frameWidth()
        if area.widget().sizeHint().height() > area.viewport().height():  # a vertical bar beside it
            need += area.verticalScrollBar().sizeHint().width()
        for i, (head, width, needed) in enumerate(columns):
            if _overlap(head.geometry(), place):  # the same column: its widest contents
                columns[i] = (head, width, max(needed, need))
                break
        else:
            columns.append((other, other.width(), need))
    return columns


def _overlap(one: Any, other: Any) -> bool:
    """Whether two rectangles share a horizontal extent (one column)."""
    return one.left() <= other.right() and other.left() <= one.right()


def show_view(window: Any, view: tuple[str, ...] | list[str]) -> None:
    """Raise the panels of ``view`` so that the first one ends on top of its tab group."""
    for name in reversed(tuple(view)):
        with contextlib.suppress(KeyError, LookupError):  # a panel this window could not build
            window.show_panel(name)


def finish_landscape_race(panel: Any) -> None:
    """Compute the landscape panel's race now and show its last step."""
    analytic = panel.analytic
    analytic.pause()
    analytic.recompute(background=False)
    analytic.show_index(analytic.max_index())
