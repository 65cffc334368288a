"""Other runs to compare with: the current run, shipped scenarios, saved sessions.

A ``source`` comparison names its runs (``"current"``, ``"scenario:<name>"``,
``"session:<path>"``, :mod:`gradsim.engine.variants`); this module opens each one's config
(a scenario's base state, a session's config) so the variants can be built, each from step 0
of its own config (lockstep needs one step count), and names them for the legend.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from gradsim.engine.config import validate_config
from gradsim.engine.errors import ConfigError, GradsimError
from gradsim.scenarios.catalogue import find_scenario, list_scenarios
from gradsim.session.io import load_session

translate = QCoreApplication.translate


def network_scenarios() -> list[Any]:
    """The shipped network scenarios, by number (what Compare… offers)."""
    return [scenario for scenario in list_scenarios() if scenario.kind == "network"]


def source_config(value: str, current: Mapping[str, Any]) -> dict[str, Any]:
    """The validated config a source names (GradsimError when it cannot be opened)."""
    if value == "current":
        return dict(current)
    if value.startswith("scenario:"):
        scenario = find_scenario(value[len("scenario:") :])
        if scenario.kind != "network":
            raise ConfigError(
                "compare.values", "not_network", "{value!r} is not a network scenario", value=value
            )
        return validate_config(scenario.state())
    if value.startswith("session:"):
        return dict(load_session(value[len("session:") :]).trainer.config)
    raise ConfigError("compare.values", "bad_source", "unknown run {value!r}", value=value)


def source_configs(values: tuple[Any, ...], current: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every source's config, in order; the first that cannot be opened raises (GradsimError)."""
    configs = []
    for value in values:
        try:
            configs.append(source_config(str(value), current))
        except OSError as error:  # a session's file went away between choosing and opening
            raise ConfigError(
                "compare.values", "unreadable", "{value!r}: {reason}", value=value, reason=str(error)
            ) from None
    return configs


def source_name(value: str, language: str = "en") -> str:
    """A run as the legend names it: this run, a scenario's title, a session's file name."""
    if value == "current":
        return translate("Comparison", "this run")
    if value.startswith("scenario:"):
        name = value[len("scenario:") :]
        try:
            return find_scenario(name).text("title", language)
        except GradsimError:
            return name
    return os.path.basename(value[len("session:") :]) or value
