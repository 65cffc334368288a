"""The comparison a lockstep run trains (gradsim.engine.variants): parsed with errors that
name the field, and each setting changed everywhere it applies and nowhere else."""

from __future__ import annotations

import pytest

from gradsim.engine.errors import ConfigError
from gradsim.engine.variants import SETTINGS, current_value, parse_comparison, vary
from tests.runner.test_lockstep import CONFIG

NEW_VALUE = {
    "init": "xavier_normal",
    "activation": "tanh",
    "norm": "layer",
    "residual_every": 2,
    "optimizer": "adam",
    "lr": 0.3,
    "clipping": 1.5,
    "precision": "float32",
    "seed": 9,
}


@pytest.mark.parametrize("setting", [s for s in SETTINGS if s != "source"])
def test_vary_changes_one_setting_and_keeps_the_rest(setting):
    varied = vary(CONFIG, setting, NEW_VALUE[setting])
    assert current_value(varied, setting) == NEW_VALUE[setting]
    for other in NEW_VALUE:
        if other != setting and not {setting, other} <= {"optimizer", "lr"}:
            assert current_value(varied, other) == current_value(CONFIG, other), other
    assert varied["data"] == CONFIG["data"]
    assert [layer["width"] for layer in varied["network"]["layers"]] == [8, 8, 8, 8]


def test_clipping_none_turns_clipping_off():
    clipped = vary(CONFIG, "clipping", 2.0)
    assert clipped["clipping"] == {"kind": "norm", "max": 2.0}
    assert vary(clipped, "clipping", "none")["clipping"]["kind"] == "none"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([1, 2], r"^compare: must be an object"),
        (
            {"setting": "init", "values": ["he_normal", "xavier_normal"], "extra": 1},
            r"^compare\.extra: unknown key",
        ),
        ({"setting": "width", "values": [1, 2]}, r"^compare\.setting: choose one of init, .* got 'width'"),
        ({"setting": "init", "values": ["he_normal"]}, r"^compare\.values: must be a list of 2 to 4"),
        (
            {"setting": "init", "values": ["a", "b", "c", "d", "e"]},
            r"^compare\.values: must be a list of 2 to 4",
        ),
        ({"setting": "init", "values": ["he_normal", "hee"]}, r"^compare\.values\[1\]: unknown init 'hee'"),
        ({"setting": "lr", "values": [0.1, 0]}, r"^compare\.values\[1\]: must be a positive number"),
        ({"setting": "lr", "values": [0.1, True]}, r"^compare\.values\[1\]: must be a positive number"),
        ({"setting": "seed", "values": [0, -1]}, r"^compare\.values\[1\]: must be a whole number"),
        (
            {"setting": "clipping", "values": ["none", "off"]},
            r"^compare\.values\[1\]: must be 'none' or a positive",
        ),
        ({"setting": "lr", "values": [0.1, 0.1]}, r"^compare\.values: must all differ"),
    ],
)
def test_a_bad_comparison_names_the_field(raw, message):
    with pytest.raises(ConfigError, match=message):
        parse_comparison(raw)


def test_a_comparison_round_trips_through_json():
    comparison = parse_comparison({"setting": "clipping", "values": ["none", 1, 0.5]})
    assert comparison.values == ("none", 1.0, 0.5)
    assert comparison.labels() == ("none", "1", "0.5")
    assert parse_comparison(comparison.to_json()) == comparison


def test_other_runs_are_named_and_resolved_by_the_app():
    comparison = parse_comparison({"setting": "source", "values": ["current", "scenario:relu-he-rescue"]})
    assert comparison.values == ("current", "scenario:relu-he-rescue")
    assert vary(CONFIG, "source", "current") == CONFIG
    with pytest.raises(ConfigError, match="names another run"):
        vary(CONFIG, "source", "scenario:relu-he-rescue")
    for bad in ("elsewhere", "scenario:", 3):
        with pytest.raises(ConfigError, match=r"compare\.values\[1\]: must be 'current', 'scenario:<name>'"):
            parse_comparison({"setting": "source", "values": ["current", bad]})
