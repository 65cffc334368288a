"""Long optimizer races in a separate process (Qt-free: the child imports no Qt).

A race is one tight Python loop (:func:`gradsim.landscapes.trajectories.race`) that cannot
be paced from outside. Run in a thread it holds the GIL and the GUI starves (measured
here: 6 frames/s of animation while a 50 000-step race of 6 optimizers ran in a QThread,
20 frames/s even with a 0.2 ms switch interval). A spawned process has its own
interpreter: the animation keeps its frame rate, and a superseded race (the user dragged
the start again) is simply terminated. Start-up costs ~0.6 s (numpy, scipy and the lab
are imported), which is why short races are computed on the spot instead.

The job is plain data (surface name and parameters, optimizer specs, ...), rebuilt in the
child with the same engine calls, so the result is bit-identical to the same race
computed in the GUI process. The GUI's side (starting the child, polling its pipe from a
``QTimer``) is :class:`gradsim.ui.landscape.worker.RaceProcess`.
"""

from __future__ import annotations

import pickle
import traceback
from typing import Any

PICKLE_PROTOCOL = 5  # out-of-band buffers: numpy arrays pickle at memcpy speed


def race_job(
    surface_name: str,
    surface_params: dict[str, Any],
    specs: list[dict[str, Any]],
    clipping: list[dict[str, Any] | None],
    start: tuple[float, float],
    steps: int,
    noise: float,
    seed: int,
    bound: float,
) -> dict[str, Any]:
    """The picklable description of a race (see :func:`run_race_job`)."""
    return {
        "surface": surface_name,
        "params": dict(surface_params),
        "specs": [dict(spec) for spec in specs],
        "clipping": list(clipping),
        "start": (float(start[0]), float(start[1])),
        "steps": int(steps),
        "noise": float(noise),
        "seed": int(seed),
        "bound": float(bound),
    }


def run_race_job(job: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """(trajectories, summaries) of the race ``job`` describes."""
    from gradsim.landscapes.surfaces import make_surface
    from gradsim.landscapes.trajectories import race, summarize

    surface = make_surface(job["surface"], **job["params"])
    trajectories = race(
        surface,
        job["specs"],
        job["start"],
        job["steps"],
        clipping=job["clipping"],
        noise_std=job["noise"],
        seed=job["seed"],
        bound=job["bound"],
    )
    return trajectories, [summarize(t, surface) for t in trajectories]


def race_process_main(connection: Any, job: dict[str, Any]) -> None:
    """The child process: run the race, send ("done", pickled result) or ("failed", traceback)."""
    try:
        result = run_race_job(job)
        message = ("done", pickle.dumps(result, protocol=PICKLE_PROTOCOL))
    except Exception:  # noqa: BLE001 - errors travel to the GUI as text
        message = ("failed", traceback.format_exc())
    try:
        connection.send(message)
    except (BrokenPipeError, OSError):
        pass
    finally:
        connection.close()
