"""Formatted messages speak the user's language: in Chinese and Russian the diagnosis banner
(its headline, evidence, "What helps:" with the remedies, "Also:") and a CSV file the builder
refuses contain no English sentence ("What helps:" stayed English: lupdate never saw it
inside an f-string; the CSV error was the engine's English ``str(error)``)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pytest  # noqa: E402

from gradsim.engine.diagnosis import ORDER, Diagnosis  # noqa: E402
from gradsim.ui.builder.dataset_form import DatasetForm  # noqa: E402
from gradsim.ui.common import wording  # noqa: E402
from gradsim.ui.training.diagnosis_banner import DiagnosisBanner  # noqa: E402

pytestmark = pytest.mark.ui

#: Words of an English sentence; names the translations keep (ReLU, Xavier, He, BatchNorm,
#: float16, NaN, tanh ...) are not among them.
ENGLISH = re.compile(
    r"\b(the|and|or|of|to|is|are|was|not|at|in|on|by|with|from|its|it|this|what|helps|also|use|"
    r"add|lower|clip|train|fix|scale|could|load|line|column|columns|expected|found|file|step|"
    r"layer|layers|gradient|units|became|every|exactly|entries)\b",
    re.IGNORECASE,
)

SAMPLES = {
    "diverged": {
        "what": "loss",
        "value": "NaN",
        "step": 7,
        "forward_layer": 3,
        "depth": 9,
        "onset": 5,
        "rewind_to": 0,
    },
    "exploding": {"kind": "growth", "growth": 2.5e4, "steps": 20},
    "underflow": {
        "layer": 1,
        "layers": (1, 2, 3, 5),
        "all_zero": (1, 2),
        "zeros": 120,
        "entries": 136,
        "output_layer": 6,
        "precision": "float16",
    },
    "vanishing": {"layer": 1, "ratio": 3.1e-7, "ref_layer": 20},
    "dead_relu": {"layer": 4, "percent": 62.5},
    "saturated": {"layer": 2, "percent": 93.0, "activation": "tanh"},
    "symmetric": {"layer": 1, "layers": (1, 2, 3, 4, 5, 6, 7, 8, 9), "all_layers": True},
}


def _english(text: str) -> list[str]:
    plain = re.sub(r"<[^<>]*>", " ", text)
    return ENGLISH.findall(plain)


@pytest.fixture(params=["zh_CN", "ru"])
def language(request):
    switcher = wording.LanguageSwitcher()
    assert switcher.apply(request.param), f"no .qm for {request.param}"
    yield request.param
    switcher.apply("en")


def test_the_detector_sees_the_english_that_was_shown():
    assert _english("<b>What helps:</b> понизьте скорость обучения")
    assert _english("Не удалось загрузить data.csv: line 3: expected 2 columns, found 1")
    assert not _english("Что поможет: активации семейства ReLU, инициализация Xavier или He (tanh), float16")


@pytest.mark.parametrize("code", ORDER)
def test_banner_lines_have_no_english_sentence(qtbot, language, code):
    banner = DiagnosisBanner()
    qtbot.addWidget(banner)
    first = Diagnosis(code, SAMPLES[code])
    others = [Diagnosis(c, SAMPLES[c]) for c in ORDER if c != code][:3]
    banner.show_snapshot(SimpleNamespace(step=9, diagnoses=(first, *others)))
    assert banner.remedies.isVisible() or banner.remedies.text()
    for label in (banner.title, banner.evidence, banner.remedies, banner.others, banner.rewind_button):
        assert not _english(label.text()), f"{language} {code}: {label.text()!r}"


def test_a_refused_csv_file_is_explained_in_the_users_language(qtbot, language, tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("x1,x2,y\n0.1,0.2,0\n0.3,0.4\n0.5,0.6,1\n", encoding="utf-8")
    form = DatasetForm()
    qtbot.addWidget(form)
    assert not form.load_csv(str(path))
    message = form.csv_error()
    assert "data.csv" in message and "3" in message  # the file and the line it names
    assert not _english(message), f"{language}: {message!r}"


def test_the_csv_problem_follows_a_language_switch(qtbot, tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("x1,x2,y\n0.1,0.2,0\n0.3,0.4\n0.5,0.6,1\n", encoding="utf-8")
    form = DatasetForm()
    qtbot.addWidget(form)
    assert not form.load_csv(str(path))
    english = form.csv_error()
    assert "line 3" in english
    switcher = wording.LanguageSwitcher()
    try:
        switcher.apply("ru")
        form.retranslate()
        assert form.csv_error() != english and not _english(form.csv_error())
    finally:
        switcher.apply("en")
