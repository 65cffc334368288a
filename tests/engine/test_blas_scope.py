"""A Trainer runs BLAS single-threaded only while it computes (runtime.BlasScope).

The limit must hold inside every step, also for a script that never heard of it, and
must not leak into the caller's code: after ``step()``/``run()`` return and between the
yields of ``steps()`` the caller's thread setting is back. The tests raise the BLAS
threads to 2 first, because the test command itself starts numpy with one thread.
"""

from __future__ import annotations

import pytest
from threadpoolctl import ThreadpoolController

from gradsim.engine import runtime
from gradsim.engine.runtime import BlasScope, blas_libraries, blas_thread_setting
from gradsim.engine.trainer import Trainer

CONFIG = {
    "data": {"kind": "teacher", "dim": 8, "n_samples": 256, "seed": 0, "task": "binary"},
    "network": {"depth": 2, "width": 16, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "adam", "lr": 0.01},
    "training": {"batch_size": 32, "diagnostics_every": 3},
}


def _threads() -> int:
    """BLAS threads now, read through a fresh controller (independent of runtime's cache)."""
    return max(lib.num_threads for lib in ThreadpoolController().select(user_api="blas").lib_controllers)


@pytest.fixture
def two_blas_threads():
    """The caller's setting: 2 BLAS threads (restored after the test)."""
    if not blas_libraries():
        pytest.skip("numpy has no BLAS that threadpoolctl controls")
    with ThreadpoolController().limit(limits=2, user_api="blas"):
        if _threads() != 2:
            pytest.skip("this BLAS cannot run 2 threads")
        yield


def _spy_on_threads(trainer: Trainer) -> list[int]:
    """Record the BLAS threads every time the optimizer updates (inside a step)."""
    seen: list[int] = []
    update = trainer.optimizer.step

    def spying_step(*args, **kwargs):
        seen.append(_threads())
        return update(*args, **kwargs)

    trainer.optimizer.step = spying_step
    return seen


def test_limit_holds_inside_steps_and_not_between_yields(two_blas_threads) -> None:
    trainer = Trainer(CONFIG)
    seen = _spy_on_threads(trainer)
    between = []
    for _ in trainer.steps(5):
        between.append(_threads())
    assert seen == [1] * 5
    assert between == [2] * 5
    assert _threads() == 2


def test_step_and_run_restore_the_callers_setting(two_blas_threads) -> None:
    trainer = Trainer(CONFIG)
    seen = _spy_on_threads(trainer)
    trainer.step()
    assert _threads() == 2
    trainer.run(4)
    assert _threads() == 2
    assert seen == [1] * 5


def test_a_step_that_raises_restores_the_setting(two_blas_threads) -> None:
    trainer = Trainer(CONFIG)

    def failing_step(*args, **kwargs):
        raise RuntimeError("boom")

    trainer.optimizer.step = failing_step
    with pytest.raises(RuntimeError):
        trainer.run(3)
    assert _threads() == 2


def test_opt_out_per_trainer_and_by_environment(two_blas_threads, monkeypatch) -> None:
    trainer = Trainer(CONFIG)
    trainer.blas_threads = None
    seen = _spy_on_threads(trainer)
    trainer.run(2)
    assert seen == [2, 2]
    monkeypatch.setenv("GRADSIM_BLAS_THREADS", "off")
    assert blas_thread_setting() is None
    assert Trainer(CONFIG).blas_threads is None
    monkeypatch.setenv("GRADSIM_BLAS_THREADS", "2")
    assert blas_thread_setting() == 2
    monkeypatch.delenv("GRADSIM_BLAS_THREADS")
    assert blas_thread_setting() == runtime.DEFAULT_BLAS_THREADS == 1


def test_nested_scopes_restore_once_when_the_outermost_leaves(two_blas_threads) -> None:
    with BlasScope(1):
        with BlasScope(1):
            assert _threads() == 1
        assert _threads() == 1
    assert _threads() == 2


def test_a_lower_setting_of_the_caller_is_kept(two_blas_threads) -> None:
    with ThreadpoolController().limit(limits=1, user_api="blas"):
        with BlasScope(2):
            assert _threads() == 1
        assert _threads() == 1


def test_the_controller_is_created_once(two_blas_threads, monkeypatch) -> None:
    """Creating a ThreadpoolController scans every loaded library: not once per step."""
    blas_libraries()
    created = []
    import threadpoolctl

    original = threadpoolctl.ThreadpoolController.__init__

    def counting_init(self, *args, **kwargs):
        created.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(threadpoolctl.ThreadpoolController, "__init__", counting_init)
    Trainer(CONFIG).run(5)
    for _ in Trainer(CONFIG).steps(5):
        pass
    assert created == []


def test_the_first_trainer_tunes_the_allocator_once(monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(runtime, "_allocator_tuned", False)
    monkeypatch.setattr(runtime, "tune_allocator", lambda: calls.append(1) or True)
    Trainer(CONFIG)
    Trainer(CONFIG)
    assert calls == [1]
    monkeypatch.setattr(runtime, "_allocator_tuned", False)
    monkeypatch.setenv("GRADSIM_TUNE_ALLOCATOR", "off")
    Trainer(CONFIG)
    assert calls == [1]
