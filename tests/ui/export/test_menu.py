"""File > Export in the window: the submenu, the choosers, the work behind each action."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtGui import QImage

from gradsim.ui.export.dialogs import AnimationChoice, AnimationDialog, ImageChoice, ImageDialog

pytestmark = pytest.mark.ui


def _trained(make_window, qtbot, steps: int = 12):
    window = make_window()
    window.resize(1280, 720)
    window.controller.step(steps)
    qtbot.waitUntil(
        lambda: (
            window.controller.last_frame is not None and window.controller.last_frame.snapshot.step == steps
        ),
        timeout=20_000,
    )
    return window


def test_the_file_menu_holds_export(make_window):
    window = make_window()
    export = window.menus.export
    assert export.menu.menuAction() in window.menus.file.actions()
    texts = [action.text() for action in export.menu.actions() if not action.isSeparator()]
    assert len(texts) == 4 and all(texts)
    assert all(action.toolTip() for action in export.menu.actions() if not action.isSeparator())
    assert export.menu.menuAction().toolTip()


def test_image_and_clipboard_through_the_menu(make_window, qtbot, dialogs, tmp_path):
    window = _trained(make_window, qtbot)
    export = window.menus.export
    assert export.save_image(ImageChoice("gradient_flow", "png", 2.0), tmp_path / "f.png")
    image = QImage(str(tmp_path / "f.png"))
    assert image.width() == 2 * window.panels["gradient_flow"].width()
    assert export.copy_image(ImageChoice("loss", "png", 1.0, copy=True))
    assert not export.save_image(ImageChoice("stage", "png", 1.0), tmp_path / "s.png")  # not presenting
    assert dialogs.errors() and "presentation" in dialogs.errors()[-1][2]


def test_animation_with_progress_and_cancel(make_window, qtbot, dialogs, tmp_path):
    from PIL import Image

    window = _trained(make_window, qtbot)
    export = window.menus.export
    choice = AnimationChoice("gradient-flow", "gif", frames=4, fps=10, size=(320, 240), scale=1.0)
    assert export.save_animation(choice, tmp_path / "a.gif"), dialogs.calls
    gif = Image.open(tmp_path / "a.gif")
    assert gif.n_frames == 4 and gif.size == (320, 240)
    assert window.controller.last_frame.snapshot.step == 12  # the run itself did not move

    seen = []

    def cancel_after_two(done: int, total: int) -> bool:
        seen.append(done)
        export.progress.cancel()
        return not export.progress.wasCanceled()

    export._progress = cancel_after_two  # the Cancel button, pressed during the first frame
    assert not export.save_animation(choice, tmp_path / "b.gif")
    assert seen == [1] and not (tmp_path / "b.gif").exists()
    assert not dialogs.errors()


def test_the_stage_animates_while_presenting(make_window, qtbot, tmp_path):
    from PIL import Image

    window = make_window()
    window.resize(1280, 720)
    window.lecture.set_presentation(True, full_screen=False)  # opens the first lesson at step 0
    try:
        qtbot.waitUntil(lambda: not window.lecture.player.busy, timeout=60_000)  # the stage's actions
        window.controller.step(6)
        qtbot.waitUntil(
            lambda: (
                window.controller.last_frame is not None
                and window.controller.last_frame.snapshot.step >= 6
                and not window.controller.running
            ),
            timeout=60_000,
        )
        step = window.controller.last_frame.snapshot.step
        export = window.menus.export
        assert "stage" in export.view_labels() and "stage" in export.plot_labels()
        choice = AnimationChoice("stage", "gif", frames=3, fps=10, size=(320, 240), scale=1.0)
        assert export.save_animation(choice, tmp_path / "stage.gif")
        assert Image.open(tmp_path / "stage.gif").n_frames >= 2
        assert window.controller.last_frame.snapshot.step == step  # back at the run's present
    finally:
        window.lecture.set_presentation(False)


def test_metrics_and_race_csv(make_window, qtbot, dialogs, tmp_path):
    window = _trained(make_window, qtbot)
    export = window.menus.export
    assert export.save_metrics(tmp_path / "m.csv")
    with open(tmp_path / "m.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["step", "loss"] and len(rows) == 13
    landscape = window.panels["landscape"]
    if landscape.analytic.computation is None:
        assert not export.save_race(tmp_path / "r.csv")
        assert "race" in dialogs.errors()[-1][2]
        landscape.analytic.recompute(background=False)
    assert export.save_race(tmp_path / "r.csv")


def test_choosers_offer_what_the_window_has(make_window, qtbot):
    window = make_window()
    export = window.menus.export
    dialog = ImageDialog(export.plot_labels(), window)
    qtbot.addWidget(dialog)
    names = [dialog.plot_box.itemData(i) for i in range(dialog.plot_box.count())]
    assert {"loss", "gradient_flow", "decision", "window"} <= set(names) and "stage" not in names
    dialog.format_box.setCurrentIndex(1)
    assert dialog.choice().fmt == "svg" and not dialog.scale_box.isEnabled()
    movie = AnimationDialog(export.view_labels(), window)
    qtbot.addWidget(movie)
    choice = movie.choice()
    assert choice.view == "gradient-flow" and choice.fmt == "gif" and choice.size == (960, 540)


@pytest.mark.parametrize("language", ["en", "zh_CN", "ru"])
def test_the_choosers_fit_in_every_language(qtbot, language, tmp_path):
    from PySide6.QtCore import QCoreApplication

    from gradsim.ui.common.wording import LanguageSwitcher
    from gradsim.ui.shell.panel_specs import PANELS
    from tests.ui.layout_check import layout_problems

    switcher = LanguageSwitcher()  # kept: its translators live as long as it does
    switcher.apply(language)  # the conftest puts English back afterwards
    titles = {spec.name: QCoreApplication.translate("MainWindow", spec.title) for spec in PANELS}
    views = {"gradient-flow": titles["gradient_flow"], "loss": titles["loss"], "decision": titles["decision"]}
    for dialog in (ImageDialog({**titles, "window": "window", "stage": "stage"}), AnimationDialog(views)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert layout_problems(dialog) == [], (language, type(dialog).__name__)
        if language != "en":
            assert dialog.windowTitle() not in ("Export an image", "Export an animation")
        dialog.close()
