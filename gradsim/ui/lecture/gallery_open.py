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

from gradsim.scenarios.catalogue import BASE, Scenario
from gradsim.shipped import scenarios_dir

#: Size of a thumbnail file (scripts/make_thumbnails.py writes them, the gallery shows them).
THUMBNAIL_SIZE = (320, 200)
#: A landscape scenario's dock: this share of the window's width and height (its neighbours
#: keep the rest and scroll inside their docks if they must).
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
