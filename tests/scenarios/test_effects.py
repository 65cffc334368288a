"""Every scenario is a test: run headless, it must show the effect it claims.

Default run: one fixed-seed check per scenario (the seed in its file; ``effect.quick_steps``
where the file gives one, measured to show the effect already). ``pytest -m slow
tests/scenarios`` runs every scenario for its full default steps on 5 seeds and checks each
condition on the median over the seeds, printing the measured figures (add ``-s``).
"""

from __future__ import annotations

import math

import pytest

from gradsim.scenarios.catalogue import find_scenario, list_scenarios, parse_scenario, to_document
from gradsim.scenarios.effects import ConditionResult, check_condition, condition_value, measure, run_effect
from gradsim.scenarios.network_run import NETWORK_QUANTITIES
from gradsim.scenarios.race_run import RACE_QUANTITIES
from gradsim.scenarios.validation import Condition

SHIPPED = list_scenarios()
SEEDS = (0, 1, 2, 3, 4)


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda s: f"{s.number:02d}-{s.name}")
def test_scenario_shows_its_effect(scenario):
    result = run_effect(scenario, quick=True)
    assert result.holds, result.report()


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda s: f"{s.number:02d}-{s.name}")
def test_scenario_effect_is_stable_over_seeds(scenario):
    result = run_effect(scenario, seeds=SEEDS)
    print("\n" + result.report())
    assert result.steps == scenario.steps
    assert result.holds, result.report()


def test_every_quantity_is_measured():
    network = measure(find_scenario("linear-identity-scale"), steps=2)
    assert set(network) == {"base", "a-1.1"}
    assert set(network["base"]) == set(NETWORK_QUANTITIES)
    race = measure(find_scenario("saddle-noise-escape"), steps=5)
    assert set(race) == {"base/0", "noisy/0"}
    assert set(race["base/0"]) == set(RACE_QUANTITIES)


def test_a_scenario_whose_effect_does_not_appear_fails():
    """A claim the run does not show is a failing check, reported with its measured value."""
    document = to_document(find_scenario("sigmoid-goes-deep"))
    document["effect"]["expect"] = [{"of": "base", "quantity": "train_accuracy", "min": 0.9}]
    result = run_effect(parse_scenario(document), steps=50)
    assert not result.holds
    assert "train_accuracy[base] = 0.5 (want >= 0.9): FAILS" in result.report()


def test_seed_changes_the_run_and_none_keeps_the_file_seed():
    scenario = find_scenario("sigmoid-goes-deep")
    in_file = measure(scenario, steps=1)["base"]["grad_ratio_step1"]
    assert measure(scenario, steps=1, seed=0)["base"]["grad_ratio_step1"] == in_file
    assert measure(scenario, steps=1, seed=1)["base"]["grad_ratio_step1"] != in_file


def test_landscape_seed_is_the_noise_seed():
    scenario = find_scenario("saddle-noise-escape")
    steps = [measure(scenario, seed=s)["noisy/0"]["escape_step"] for s in (0, 1)]
    assert steps[0] != steps[1] and all(100 < s < 250 for s in steps)
    assert measure(scenario, seed=1)["base/0"]["escape_step"] == math.inf


def _result(condition: Condition, values: list[float]) -> ConditionResult:
    return check_condition(condition, [{"a": {"q": v}, "b": {"q": 2.0}} for v in values])


def test_conditions_compare_medians_and_count_seeds():
    below = Condition("q", ("a",), high=1.0)
    result = _result(below, [0.5, 2.0, 0.7])
    assert result.value == 0.7 and result.holds and result.seeds_holding == 2
    ratio = Condition("q", ("a", "b"), low=1.0)
    assert _result(ratio, [3.0, 1.0, 2.5]).value == 1.25
    assert not Condition("q", ("a",), low=0.0).holds(math.nan)
    assert Condition("q", ("a",), low=100.0).holds(math.inf)
    assert not Condition("q", ("a",), high=100.0).holds(math.inf)
    near = Condition("q", ("a",), near=0.9**19, rel=1e-9)
    assert near.holds(0.9**19 * (1 + 5e-10)) and not near.holds(0.9**19 * (1 + 2e-9))
    assert near.wanted() == "= 0.135085 (rel 1e-09)"
    assert Condition("q", ("a", "b"), low=6.5, high=7.7).label() == "q[a] / q[b]"


def test_ratio_with_zero_denominator_is_nan():
    condition = Condition("q", ("a", "b"), low=1.0)
    assert math.isnan(condition_value(condition, {"a": {"q": 1.0}, "b": {"q": 0.0}}))
