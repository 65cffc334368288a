"""Russian at 1280x720: the loss legend, the timeline's "Rewind here" button and the decision
surface's title, caption and legend fit their widget or scene item (they overflowed: the
multiclass title, wider than its plot, pushed the class legend out of the view). Checked with
tests/ui/layout_check.py, which measures every text against the room it is drawn in, on these
widgets only: run on the whole window, its walk over the network diagram's scene items was
followed by a segmentation fault in that scene's clear() at the next language switch."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gradsim.engine.datasets import dataset_defaults  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402
from tests.ui.layout_check import layout_problems, scene_text_problems  # noqa: E402

pytestmark = pytest.mark.ui

CONFIGS = {
    "binary": lambda: load_config("relu-he"),
    "multiclass": lambda: {
        "data": {**dataset_defaults("spiral"), "n_classes": 3},
        "network": {"depth": 3, "width": 16},
    },
}


def _russian_window(qtbot, make_window, config):
    window = make_window(config)
    window.resize(1280, 720)
    window.window_actions.language["ru"].trigger()
    window.controller.step(40)
    qtbot.waitUntil(
        lambda: (
            not window.controller.running
            and window.controller.last_frame is not None
            and window.controller.last_frame.snapshot.step == 40
        ),
        timeout=20_000,
    )
    window.timeline_bar.set_step(10)  # the rewind button is enabled when scrubbed back
    window.timeline_bar.set_kept_edits(2)  # and the "kept edits" note takes room beside it
    qtbot.wait(300)
    return window


@pytest.mark.parametrize("task", sorted(CONFIGS))
def test_loss_legend_rewind_button_and_decision_texts_fit_in_russian(qtbot, make_window, task):
    window = _russian_window(qtbot, make_window, CONFIGS[task]())
    try:
        rewind = window.timeline_bar.rewind_button
        assert rewind.text() == "Вернуться сюда" and rewind.isEnabled()
        decision, loss = window.panels["decision"], window.panels["loss"]
        assert decision.isVisible() and loss.isVisible()
        # these widgets only: walking the network diagram's scene as well made its next
        # scene.clear() crash (a language switch rebuilds it), see the module docstring
        problems = layout_problems(loss) + layout_problems(decision) + layout_problems(window.timeline_bar)
        problems += scene_text_problems(decision.plot_widget)
        assert not problems, "\n".join(problems)
        title = decision.plot.titleLabel.text
        assert title.startswith("Поверхность решений")
        assert "…" not in title and "..." not in title  # shortened by whole words, never cut
    finally:
        window.language.apply("en")


def test_a_title_wider_than_its_plot_falls_back_to_a_short_one_with_the_full_in_its_tooltip(qtbot):
    from gradsim.engine.trainer import Trainer
    from gradsim.ui.training.decision_panel import DecisionPanel

    trainer = Trainer(CONFIGS["multiclass"]())
    trainer.run(3)
    panel = DecisionPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    panel.show_snapshot(trainer.snapshot())
    qtbot.wait(50)
    assert panel.plot.titleLabel.text == "Decision surface: predicted class"
    panel.resize(230, 400)
    qtbot.wait(50)
    assert panel.plot.titleLabel.text == "Decision surface"
    assert panel.plot.titleLabel.toolTip() == "Decision surface: predicted class"
    panel.resize(600, 400)
    qtbot.wait(50)
    assert panel.plot.titleLabel.text == "Decision surface: predicted class"
    assert "confidence" in panel.caption.text()  # the rest of the old title, in the wrapped caption
