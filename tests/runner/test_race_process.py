"""Long optimizer races in their own process: the job is plain data, the result is
bit-identical to the race run in this process, errors travel as text, and no Qt is loaded."""

from __future__ import annotations

import multiprocessing
import pickle

import numpy as np

from gradsim.landscapes.surfaces import make_surface
from gradsim.landscapes.trajectories import race
from gradsim.runner.race_process import race_job, race_process_main, run_race_job
from tests.runner.child_report import ReportingConnection

SPECS = [{"kind": "sgd", "lr": 0.05}, {"kind": "momentum", "lr": 0.02, "momentum": 0.9}]


def _job(surface: str = "saddle", steps: int = 300) -> dict:
    clipping = [None, {"kind": "norm", "max": 1.0}]
    return race_job(surface, {}, SPECS, clipping, (0.5, 0.01), steps, 0.0, 0, 10.0)


def test_a_job_is_plain_data_and_reproduces_the_race():
    job = _job()
    assert pickle.loads(pickle.dumps(job)) == job
    trajectories, summaries = run_race_job(job)
    expected = race(
        make_surface("saddle"), SPECS, (0.5, 0.01), 300, clipping=job["clipping"], bound=10.0
    )
    assert len(trajectories) == len(summaries) == 2
    for got, want in zip(trajectories, expected, strict=True):
        np.testing.assert_array_equal(got.positions, want.positions)


def test_a_failing_job_sends_its_traceback():
    receive, send = multiprocessing.Pipe(duplex=False)
    race_process_main(send, _job(surface="no-such-surface"))
    kind, details = receive.recv()
    assert kind == "failed" and "no-such-surface" in details


def test_the_race_process_runs_without_qt():
    """Spawned as RaceProcess spawns it (same start method, target and arguments)."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(
        target=race_process_main, args=(ReportingConnection(send), _job()), name="gradsim-race", daemon=True
    )
    process.start()
    send.close()
    try:
        assert receive.poll(60), "the race process sent nothing"
        (kind, payload), qt = receive.recv()
    finally:
        process.join(10)
    assert kind == "done", payload
    trajectories, _summaries = pickle.loads(payload)
    assert len(trajectories) == 2
    assert qt == [], f"the race process loaded Qt: {qt}"
    assert process.exitcode == 0
