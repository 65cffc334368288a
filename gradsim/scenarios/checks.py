"""The named effect checks a scenario file can use, with their quantities and settings.

A check is a way of running a scenario headless and the quantities it measures:

* ``train`` (network scenarios): every variant is trained with gradsim's Trainer
  (:func:`gradsim.scenarios.network_run.measure_network`); one set of quantities per variant.
* ``race`` (landscape scenarios): every variant's optimizer race is run as the landscape
  panel runs it (:func:`gradsim.scenarios.race_run.measure_race`); one set per racer.

The file's ``effect.expect`` conditions then compare quantities with thresholds (see
:mod:`gradsim.scenarios.effects`). The catalogue validates names against this table, so a
typo in a lecturer's file is refused with the field named, not silently never checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gradsim.scenarios.network_run import NETWORK_QUANTITIES
from gradsim.scenarios.race_run import RACE_QUANTITIES


@dataclass(frozen=True)
class Check:
    """A named check: which scenario kind it runs, what it measures, its settings' defaults."""

    name: str
    kind: str  # "network" | "landscape"
    quantities: dict[str, str]  # name -> what it measures
    params: dict[str, float] = field(default_factory=dict)  # setting -> default
    param_help: dict[str, str] = field(default_factory=dict)


CHECKS: dict[str, Check] = {
    "train": Check("train", "network", NETWORK_QUANTITIES),
    "race": Check(
        "race",
        "landscape",
        RACE_QUANTITIES,
        params={"tol": 1e-8, "escape_distance": 1.0},
        param_help={
            "tol": "steps_to_tol counts steps until f - f_min <= tol * (f(start) - f_min)",
            "escape_distance": "escape_step: distance from the saddle along its downhill direction",
        },
    ),
}
