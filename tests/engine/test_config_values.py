"""validate_config meets any value as a one-line ConfigError naming the field (issue 11).

A config comes from a file, a session manifest or a script; values nested 100,000 deep
or integers of 400 digits used to escape as RecursionError and OverflowError, and some
wrong types as TypeError. The CLI's file path is tested in tests/test_cli.py, session
manifests in tests/session/test_session_state.py.
"""

from __future__ import annotations

import pytest

from gradsim.engine.config import MAX_CONFIG_DEPTH, validate_config
from gradsim.engine.errors import ConfigError


def nested_lists(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def nested_objects(depth: int) -> dict:
    value: dict = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def refused(config: dict) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        validate_config(config)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 300
    return caught.value


@pytest.mark.parametrize(
    ("config", "field"),
    [
        ({"name": nested_lists(100_000)}, "name[1]"),
        ({"description": nested_objects(100_000)}, "description.a.a"),
        ({"optimizer": {"kind": "sgd", "lr": nested_lists(100_000)}}, "optimizer.lr[1]"),
        ({"network": {"layers": [{"width": nested_lists(100_000)}]}}, "network.layers[1].width[1]"),
        ({"training": {"seed": nested_objects(100_000)}}, "training.seed.a"),
    ],
)
def test_nesting_100000_deep_is_one_line(config, field) -> None:
    err = refused(config)
    assert err.code == "too_deep" and err.params["field"].startswith(field)
    assert f"(nesting depth): at most {MAX_CONFIG_DEPTH}, got 1000" in str(err)  # the whole depth


def test_the_limit_counts_the_config_itself_as_level_one() -> None:
    assert validate_config({"description": nested_lists(MAX_CONFIG_DEPTH - 1)})["description"]
    assert refused({"description": nested_lists(MAX_CONFIG_DEPTH)}).code == "too_deep"


def test_a_value_that_contains_itself_is_refused() -> None:
    loop: dict = {}
    loop["a"] = loop
    assert refused({"description": loop}).code == "too_deep"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"optimizer": {"kind": "sgd", "lr": 10**400}}, "optimizer.lr: must be a finite number, got 1e+400"),
        ({"optimizer": {"kind": "sgd", "lr": -(10**5000)}}, "optimizer.lr: must be a finite number, got -"),
        ({"regularization": {"l2": 10**400}}, "regularization.l2: must be a finite number, got 1e+400"),
        ({"network": {"depth": 10**400}}, "network.depth: must be a finite number, got 1e+400"),
        ({"optimizer": {"kind": "adam", "betas": [10**400, 0.9]}}, "optimizer.betas[1]: must be a finite"),
        ({"data": {"kind": "circles", "noise": 10**400}}, "data.noise: must be a finite number"),
        ({"training": {"seed": 10**300}}, "training.seed: must be between 0 and 9223372036854775807, got 1"),
    ],
)
def test_integers_beyond_a_float_are_one_line(config, message) -> None:
    assert str(refused(config)).startswith(message)


@pytest.mark.parametrize(
    ("config", "field"),
    [
        ({"training": {"precision": [1]}}, "training.precision"),
        ({"network": {"activation": [1]}}, "network.layers[1].activation"),
        ({"network": {"init": {"kind": [1]}}}, "network.init.kind"),
        ({"network": {"layers": [{"width": 3, "activation_params": [1]}]}}, "network.layers[1].activation_"),
    ],
)
def test_a_list_where_a_name_belongs_is_a_config_error(config, field) -> None:
    assert refused(config).params["field"].startswith(field)
