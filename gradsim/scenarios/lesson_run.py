"""Run a lesson stage headless: its starting state, then its actions, as the app would.

The app presents a stage with its worker, panels and keys; this module does the same work
with the engine alone, so a test (or a lecturer checking a lesson before class) can prove
that a stage does what its narrative says. It follows the app's rules:

* ``set`` changes the state. On a network the learning rate and clipping change live at the
  current step (a timeline edit, kept by rewinds); any other key rebuilds the network from the
  changed config at step 0, which starts a new *run*.
* ``train N`` runs exactly N steps, the last one taking the statistics sample
  (``Trainer.step(statistics=True)``), and stops earlier at a non-finite step as the app's
  NaN trigger does (the sample is then taken at the pause).
* ``pause`` takes the statistics sample of the current step (``record_statistics_now``).
* ``rewind`` goes back with the run's timeline (exact replay; the target's statistics).
* ``race`` runs the landscape race of the current state (its racers set up first when the
  action lists them) to the given step, as the landscape panel does.
* ``front`` records the panel brought to the front.
* A comparison stage (``compare``) builds every variant of its state
  (:class:`~gradsim.engine.variants.VariantSet`); ``train N`` runs N locksteps (each variant
  one step in turn, the last taking the statistics sample), as the app's comparison worker does.

:meth:`StageRun.measurements` gives the quantities a stage's ``expect`` names: the network
quantities of docs/scenarios.md for the first (``start``) and last (``end``) run, and the
race quantities of each racer of the first and last race (``start/0``, ``end/1``, ...), and
for a comparison the network quantities of each variant, named by its value (``he_normal``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gradsim.engine.timeline import Timeline
from gradsim.engine.trainer import Trainer
from gradsim.engine.variants import VariantSet
from gradsim.scenarios.effects import ConditionResult, check_condition
from gradsim.scenarios.errors import LessonError
from gradsim.scenarios.lesson_actions import Action
from gradsim.scenarios.lessons import Lesson, Stage
from gradsim.scenarios.network_run import NetworkRecorder
from gradsim.scenarios.race_run import measure_race
from gradsim.scenarios.validation import apply_changes, check_state

Measurements = dict[str, dict[str, float]]  # subject -> quantity -> value
TrainerFactory = Callable[[Mapping[str, Any]], Trainer]


@dataclass
class StageRun:
    """A stage being run: the current state, the network run or the races, and what happened."""

    stage: Stage
    label: str = "<lesson>"
    where: str = "stage"
    factory: TrainerFactory = Trainer
    seed: int | None = None  # replaces the state's seed (training.seed, or the race's noise seed)
    trainer: Trainer | None = None  # given: the stage's network, already built (else built here)
    state: dict[str, Any] = field(default_factory=dict)
    timeline: Timeline | None = None
    recorder: NetworkRecorder | None = None
    runs: list[dict[str, float]] = field(default_factory=list)  # closed network runs, measured
    races: list[dict[str, dict[str, float]]] = field(default_factory=list)  # racer -> quantities
    front: list[str] = field(default_factory=list)  # panels in front, the last brought first
    log: list[str] = field(default_factory=list)  # one line per action
    variants: VariantSet | None = None  # a comparison stage's variants
    recorders: list[NetworkRecorder] = field(default_factory=list)  # one per variant

    def __post_init__(self) -> None:
        self.state = self.stage.state()
        self.front = list(self.stage.view)
        if self.stage.kind == "landscape":
            if self.seed is not None:
                self.state["analytic"]["seed"] = self.seed
            return
        if self.seed is not None:
            self.state.setdefault("training", {})["seed"] = self.seed
        if self.stage.compare is not None:
            config = check_state("network", copy.deepcopy(self.state), "state")
            assert config is not None
            self.variants = VariantSet(config, self.stage.compare, factory=self.factory)
            self.recorders = [NetworkRecorder(trainer) for trainer in self.variants.trainers]
            # and, as in the app's window, the stage's own network, which the variants leave be
        if self.trainer is None:
            self._build()
        else:
            self._follow(self.trainer)

    # ------------------------------------------------------------------ actions
    def apply(self, action: Action, index: int = 0) -> None:
        """Do one action (``index``: its place in the stage, for messages)."""
        handler = getattr(self, f"_do_{action.do}")
        handler(action, f"{self.where}.actions[{index}]")

    def run_actions(self) -> StageRun:
        for index, action in enumerate(self.stage.actions):
            self.apply(action, index)
        return self

    def _do_set(self, action: Action, where: str) -> None:
        apply_changes(self.state, action.changes)
        if self.stage.kind == "landscape":
            self.log.append(action.describe())
            return
        if not action.live:
            self._close_run()
            self._build()
            self.log.append(f"{action.describe()}: network rebuilt at step 0")
            return
        trainer, timeline = self._network()
        for path, value in action.changes.items():
            if path == "optimizer.lr":
                timeline.edit(trainer, "learning_rate", {"lr": value})
        if any(path.startswith("clipping") for path in action.changes):
            timeline.edit(trainer, "clipping", {"spec": copy.deepcopy(self.state["clipping"])})
        trainer.clear_divergence()  # the app's live edits clear a divergence too
        self.log.append(f"{action.describe()}: live at step {trainer.step_count}")

    def _do_train(self, action: Action, where: str) -> None:
        if self.variants is not None:
            self._train_lockstep(action)
            return
        trainer, timeline = self._network()
        assert action.steps is not None
        done = 0
        for done in range(1, action.steps + 1):
            record = trainer.step(statistics=True) if done == action.steps else trainer.step()
            timeline.record(trainer)
            self.recorder.after_step(record)
            if not record.finite:  # the app's NaN trigger pauses here
                trainer.record_statistics_now()
                self.log.append(f"train: not finite at step {trainer.step_count}, paused")
                return
        self.log.append(f"trained {done} step{'s' if done != 1 else ''} to step {trainer.step_count}")

    def _train_lockstep(self, action: Action) -> None:
        assert self.variants is not None and action.steps is not None
        for done in range(1, action.steps + 1):
            records = self.variants.step(statistics=done == action.steps)
            for recorder, record in zip(self.recorders, records, strict=True):
                recorder.after_step(record)
        self.log.append(f"trained {len(self.recorders)} variants {action.steps} locksteps")

    def _do_pause(self, action: Action, where: str) -> None:
        if self.variants is not None:
            self.variants.record_statistics_now()
        if self.trainer is not None:
            self.trainer.record_statistics_now()
        self.log.append("pause")

    def _do_front(self, action: Action, where: str) -> None:
        assert action.panel is not None
        if action.panel in self.front:
            self.front.remove(action.panel)
        self.front.insert(0, action.panel)
        self.log.append(action.describe())

    def _do_rewind(self, action: Action, where: str) -> None:
        trainer, timeline = self._network()
        assert action.step is not None
        if action.step > trainer.step_count:
            raise LessonError(
                self.label,
                f"{where}.step",
                "bad_rewind",
                "cannot rewind to step {value}: the run stopped at step {step}",
                value=action.step,
                step=trainer.step_count,
            )
        timeline.rewind(trainer, action.step)
        trainer.clear_divergence()  # as the app's rewind does
        self.recorder.forget_after(action.step)
        self.log.append(action.describe())

    def _do_race(self, action: Action, where: str) -> None:
        analytic = self.state["analytic"]
        if action.optimizers is not None:
            analytic["optimizers"] = [copy.deepcopy(row) for row in action.optimizers]
        steps = action.steps if action.steps is not None else analytic["steps"]
        analytic["index"] = steps  # the panel's playback position
        self.races.append(measure_race(analytic, steps, **self.stage.params))
        self.log.append(f"raced {len(analytic['optimizers'])} racers for {steps} steps")

    # ------------------------------------------------------------------ network runs
    def _build(self) -> None:
        self._follow(self.factory(self.state))

    def _follow(self, trainer: Trainer) -> None:
        self.trainer = trainer
        self.timeline = Timeline()
        self.timeline.start(trainer)
        self.recorder = NetworkRecorder(trainer)

    def _close_run(self) -> None:
        if self.recorder is not None:
            self.runs.append(self.recorder.measure())

    def _network(self) -> tuple[Trainer, Timeline]:
        assert self.trainer is not None and self.timeline is not None and self.recorder is not None
        return self.trainer, self.timeline

    # ------------------------------------------------------------------ results
    def measurements(self) -> Measurements:
        """The quantities ``expect`` names (module docstring)."""
        if self.variants is not None:
            labels = self.variants.labels
            return {label: recorder.measure() for label, recorder in zip(labels, self.recorders, strict=True)}
        if self.stage.kind == "network":
            assert self.recorder is not None
            end = self.recorder.measure()
            return {"start": self.runs[0] if self.runs else end, "end": end}
        if not self.races:
            return {}
        result: Measurements = {}
        for name, race in (("start", self.races[0]), ("end", self.races[-1])):
            result.update({f"{name}/{racer}": values for racer, values in race.items()})
        return result

    def check(self) -> tuple[ConditionResult, ...]:
        """Each condition of the stage's ``expect`` on this run's measurements."""
        measured = self.measurements()
        return tuple(check_condition(condition, [measured]) for condition in self.stage.expect)


def start_stage(
    lesson: Lesson,
    index: int,
    *,
    trainer: Trainer | None = None,
    seed: int | None = None,
    factory: TrainerFactory = Trainer,
) -> StageRun:
    """Stage ``index`` set up, no action run yet: its network built from the stage's config
    by ``factory`` (or ``trainer``, built already from ``lesson.stage_state(index).config``),
    or its landscape state ready. ``seed`` replaces the state's seed."""
    label = lesson.path.name if lesson.path is not None else lesson.name
    return StageRun(lesson.stages[index], label, f"stages[{index}]", factory, seed, trainer)


def run_stage(lesson: Lesson, index: int, **options: Any) -> StageRun:
    """Stage ``index`` set up and every action run, in order (options: :func:`start_stage`'s)."""
    return start_stage(lesson, index, **options).run_actions()


def report(run: StageRun, index: int) -> str:
    """What a stage did and whether its conditions hold, for a lecturer (and a failing test)."""
    results = run.check()
    verdict = "holds" if all(r.holds for r in results) else "FAILS"
    lines = [f"stage {index + 1}: {run.stage.text('title')} ({verdict if results else 'no checks'})"]
    lines += ["  " + line for line in run.log]
    lines += ["  " + r.describe() for r in results]
    return "\n".join(lines)


__all__ = ["StageRun", "report", "run_stage", "start_stage"]
