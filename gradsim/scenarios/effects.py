"""Run a scenario headless and check the effect it claims: every scenario is a test.

:func:`measure` runs every variant of a scenario for its default steps with its check
(``train``: gradsim's Trainer; ``race``: the landscape lab's race) and returns the
quantities per subject. :func:`run_effect` does that for one or several seeds and
compares each condition of the file's ``effect.expect`` with its bounds: over several
seeds the value compared is the *median* over the seeds (for a ratio, the median of the
per-seed ratios), and :attr:`ConditionResult.seeds_holding` says on how many seeds the
condition held by itself.

A network scenario's seed is ``training.seed`` (initialization, batch order, activation
noise; the dataset stays the scenario's); a landscape scenario's is the race's gradient
noise seed (a race without noise is deterministic, so its seeds agree).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from gradsim.scenarios.catalogue import Scenario
from gradsim.scenarios.network_run import measure_network
from gradsim.scenarios.race_run import measure_race
from gradsim.scenarios.validation import Condition

Measurements = dict[str, dict[str, float]]  # subject -> quantity -> value


@dataclass(frozen=True)
class ConditionResult:
    """A condition, its value (median over seeds), the per-seed values and whether it holds."""

    condition: Condition
    value: float
    per_seed: tuple[float, ...]
    holds: bool

    @property
    def seeds_holding(self) -> int:
        return sum(self.condition.holds(v) for v in self.per_seed)

    def describe(self) -> str:
        """``grad_ratio[base] = 6.5e-04 (want <= 0.01): holds``."""
        verdict = "holds" if self.holds else "FAILS"
        seeds = f", {self.seeds_holding}/{len(self.per_seed)} seeds" if len(self.per_seed) > 1 else ""
        return (
            f"{self.condition.label()} = {self.value:.4g} (want {self.condition.wanted()}{seeds}): {verdict}"
        )


@dataclass(frozen=True)
class EffectResult:
    """What a headless run of a scenario showed."""

    scenario: str
    steps: int
    seeds: tuple[int | None, ...]  # None: the seed written in the file
    measurements: tuple[Measurements, ...]  # one per seed
    conditions: tuple[ConditionResult, ...]

    @property
    def holds(self) -> bool:
        return all(c.holds for c in self.conditions)

    def report(self) -> str:
        seeds = ", ".join("file" if s is None else str(s) for s in self.seeds)
        lines = [f"{self.scenario} ({self.steps} steps, seeds {seeds}): {'holds' if self.holds else 'FAILS'}"]
        lines += ["  " + c.describe() for c in self.conditions]
        return "\n".join(lines)


def measure(scenario: Scenario, steps: int | None = None, seed: int | None = None) -> Measurements:
    """Every quantity of the scenario's check for every subject (variant or variant/racer)."""
    steps = scenario.steps if steps is None else steps
    effect = scenario.effect
    result: Measurements = {}
    for variant in scenario.variant_names():
        if scenario.kind == "network":
            result[variant] = measure_network(scenario.config(variant, seed), steps)
        else:
            analytic = scenario.landscape(variant, seed)["analytic"]
            per_racer = measure_race(analytic, steps, seed=None, **effect.params)
            result.update({f"{variant}/{racer}": values for racer, values in per_racer.items()})
    return result


def run_effect(
    scenario: Scenario,
    seeds: Sequence[int | None] = (None,),
    steps: int | None = None,
    quick: bool = False,
) -> EffectResult:
    """Measure on every seed and check the conditions on the medians.

    ``quick`` uses the file's ``effect.quick_steps`` when it has one: fewer steps for the
    default test run, measured to show the effect already (the full length runs under
    the ``slow`` marker).
    """
    if steps is None:
        steps = scenario.effect.quick_steps if quick and scenario.effect.quick_steps else scenario.steps
    seeds = tuple(seeds) or (None,)
    measurements = tuple(measure(scenario, steps, seed) for seed in seeds)
    results = tuple(check_condition(condition, measurements) for condition in scenario.effect.expect)
    return EffectResult(scenario.name, steps, seeds, measurements, results)


def condition_value(condition: Condition, measurements: Measurements) -> float:
    """The condition's quantity for its subject, or the ratio for its two subjects."""
    values = [measurements[subject][condition.quantity] for subject in condition.subjects]
    if not condition.is_ratio:
        return float(values[0])
    numerator, denominator = values
    with np.errstate(all="ignore"):
        return float(np.float64(numerator) / np.float64(denominator)) if denominator != 0 else math.nan


def check_condition(condition: Condition, measurements: Sequence[Measurements]) -> ConditionResult:
    """The condition on the median over the seeds' measurements (one Measurements per seed)."""
    per_seed = tuple(condition_value(condition, m) for m in measurements)
    value = float(np.median(per_seed)) if len(per_seed) > 1 else per_seed[0]
    return ConditionResult(condition, value, per_seed, condition.holds(value))
