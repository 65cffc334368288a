"""The File menu of sessions: New, Open, Open Recent, Save, Save As, Revert, recipes, title, prompts.

A :class:`SessionController` belongs to a main window. It keeps the session's path and a
"modified" flag, and wires the File menu, drag and drop of ``.gradsim`` files and the
Save / Discard / Cancel prompt. Files users trust (DESIGN.md section 4):

* Opening loads the whole file into a *new* Trainer first (``load_session``, which raises
  only :class:`SessionError`); only on success is the running trainer swapped. On any
  failure an error dialog shows the SessionError's message and the open session stays as
  it was: same step, same parameters, same modified flag.
* Saving takes a consistent copy of the trainer between two steps (the worker makes it)
  and writes it with ``save_session``'s atomic write. A failed save shows an error, keeps
  the previous file untouched and leaves the session modified.
* Saving over the session's own file first compares it with what this window last read or
  wrote (:func:`disk_stamp`); if another window or program replaced it meanwhile, it asks.

Every dialog goes through the window's DialogService, so tests answer them.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QDockWidget, QMenu, QPlainTextEdit

from gradsim.engine.config import validate_config
from gradsim.engine.errors import GradsimError
from gradsim.engine.state import _rng_state_from_json, step_record_from_json, step_record_to_json
from gradsim.engine.timeline import EDIT_KINDS, Timeline, TimelineEvent, TrainerCheckpoint, capture
from gradsim.engine.trainer import Trainer
from gradsim.runner.training_loop import TIMELINE_ATTRIBUTE
from gradsim.session.errors import SessionError
from gradsim.session.io import Session, load_session, save_session
from gradsim.shipped import DEFAULT_CONFIG, load_config
from gradsim.ui.common import wording

translate = QCoreApplication.translate

SUFFIX = ".gradsim"
#: Panels whose widgets are the configuration, not a view (restoring them would change the run).
NOT_VIEW_STATE = frozenset({"builder", "controls", "diagram"})
MAX_RECENT = 10
RECENT_KEY = "session/recent"
PAUSE_TIMEOUT_S = 10.0


def session_filter() -> str:
    return translate("SessionController", "gradsim sessions (*.gradsim);;All files (*)")


def recipe_filter() -> str:
    return translate("SessionController", "gradsim recipes (*.json);;All files (*)")


def disk_stamp(path: str) -> list[int] | None:
    """What changes whenever a file is rewritten or replaced (an atomic save makes a new inode):
    device, inode, size and modification time in ns; None when there is no file. JSON-able, so
    an autosave can carry it to a recovered session."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns]


def ask_save_discard_cancel(dialogs: Any, parent: Any, title: str, text: str) -> str:
    """ "save", "discard" or "cancel" through the service (a Yes/No service: Yes saves, No discards)."""
    three_way = getattr(dialogs, "save_discard_cancel", None)
    if three_way is not None:
        return str(three_way(parent, title, text))
    return "save" if dialogs.question(parent, title, text) else "discard"


# ============================================================================ view state
def view_state(window: Any) -> dict[str, Any]:
    """What a lecturer prepared: visible and front docks, panel check boxes and choices."""
    docks = {}
    for name, dock in window.docks.items():
        docks[name] = {"shown": not dock.isHidden(), "front": bool(dock.isVisible())}
    panels: dict[str, dict[str, Any]] = {}
    for name, panel in window.panels.items():
        if name in NOT_VIEW_STATE:
            continue
        values: dict[str, Any] = {}
        for attribute, widget in vars(panel).items():
            if isinstance(widget, QCheckBox):
                values[attribute] = bool(widget.isChecked())
            elif isinstance(widget, QComboBox):
                values[attribute] = int(widget.currentIndex())
            elif isinstance(widget, pg.PlotItem):
                box = widget.getViewBox()
                ranges = [float(v) for pair in box.viewRange() for v in pair]
                auto = [bool(a) for a in box.autoRangeEnabled()]
                if all(np.isfinite(ranges)) and not all(auto):  # a zoom the lecturer set
                    values[attribute] = {"range": ranges, "auto": auto}
        if values:
            panels[name] = values
    return {"docks": docks, "panels": panels}


def _restore_zoom(plot: pg.PlotItem, value: Mapping[str, Any]) -> None:
    ranges, auto = value.get("range"), value.get("auto")
    if not (isinstance(ranges, list) and len(ranges) == 4 and isinstance(auto, list) and len(auto) == 2):
        return
    try:
        x0, x1, y0, y1 = (float(v) for v in ranges)
    except (TypeError, ValueError):
        return
    if not all(np.isfinite([x0, x1, y0, y1])):
        return
    box = plot.getViewBox()
    if not auto[0]:
        box.setXRange(x0, x1, padding=0)
    if not auto[1]:
        box.setYRange(y0, y1, padding=0)
    box.enableAutoRange(x=bool(auto[0]), y=bool(auto[1]))


def restore_view_state(window: Any, state: Any) -> None:
    """Show what :func:`view_state` stored; anything unknown or malformed is skipped."""
    if not isinstance(state, Mapping):
        return
    docks = state.get("docks")
    if isinstance(docks, Mapping):
        for name, spec in docks.items():
            dock = window.docks.get(name)
            if dock is None or not isinstance(spec, Mapping):
                continue
            dock.setVisible(bool(spec.get("shown", True)))
        for name, spec in docks.items():
            dock = window.docks.get(name)
            if dock is not None and isinstance(spec, Mapping) and spec.get("front") and spec.get("shown"):
                dock.raise_()
    panels = state.get("panels")
    if isinstance(panels, Mapping):
        for name, values in panels.items():
            panel = window.panels.get(name)
            if panel is None or not isinstance(values, Mapping):
                continue
            if name in NOT_VIEW_STATE:
                continue
            for attribute, value in values.items():
                widget = vars(panel).get(attribute)
                if isinstance(widget, pg.PlotItem) and isinstance(value, Mapping):
                    _restore_zoom(widget, value)
                    continue
                if isinstance(widget, QCheckBox) and isinstance(value, bool):
                    widget.setChecked(value)
                elif (
                    isinstance(widget, QComboBox)
                    and isinstance(value, int)
                    and not isinstance(value, bool)
                    and 0 <= value < widget.count()
                ):
                    widget.setCurrentIndex(value)


# ============================================================================ the timeline in a session
def timeline_to_session(timeline: Timeline) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The timeline's checkpoints and events as JSON (under ``ui.timeline``) and arrays."""
    checkpoints, arrays = [], {}
    for i, checkpoint in enumerate(timeline.checkpoints):
        divergence = checkpoint.divergence
        try:
            json.dumps(divergence, allow_nan=False)
        except (TypeError, ValueError):
            divergence = None
        checkpoints.append(
            {
                "step": checkpoint.step,
                "epoch": checkpoint.epoch,
                "batch_position": checkpoint.batch_position,
                "rng": {
                    "bit_generator": checkpoint.rng_state["bit_generator"],
                    "state": {k: str(v) for k, v in checkpoint.rng_state["state"].items()},
                    "has_uint32": int(checkpoint.rng_state["has_uint32"]),
                    "uinteger": int(checkpoint.rng_state["uinteger"]),
                },
                "config": checkpoint.config,
                "divergence": divergence,
                "last_record": step_record_to_json(checkpoint.last_record),  # NaN/Inf too
            }
        )
        for name, value in checkpoint.arrays.items():
            arrays[f"timeline.{i}.{name}"] = np.asarray(value)

    def events(items: list[TimelineEvent]) -> list[dict[str, Any]]:
        return [{"step": e.step, "kind": e.kind, "payload": e.payload} for e in items]

    meta = {
        "every": timeline.every,
        "max_checkpoints": timeline.max_checkpoints,
        "checkpoints": checkpoints,
        "events": events(timeline.events),
        "branch": events(timeline.branch),
    }
    return meta, arrays


def timeline_from_session(trainer: Trainer, meta: Any, arrays: Mapping[str, Any]) -> Timeline | None:
    """The saved timeline, checked against ``trainer`` (names, shapes, dtypes); None if unusable."""
    if not isinstance(meta, Mapping):
        return None
    try:
        reference = capture(trainer).arrays
        checkpoints = []
        for i, saved in enumerate(meta["checkpoints"]):
            own = {}
            for name, value in reference.items():
                array = np.asarray(arrays[f"timeline.{i}.{name}"])
                if array.shape != value.shape or array.dtype != value.dtype:
                    return None
                if (
                    array.dtype.kind == "f"
                    and not np.all(np.isfinite(array))
                    and not name.startswith("optimizer.")
                ):
                    return None
                own[name] = array.copy()
            step = int(saved["step"])
            if not 0 <= step <= trainer.step_count:
                return None
            checkpoints.append(
                TrainerCheckpoint(
                    step=step,
                    epoch=int(saved["epoch"]),
                    batch_position=int(saved["batch_position"]),
                    arrays=own,
                    rng_state=_rng_state_from_json(saved["rng"], trainer.rng),
                    config=validate_config(saved["config"]),
                    divergence=saved.get("divergence"),
                    last_record=step_record_from_json(saved.get("last_record")),
                    nbytes=sum(a.nbytes for a in own.values()),
                )
            )
        if not checkpoints or sorted(c.step for c in checkpoints) != [c.step for c in checkpoints]:
            return None

        def events(items: Any) -> list[TimelineEvent]:
            found = []
            for item in items:
                if item["kind"] not in EDIT_KINDS or not isinstance(item["payload"], dict):
                    raise ValueError(item["kind"])
                found.append(TimelineEvent(int(item["step"]), str(item["kind"]), dict(item["payload"])))
            return found

        return Timeline(
            every=max(1, int(meta["every"])),
            max_checkpoints=max(2, int(meta["max_checkpoints"])),
            checkpoints=checkpoints,
            events=events(meta.get("events", [])),
            branch=events(meta.get("branch", [])),
        )
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, GradsimError):
        return None  # an unusable timeline: the run goes on with a new one from the opened step


# ============================================================================ the controller
class SessionController(QObject):
    """Sessions of one main window (create it after the window's panels and menus exist)."""

    #: The session was written to its file (the path): an autosave kept for it can go.
    saved = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.path: str | None = None
        #: :func:`disk_stamp` of ``path`` when this window last read or wrote it.
        self.file_stamp: list[int] | None = None
        self.dirty = False
        self.notes = ""
        self._clean_step = 0
        self._loading = False
        self._awaiting_swap = False
        self._create_actions()
        self._create_notes_dock()
        window.add_file_actions(
            [
                self.new_action,
                self.open_action,
                self.recent_menu.menuAction(),
                self.save_action,
                self.save_as_action,
                self.revert_action,
                self.export_recipe_action,
                self.import_recipe_action,
            ]
        )
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.controller.frameReady.connect(self._on_frame)
        window.controller.trainerReplaced.connect(self._on_trainer_replaced)
        for signal_name in ("learningRateChanged", "clippingChanged"):
            signal = getattr(window.controls, signal_name, None)
            if signal is not None:
                signal.connect(self._on_edit)
        diagram = window.panels.get("diagram")
        if diagram is not None and hasattr(diagram, "weightEdited"):
            diagram.weightEdited.connect(self._on_edit)
        self.retranslate()
        self._update_recent_menu()
        self._update_title()

    # ---------------------------------------------------------------- construction
    def _create_actions(self) -> None:
        window = self.window
        self.new_action = QAction(window)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_session)
        self.open_action = QAction(window)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)  # Ctrl+O; a config: Ctrl+Shift+O
        self.open_action.triggered.connect(self.open_dialog)
        self.recent_menu = QMenu(window)
        self.save_action = QAction(window)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction(window)
        self.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_as_action.triggered.connect(self.save_as)
        self.revert_action = QAction(window)
        self.revert_action.triggered.connect(self.revert)
        self.export_recipe_action = QAction(window)
        self.export_recipe_action.triggered.connect(self.export_recipe)
        self.import_recipe_action = QAction(window)
        self.import_recipe_action.triggered.connect(self.import_recipe)

    def _create_notes_dock(self) -> None:
        window = self.window
        self.notes_edit = QPlainTextEdit(window)
        self.notes_edit.setObjectName("session_notes")
        self.notes_edit.textChanged.connect(self._on_notes_changed)
        self.notes_dock = QDockWidget(window)
        self.notes_dock.setObjectName("dock_notes")
        self.notes_dock.setWidget(self.notes_edit)
        from PySide6.QtCore import Qt

        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.notes_dock)
        self.notes_dock.hide()
        window.menus.view.addAction(self.notes_dock.toggleViewAction())

    def retranslate(self) -> None:
        texts = {
            self.new_action: (
                translate("SessionController", "&New session"),
                translate("SessionController", "Start over with the default network."),
            ),
            self.open_action: (
                translate("SessionController", "Open &session..."),
                translate("SessionController", "Open a saved .gradsim session."),
            ),
            self.save_action: (
                translate("SessionController", "&Save session"),
                translate("SessionController", "Save the session (Ctrl+S)."),
            ),
            self.save_as_action: (
                translate("SessionController", "Save session &as..."),
                translate("SessionController", "Save the session to a new file."),
            ),
            self.revert_action: (
                translate("SessionController", "&Revert"),
                translate("SessionController", "Reopen the saved file and drop the changes since."),
            ),
            self.export_recipe_action: (
                translate("SessionController", "E&xport recipe..."),
                translate(
                    "SessionController", "Save the configuration alone (JSON), without the training state."
                ),
            ),
            self.import_recipe_action: (
                translate("SessionController", "&Import recipe..."),
                translate("SessionController", "Load a configuration (JSON) and train it from step 0."),
            ),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.recent_menu.setTitle(translate("SessionController", "Open &recent"))
        self.notes_dock.setWindowTitle(translate("SessionController", "Notes"))
        self.notes_edit.setPlaceholderText(
            translate("SessionController", "Notes for this session (saved with it).")
        )
        self._update_recent_menu()

    # ---------------------------------------------------------------- modified state and title
    def title(self) -> str:
        """The window title: file name (or the config's name) and the modified marker."""
        if self.path:
            name = Path(self.path).name
        else:
            name = self.window.controller.config.get("name", "") or translate("SessionController", "Untitled")
        return f"{name}[*] — gradsim"

    def _update_title(self) -> None:
        self.window.setWindowTitle(self.title())
        self.window.setWindowModified(self.dirty)
        self.revert_action.setEnabled(bool(self.path))

    def set_dirty(self, dirty: bool = True) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self._update_title()

    def _mark_clean(self, step: int) -> None:
        self._clean_step = int(step)
        self.dirty = False
        self._update_title()

    @Slot(object)
    def _on_frame(self, frame: Any) -> None:
        if self._loading:
            return
        if self._awaiting_swap:  # frames of the replaced trainer may still be on their way
            if frame.snapshot.step == self._clean_step:
                self._awaiting_swap = False
            return
        if frame.snapshot.step != self._clean_step:
            self.set_dirty(True)

    @Slot()
    def _on_trainer_replaced(self) -> None:
        if not self._loading:
            self.set_dirty(True)
            self._update_title()

    @Slot()
    def _on_edit(self, *args: Any) -> None:
        self.set_dirty(True)

    @Slot()
    def _on_notes_changed(self) -> None:
        text = self.notes_edit.toPlainText()
        if text != self.notes:
            self.notes = text
            if not self._loading:
                self.set_dirty(True)

    # ---------------------------------------------------------------- the session's content
    def payload(self) -> tuple[Trainer, dict[str, Any], dict[str, np.ndarray]]:
        """A consistent copy of the trainer plus the sections save_session stores beside it."""
        trainer = self.window.controller.trainer_copy()
        extras: dict[str, Any] = {"ui": view_state(self.window), "notes": self.notes}
        arrays: dict[str, np.ndarray] = {}
        timeline = getattr(trainer, TIMELINE_ATTRIBUTE, None)
        if isinstance(timeline, Timeline):
            extras["ui"]["timeline"], timeline_arrays = timeline_to_session(timeline)
            arrays.update(timeline_arrays)
        landscape = self.window.panels.get("landscape")
        if landscape is not None and all(hasattr(landscape, n) for n in ("state", "arrays", "restore")):
            try:
                extras["landscape"] = landscape.state()
                arrays.update({f"landscape.{k}": v for k, v in landscape.arrays().items()})
            except Exception:  # noqa: BLE001 - a panel's state must never stop a save
                extras.pop("landscape", None)
        lecture = getattr(self.window, "lecture", None)
        section = lecture.section() if lecture is not None else None
        if section is not None:
            extras["lecture"] = section  # the lesson being presented and its stage
        comparison = getattr(self.window, "comparison", None)
        compared = comparison.section() if comparison is not None else None
        if compared is not None:
            extras["ui"]["compare"] = compared  # which setting, which values (docs/compare.md)
        return trainer, extras, arrays

    def write(
        self, path: str, trainer: Trainer, extras: Mapping[str, Any], arrays: Mapping[str, Any]
    ) -> None:
        """Write a session atomically (raises SessionError)."""
        save_session(path, trainer, dict(arrays), **extras)

    # ---------------------------------------------------------------- prompts
    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when modified; True when the caller may go on."""
        if not self.dirty:
            return True
        answer = ask_save_discard_cancel(
            self.window.dialogs,
            self.window,
            translate("SessionController", "Unsaved changes"),
            translate("SessionController", "The session has unsaved changes. Save them first?"),
        )
        if answer == "save":
            return self.save()
        return answer == "discard"

    # ---------------------------------------------------------------- actions
    @Slot()
    def new_session(self) -> bool:
        if not self.maybe_save():
            return False
        try:
            trainer = self.window.controller.factory(validate_config(load_config(DEFAULT_CONFIG)))
        except GradsimError as error:
            self._error(translate("SessionController", "Cannot start a new session"), error)
            return False
        self._swap(trainer, None, {}, {})
        return True

    @Slot()
    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.window.dialogs.open_file(
            self.window, translate("SessionController", "Open a session"), self._folder(), session_filter()
        )
        return bool(path) and self.open_path(path, ask=False)

    def open_path(self, path: str, *, ask: bool = True) -> bool:
        """Open ``path``; on any failure show the error and change nothing."""
        if ask and not self.maybe_save():
            return False
        stamp = disk_stamp(path)  # before reading: a change while it is read is noticed at Save
        try:
            session = load_session(path)
        except SessionError as error:
            self._error(translate("SessionController", "Cannot open the session"), error)
            return False
        except Exception as error:  # noqa: BLE001 - nothing may take the open session down
            self._error(translate("SessionController", "Cannot open the session"), error)
            return False
        self._swap_session(session, os.path.abspath(path))
        self.file_stamp = stamp
        self.add_recent(os.path.abspath(path))
        return True

    def adopt(self, session: Session, path: str) -> None:
        """Show an already loaded session (``gradsim file.gradsim`` at launch)."""
        self._swap_session(session, os.path.abspath(path))
        self.file_stamp = disk_stamp(path)
        self.add_recent(os.path.abspath(path))

    def recover(self, session: Session, path: str | None, stamp: list[int] | None) -> None:
        """Show a session recovered from an autosave: under its own file's name (``path``) and
        modified, with ``stamp`` the file as the crashed window knew it (so Save notices if the
        file changed since)."""
        self._swap_session(session, path)
        self.file_stamp = stamp
        self.set_dirty(True)

    def _swap_session(self, session: Session, path: str | None) -> None:
        self._swap(session.trainer, path, session.extras, session.extra_arrays)

    def _swap_timeline(self, trainer: Trainer, extras: Mapping[str, Any], arrays: Mapping[str, Any]) -> None:
        ui = extras.get("ui")
        timeline = timeline_from_session(
            trainer, ui.get("timeline") if isinstance(ui, Mapping) else None, arrays
        )
        if timeline is not None:
            setattr(trainer, TIMELINE_ATTRIBUTE, timeline)

    def _swap(
        self, trainer: Trainer, path: str | None, extras: Mapping[str, Any], arrays: Mapping[str, Any]
    ) -> None:
        """Train ``trainer`` from now on (paused), show its view state; the session is then clean."""
        window = self.window
        self._pause()
        self._loading = True
        try:
            self._swap_timeline(trainer, extras, arrays)
            window.load_trainer(trainer)
            self.path = path
            notes = extras.get("notes", "")
            self.notes = notes if isinstance(notes, str) else ""
            self.notes_edit.setPlainText(self.notes)
            restore_view_state(window, extras.get("ui"))
            landscape = window.panels.get("landscape")
            if (
                landscape is not None
                and hasattr(landscape, "restore")
                and isinstance(extras.get("landscape"), dict)
            ):
                own = {k[len("landscape.") :]: v for k, v in arrays.items() if k.startswith("landscape.")}
                with contextlib.suppress(Exception):  # an old or odd landscape state is skipped
                    landscape.restore(extras["landscape"], own)
            lecture = getattr(window, "lecture", None)
            if lecture is not None:  # the lesson and its stage, over the session's own state
                lecture.restore_section(extras.get("lecture"), os.path.basename(path or "") or "lecture")
            comparison = getattr(window, "comparison", None)
            if comparison is not None:  # re-created from the session's config, or ended
                ui = extras.get("ui")
                comparison.restore_section(ui.get("compare") if isinstance(ui, Mapping) else None)
            window.controller.refresh()
        finally:
            self._loading = False
        self.file_stamp = None  # callers that read a file set it
        self._awaiting_swap = True  # until the worker shows the new trainer
        self._mark_clean(trainer.step_count)

    def _pause(self) -> None:
        controller = self.window.controller
        controller.pause()
        deadline = time.monotonic() + PAUSE_TIMEOUT_S
        while controller.running and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.005)

    @Slot()
    def save(self) -> bool:
        if not self.path:
            return self.save_as()
        return self.save_to(self.path)

    @Slot()
    def save_as(self) -> bool:
        path = self.window.dialogs.save_file(
            self.window, translate("SessionController", "Save the session"), self._folder(), session_filter()
        )
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Save to ``path``; on failure show the error, keep the old file and stay modified.

        Saving over the session's own file asks first when the file changed on disk since this
        window read or wrote it (another window or program saved it): no silent last-writer-wins.
        """
        if self._changed_on_disk(path) and not self._confirm_overwrite(path):
            self.window.statusBar().showMessage(
                translate("SessionController", "Not saved: {file} changed on disk.").format(
                    file=Path(path).name
                ),
                10_000,
            )
            return False
        try:
            trainer, extras, arrays = self.payload()
            self.write(path, trainer, extras, arrays)
        except SessionError as error:
            self._error(translate("SessionController", "Cannot save the session"), error)
            self.set_dirty(True)
            return False
        except (OSError, RuntimeError, TimeoutError) as error:
            self._error(translate("SessionController", "Cannot save the session"), error)
            self.set_dirty(True)
            return False
        self.path = os.path.abspath(path)
        self.file_stamp = disk_stamp(path)
        self.add_recent(self.path)
        self._mark_clean(trainer.step_count)
        self.window.statusBar().showMessage(
            translate("SessionController", "Saved {file}.").format(file=Path(path).name), 5000
        )
        self.saved.emit(self.path)
        return True

    def _changed_on_disk(self, path: str) -> bool:
        """``path`` is this session's file and is not as this window last read or wrote it."""
        if not self.path or os.path.realpath(path) != os.path.realpath(self.path):
            return False  # another file: Save As's dialog asks before replacing it
        now = disk_stamp(path)
        return now is not None and now != self.file_stamp

    def _confirm_overwrite(self, path: str) -> bool:
        return self.window.dialogs.question(
            self.window,
            translate("SessionController", "File changed on disk"),
            translate(
                "SessionController",
                "{file} was changed on disk since this window opened or saved it (by another "
                "gradsim window or another program). Replace it with this session?\n\nNo keeps the "
                "file on disk as it is; Save session as... keeps both.",
            ).format(file=Path(path).name),
        )

    @Slot()
    def revert(self) -> bool:
        if not self.path:
            return False
        if self.dirty and not self.window.dialogs.question(
            self.window,
            translate("SessionController", "Revert"),
            translate("SessionController", "Drop the changes since the last save?"),
        ):
            return False
        return self.open_path(self.path, ask=False)

    @Slot()
    def export_recipe(self) -> bool:
        path = self.window.dialogs.save_file(
            self.window, translate("SessionController", "Export a recipe"), self._folder(), recipe_filter()
        )
        if not path:
            return False
        try:
            text = json.dumps(self.window.controller.config, indent=2, allow_nan=False)
            temporary = f"{path}.tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except (OSError, ValueError) as error:
            self._error(translate("SessionController", "Cannot export the recipe"), error)
            return False
        return True

    @Slot()
    def import_recipe(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.window.dialogs.open_file(
            self.window, translate("SessionController", "Import a recipe"), self._folder(), recipe_filter()
        )
        if not path:
            return False
        try:
            trainer = self.window.controller.factory(validate_config(load_config(path)))
        except GradsimError as error:
            self._error(translate("SessionController", "Cannot import the recipe"), error)
            return False
        self._swap(trainer, None, {}, {})
        self.set_dirty(True)
        return True

    # ---------------------------------------------------------------- recent files
    def recent_files(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files() if p != path]
        QSettings().setValue(RECENT_KEY, files[:MAX_RECENT])
        self._update_recent_menu()

    def _update_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        for path in files:
            action = menu.addAction(Path(path).name)
            action.setData(path)
            action.setToolTip(path)
            exists = os.path.exists(path)
            action.setEnabled(exists)
            if not exists:
                action.setStatusTip(
                    translate("SessionController", "{path} no longer exists.").format(path=path)
                )
            action.triggered.connect(self._on_recent)
        menu.setEnabled(bool(files))
        menu.setToolTipsVisible(True)

    @Slot()
    def _on_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.open_path(str(action.data()))

    def _folder(self) -> str:
        return os.path.dirname(self.path) if self.path else ""

    # ---------------------------------------------------------------- drag and drop
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # A window whose Python side is already gone may still get events: its controller's
        # wrapper is then new and empty, and the event is left to Qt.
        window = vars(self).get("window")
        if (
            window is not None
            and watched is window
            and event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop)
        ):
            paths = self._dropped(event)
            if not paths:
                return False
            if event.type() == QEvent.Type.DragEnter:
                event.acceptProposedAction()
            else:
                event.acceptProposedAction()
                self.open_path(paths[0])
            return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _dropped(event: Any) -> list[str]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [u.toLocalFile() for u in data.urls() if u.isLocalFile() and u.toLocalFile().endswith(SUFFIX)]

    # ---------------------------------------------------------------- errors
    def _error(self, title: str, error: BaseException) -> None:
        if isinstance(error, GradsimError):
            text, details = wording.error_message(error), str(error)
        else:
            text, details = str(error) or type(error).__name__, repr(error)
        self.window.dialogs.error(self.window, title, text, details)
