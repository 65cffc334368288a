"""Hand each training frame to the panels a user can see, each at a rate its content needs.

Drawing, not training, limits the window's frame rate (measured: ~30 ms of GUI time per
frame with every panel drawn, a quarter of it for panels hidden behind a tab). So:

* a panel whose dock is closed or lies behind another tab is not drawn; it is marked stale
  and drawn with the newest frame when it shows again;
* a panel may have a maximum rate: the histograms and weight statistics change only at the
  diagnostics cadence and the decision map at a few hertz, while the loss and gradient-flow
  curves move every frame. A panel skipped for its rate is drawn by a catch-up timer once its
  interval has passed, and every waiting panel at once when training pauses, so no panel
  ever rests on an old state;
* after the panels are drawn every pyqtgraph scene settles its ranges before Qt paints:
  a plot whose range changed otherwise paints twice per frame (measured);
* frames are spaced by the GUI thread's CPU per frame (:class:`FramePacer`): drawing and
  painting a frame of a 10x64 net at 1600x1000 costs ~25-40 ms of GUI CPU, so 30 frames/s
  would take most of a core. With the thread backend that core is the training's too (one
  GIL), and on a busy 2-core machine the training process's. The pacer keeps the GUI under
  a share of one core (``GUI_SHARE``), drawing less often down to ``MIN_HZ`` and back up when
  frames get cheaper; a frame that comes too early waits (the newest one wins) and is drawn
  when its turn comes, or at once when training pauses;
* the training side is told how often frames can be drawn (the pacer's interval,
  ``set_gui_interval``) and publishes only a little more often (``GUI_LEAD`` in
  :mod:`gradsim.runner.training_loop`): every frame the GUI would replace unseen costs
  training the time to build it (~3 ms at 10x64).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Collection, Mapping

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QDockWidget, QWidget

from gradsim.runner.training_loop import Frame

FPS_WINDOW_S = 1.0
TURN_MS = 15  # the catch-up timer draws one waiting panel per shot, at least this far apart
MIN_HZ = 15.0  # the pacer never spaces frames further apart than this
#: the share of one core the GUI thread may spend on frames, by training backend: the thread
#: backend shares the GIL with training (0.4 leaves it ~0.6), the process backend has a core
#: of its own on a 2-core machine, so the GUI may take most of the other one
GUI_SHARE = {"thread": 0.4, "process": 0.8}
SMOOTHING = 0.2  # weight of the newest frame's cost in the running cost
#: a panel's plot views are looked up again at most this often: findChildren over a panel's
#: widget tree cost ~0.7 ms a call, ~5 ms a frame (measured); a panel may add plots, and a view
#: found late is only settled late (pyqtgraph settles it itself when it paints)
VIEWS_TTL_S = 1.0
#: the pacer's interval is reported to training when it changed by more than this share
REPORT_CHANGE = 0.1


class FramePacer:
    """When may the next frame be drawn? Often enough for the GUI thread's CPU to stay at its share.

    ``drawn(now)`` is called for every frame drawn; the cost of a frame is the GUI thread's CPU
    time (``cpu``, :func:`time.thread_time`) since the previous one: the panels' drawing, Qt's
    painting of it and whatever else the thread did meanwhile. CPU time, not wall time, so a
    loaded machine that stretches wall time does not pass for a costly frame. The interval is
    ``cost / share``, at most ``1 / MIN_HZ``.
    """

    def __init__(
        self, share: float = GUI_SHARE["process"], cpu: Callable[[], float] = time.thread_time
    ) -> None:
        self.share = share
        self.cpu = cpu
        self.cost = 0.0  # smoothed GUI CPU seconds per frame
        self._cpu_at: float | None = None
        self._last = float("-inf")

    @property
    def interval(self) -> float:
        """The shortest time between two frames now, in seconds."""
        return min(self.cost / self.share, 1.0 / MIN_HZ)

    def wait(self, now: float) -> float:
        """Seconds until a frame may be drawn (0: now)."""
        return max(0.0, self._last + self.interval - now)

    def drawn(self, now: float) -> None:
        """A frame was drawn at ``now``: the CPU since the previous one is its cost."""
        cpu = self.cpu()
        if self._cpu_at is not None:
            cost = cpu - self._cpu_at
            self.cost = cost if self.cost == 0.0 else self.cost + SMOOTHING * (cost - self.cost)
        self._cpu_at, self._last = cpu, now

    def restart(self) -> None:
        """Training paused: the CPU until the next play is not a frame's."""
        self._cpu_at = None


class FrameDrawer(QObject):
    """Draws frames into panels; counts frames drawn and the frame rate over the last second.

    ``rates`` maps a panel name to its maximum draws per second (absent: every frame).
    ``on_error(name, traceback)`` is told when a panel fails to draw; that panel is then left
    alone (``errors`` is the window's record of broken panels, shared, so a panel that failed
    to start is never drawn either).
    """

    def __init__(
        self,
        window: QWidget,
        panels: Mapping[str, QWidget],
        docks: Mapping[str, QDockWidget],
        rates: Mapping[str, float],
        errors: dict[str, str],
        on_error: Callable[[str, str], None],
        latest: Callable[[], Frame | None],
    ) -> None:
        super().__init__(window)
        self.window, self.panels, self.docks = window, panels, docks
        self.intervals = {name: 1.0 / hz for name, hz in rates.items() if hz > 0}
        self.errors, self.on_error, self.latest = errors, on_error, latest
        self.frames_drawn = 0
        self.fps = 0.0
        self.stale: set[str] = set()  # hidden when a frame came: draw when shown
        self.waiting: set[str] = set()  # skipped for their rate: draw when due
        self.last_drawn: dict[str, float] = {}
        #: (frame, panel names) while the state panels show a past step (gradsim/ui/shell/look_back.py):
        #: those panels keep it until the look back ends, also when their tab is raised meanwhile
        self.past: tuple[Frame, frozenset[str]] | None = None
        self._frame_times: list[float] = []
        self._views: dict[str, tuple[float, list[pg.GraphicsView]]] = {}  # name: (when found, views)
        self._catch_up = QTimer(self)
        self._catch_up.setSingleShot(True)
        self._catch_up.setTimerType(Qt.TimerType.PreciseTimer)
        self._catch_up.timeout.connect(self.draw_due)
        self.pacer = FramePacer(GUI_SHARE.get(self._backend(), GUI_SHARE["process"]))
        self.pacing = True  # False: every frame drawn as it comes (benchmarks compare)
        self.frames_deferred = 0  # frames the pacer held back (a newer one replaced them)
        self._pending: Frame | None = None
        self._reported = 0.0  # the draw interval training was last told (0: none)
        self._pace = QTimer(self)
        self._pace.setSingleShot(True)
        self._pace.setTimerType(Qt.TimerType.PreciseTimer)
        self._pace.timeout.connect(self._draw_pending)

    # ---------------------------------------------------------------- entry points
    def draw(self, frame: Frame) -> None:
        """A new frame: drawn now if the pacer allows, else it waits for its turn (newest wins)."""
        now = time.perf_counter()
        self.pacer.share = GUI_SHARE.get(self._backend(), GUI_SHARE["process"])  # the backend can change
        wait = self.pacer.wait(now) if self.pacing else 0.0
        if wait > 0.0:
            if self._pending is not None:
                self.frames_deferred += 1
            self._pending = frame
            if not self._pace.isActive():
                self._pace.start(max(1, round(wait * 1000)))
            return
        self._pending = None
        self._draw_frame(frame, now)
        self.pacer.drawn(now)
        self._report_interval()

    def _draw_frame(self, frame: Frame, now: float) -> None:
        """Draw the visible panels that are due, defer the rest.

        Panels with a rate take turns: at most one of them per frame (the longest waiting),
        so their costs spread over frames instead of stalling one (the latency's p99).
        """
        drawn: list[str] = []
        due: list[str] = []
        keep = self.past[1] if self.past is not None else frozenset()
        for name in self.panels:
            if name in keep:
                continue  # shows a past step until the look back ends
            if not self._visible(name):
                self.stale.add(name)
                self.waiting.discard(name)
            elif name not in self.intervals:
                self._draw(name, frame, now)
                drawn.append(name)
            elif now - self.last_drawn.get(name, -1e9) >= self._interval(name):
                due.append(name)
            else:
                self.waiting.add(name)
        if due:
            turn = min(due, key=lambda name: self.last_drawn.get(name, -1e9))
            self._draw(turn, frame, now)
            drawn.append(turn)
            self.waiting.discard(turn)
            self.waiting.update(name for name in due if name != turn)
        self._settle(drawn)
        self._schedule(now)
        self._count(now)

    def draw_all(self, frame: Frame, names: Collection[str] | None = None) -> None:
        """Every visible panel (or every one of ``names``) now, whatever its rate.

        For a theme change, or a look back at a past step (``names``: the panels showing a state).
        """
        wanted = [name for name in self.panels if names is None or name in names]
        if names is None and self.past is not None:  # the look back keeps its past step
            past_frame, kept = self.past
            self._draw_now(past_frame, [name for name in wanted if name in kept])
            wanted = [name for name in wanted if name not in kept]
        self._draw_now(frame, wanted)

    @Slot()
    def _draw_pending(self) -> None:
        frame, self._pending = self._pending, None
        if frame is not None:
            self.draw(frame)

    @Slot()
    def flush(self) -> None:
        """Draw the frame the pacer holds and every panel still waiting for its rate, with the
        newest frame (training paused)."""
        self._pace.stop()
        pending, self._pending = self._pending, None
        if pending is not None:
            self._draw_frame(pending, time.perf_counter())
        self.pacer.restart()
        self._report_interval(paused=True)
        frame = self.latest()
        if frame is not None and self.waiting:
            self._draw_now(frame, list(self.waiting))

    @Slot()
    def draw_due(self) -> None:
        """The catch-up timer (no frame came): draw the longest-waiting due panel, then re-arm."""
        frame = self.latest()
        if frame is None:
            return
        now = time.perf_counter()
        due = [name for name in self.waiting if now - self.last_drawn.get(name, -1e9) >= self._interval(name)]
        if due:
            turn = min(due, key=lambda name: self.last_drawn.get(name, -1e9))
            self.waiting.discard(turn)
            if self._visible(turn):
                self._draw(turn, frame, now)
                self._settle([turn])
            else:
                self.stale.add(turn)
        self._schedule(now)

    @Slot()
    def draw_stale(self) -> None:
        """Panels that were hidden when frames came and can be seen now."""
        frame = self.latest()
        if frame is None or not self.stale:
            return
        if self.past is not None:
            past_frame, names = self.past
            self._draw_now(past_frame, [name for name in self.stale if name in names])
        self._draw_now(frame, [name for name in self.stale if self.past is None or name not in self.past[1]])

    # ---------------------------------------------------------------- internals
    def _backend(self) -> str:
        """The window's training backend (``thread`` shares the GIL with the GUI)."""
        controller = getattr(self.window, "controller", None)
        return str(getattr(getattr(controller, "backend", None), "kind", "process"))

    def _report_interval(self, paused: bool = False) -> None:
        """Tell training how often frames can be drawn: the pacer's interval (0 when paused).

        Not the rate frames were drawn at: that follows the rate they come at, so training
        following it would never speed up again (measured: stuck at 6 frames/s)."""
        interval = 0.0 if paused or not self.pacing else self.pacer.interval
        if abs(interval - self._reported) <= REPORT_CHANGE * self._reported:
            return
        tell = getattr(getattr(self.window, "controller", None), "set_gui_interval", None)
        if tell is not None:
            self._reported = interval
            tell(interval)

    def _interval(self, name: str) -> float:
        return self.intervals.get(name, 0.0) * 0.95  # a timer firing a hair early still counts

    def _visible(self, name: str) -> bool:
        """Can a user see the panel? Before the window is shown, every panel counts as seen."""
        if not self.window.isVisible():
            return True
        dock = self.docks.get(name)
        if dock is None:
            return True
        # A dock behind another tab stays "visible" to Qt; its visible region is empty.
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    def _draw_now(self, frame: Frame, names: list[str]) -> None:
        """Draw the visible ones of ``names`` now; the hidden ones wait, stale, to be shown."""
        now = time.perf_counter()
        drawn = [name for name in names if self._visible(name)]
        for name in drawn:
            self._draw(name, frame, now)
        self.stale.update(name for name in names if name not in drawn)
        self.waiting.difference_update(names)
        self._settle(drawn)

    def _draw(self, name: str, frame: Frame, now: float) -> None:
        self.stale.discard(name)
        self.last_drawn[name] = now
        show = getattr(self.panels[name], "show_snapshot", None)
        if show is None or name in self.errors:
            return
        try:
            show(frame.snapshot)
        except Exception:  # noqa: BLE001 - one broken panel must not stop the others
            self.errors[name] = traceback.format_exc()
            self.on_error(name, self.errors[name])

    def _settle(self, names: list[str]) -> None:
        now = time.perf_counter()
        for name in names:
            for view in self._views_of(name, now):
                if shiboken6.isValid(view) and view.isVisible():
                    view.scene().prepareForPaint()

    def _views_of(self, name: str, now: float) -> list[pg.GraphicsView]:
        found = self._views.get(name)
        if found is None or now - found[0] > VIEWS_TTL_S:
            found = (now, self.panels[name].findChildren(pg.GraphicsView))
            self._views[name] = found
        return found[1]

    def _schedule(self, now: float) -> None:
        if not self.waiting:
            return
        due = min(self.last_drawn.get(name, now) + self.intervals.get(name, 0.0) for name in self.waiting)
        delay_ms = max(TURN_MS, round((due - now) * 1000))
        if not self._catch_up.isActive() or self._catch_up.remainingTime() > delay_ms:
            self._catch_up.start(delay_ms)

    def _count(self, now: float) -> None:
        self.frames_drawn += 1
        times = self._frame_times
        times.append(now)
        while len(times) > 2 and now - times[0] > FPS_WINDOW_S:
            times.pop(0)
        if len(times) > 1 and now > times[0]:
            self.fps = (len(times) - 1) / (now - times[0])
