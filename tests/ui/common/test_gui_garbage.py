"""Cycle collection happens in the GUI thread only (gradsim.ui.common.gui_garbage): a
collection started by another thread's allocations could destroy a widget off the GUI
thread and hang the process (a GUI test run hung so)."""

from __future__ import annotations

import gc
import threading

import pytest

from gradsim.ui.common import gui_garbage

pytestmark = pytest.mark.ui


class _Cycle:
    """Garbage only the cycle collector frees; records the thread that freed it."""

    freed_in: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_in.append(threading.current_thread().name)


def _allocate_in_a_thread() -> None:
    def churn() -> None:  # containers kept alive: far past every generation's threshold
        kept = [[] for _ in range(200_000)]
        del kept

    worker = threading.Thread(target=churn, name="churn")
    worker.start()
    worker.join()


def test_another_threads_allocations_never_collect_and_the_gui_timer_does(qtbot) -> None:
    gui_garbage.collect_in_gui_thread()  # the conftest did it already: once is enough
    assert not gc.isenabled()
    _Cycle.freed_in.clear()
    gc.collect()
    _Cycle()
    _allocate_in_a_thread()
    assert _Cycle.freed_in == []  # no collection in the churning thread
    kept: list[list] = []

    def freed() -> bool:  # the GUI thread keeps allocating: its timer collects past the threshold
        kept.extend([] for _ in range(2_000))
        return _Cycle.freed_in != []

    collector = gui_garbage.collect_in_gui_thread()
    try:
        qtbot.waitUntil(freed, timeout=10_000)
    except qtbot.TimeoutError:
        pytest.fail(f"not freed: counts {gc.get_count()}, timer active {collector.timer.isActive()}")
    assert _Cycle.freed_in == [threading.main_thread().name]


def test_without_it_the_allocating_thread_collects() -> None:
    """The hazard itself: Python collects in whichever thread crosses the threshold."""
    gui_garbage.collect_automatically_again()
    try:
        assert gc.isenabled()
        _Cycle.freed_in.clear()
        gc.collect()
        _Cycle()
        _allocate_in_a_thread()
        assert _Cycle.freed_in == ["churn"]
    finally:
        gui_garbage.collect_in_gui_thread()


def test_collection_goes_back_to_python_after_a_test() -> None:
    gui_garbage.collect_automatically_again()
    assert gc.isenabled()
    gui_garbage.collect_in_gui_thread()
    assert not gc.isenabled()
