"""The Scenarios gallery: thumbnails, texts in the UI language, and Open really sets the scenario."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtCore import QCoreApplication

from gradsim.scenarios.catalogue import find_scenario, list_scenarios
from gradsim.ui.lecture import gallery as gallery_module
from gradsim.ui.lecture.gallery import ScenarioGallery, first_sentence, install_gallery
from gradsim.ui.lecture.gallery_open import THUMBNAIL_SIZE, open_scenario, thumbnail_path

pytestmark = pytest.mark.ui

SCENARIOS = list_scenarios()


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_every_scenario_has_a_small_thumbnail(scenario):
    path = thumbnail_path(scenario.name)
    assert path.is_file(), f"run scripts/make_thumbnails.py {scenario.name}"
    assert png_size(path) == THUMBNAIL_SIZE
    assert path.stat().st_size < 80_000


def test_no_thumbnail_for_a_scenario_that_does_not_exist():
    names = {s.name for s in SCENARIOS}
    files = {p.stem for p in thumbnail_path("x").parent.glob("*.png")}
    assert files == names


def test_gallery_lists_the_scenarios_in_order(make_window, qtbot):
    window = make_window()
    gallery = install_gallery(window).show_gallery()
    qtbot.addWidget(gallery)
    assert gallery.list.count() == 19
    for row, scenario in enumerate(SCENARIOS):
        text = gallery.list.item(row).text()
        assert text.startswith(f"{scenario.number}. {scenario.text('title')}")
        assert first_sentence(scenario.text("explanation")) in text
    assert all(gallery.has_thumbnail.values())
    gallery.select("dying-relu")
    shown = " ".join(gallery.details.toPlainText().split())
    scenario = find_scenario("dying-relu")
    for field in ("explanation", "formula", "watch", "try_next"):
        assert " ".join(scenario.text(field).split()) in shown
    assert [gallery.variant_combo.itemData(i) for i in range(gallery.variant_combo.count())] == list(
        scenario.variant_names()
    )
    gallery.select("ravine-momentum")  # no variants: one entry, the scenario as written
    assert gallery.variant_combo.count() == 1 and gallery.variant_combo.itemText(0) == "As described"
    assert not gallery.variant_combo.isEnabled()


def test_missing_thumbnail_shows_a_placeholder(make_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(gallery_module, "thumbnail_path", lambda name: tmp_path / f"{name}.png")
    (tmp_path / "sigmoid-goes-deep.png").write_bytes(b"not a png")  # unreadable: a placeholder too
    window = make_window()
    gallery = ScenarioGallery(window)
    qtbot.addWidget(gallery)
    assert gallery.list.count() == 19
    assert not any(gallery.has_thumbnail.values())
    assert all(not gallery.list.item(row).icon().isNull() for row in range(gallery.list.count()))


def test_file_menu_action_opens_the_gallery(make_window, qtbot):
    window = make_window()
    action = install_gallery(window)
    assert install_gallery(window) is action  # once per window
    assert action.action in window.menus.file.actions()
    assert action.action.shortcut().toString() == "Ctrl+Shift+G"
    action.action.trigger()
    assert action.gallery is not None and action.gallery.isVisible()
    qtbot.addWidget(action.gallery)


def wait_for_config(window, qtbot, predicate):
    qtbot.waitUntil(lambda: predicate(window.controller.config), timeout=10_000)


def test_open_sigmoid_goes_deep_sets_the_builder_and_panels(make_window, qtbot):
    window = make_window()
    gallery = ScenarioGallery(window)
    qtbot.addWidget(gallery)
    gallery.show()
    assert gallery.select("sigmoid-goes-deep")
    assert gallery.open_selected()
    assert not gallery.isVisible()
    config = window.controller.config
    assert [layer["activation"] for layer in config["network"]["layers"]] == ["sigmoid"] * 10
    builder = window.panels["builder"]
    assert [layer["activation"] for layer in builder.config()["network"]["layers"]] == ["sigmoid"] * 10
    table = builder.layer_table.table
    assert table.rowCount() == 10
    assert {table.cellWidget(row, 1).value() for row in range(10)} == {"sigmoid"}
    assert config == find_scenario("sigmoid-goes-deep").config()
    assert not window.docks["gradient_flow"].visibleRegion().isEmpty()  # the first view panel on top


def test_open_a_variant(make_window, qtbot):
    window = make_window()
    gallery = ScenarioGallery(window)
    qtbot.addWidget(gallery)
    gallery.select("relu-he-rescue")
    assert gallery.select_variant("sigmoid")
    assert gallery.open_selected()
    assert window.controller.config == find_scenario("relu-he-rescue").config("sigmoid")
    assert window.panels["builder"].config()["network"]["layers"][0]["activation"] == "sigmoid"


def test_open_ravine_momentum_restores_the_landscape(make_window, qtbot):
    window = make_window()
    gallery = ScenarioGallery(window)
    qtbot.addWidget(gallery)
    gallery.select("ravine-momentum")
    assert gallery.open_selected()
    panel = window.panels["landscape"]
    state = panel.state()["analytic"]
    assert state["surface"] == "ravine"
    assert state["params"]["kappa"] == pytest.approx(100.0)
    assert [row["kind"] for row in state["optimizers"]] == ["sgd", "momentum", "adam"]
    expected = find_scenario("ravine-momentum").landscape()["analytic"]
    rates = [row["lr"] for row in expected["optimizers"]]
    assert [row["lr"] for row in state["optimizers"]] == pytest.approx(rates)
    assert state["steps"] == 600
    assert panel.tabs.currentIndex() == 0
    assert not window.docks["landscape"].visibleRegion().isEmpty()
    panel.analytic.recompute(background=False)
    assert panel.analytic.max_index() == 600


@pytest.fixture
def english_after(make_window):
    """A window whose translators are removed again at the end (they are the application's)."""
    windows = []

    def make():
        windows.append(make_window())
        return windows[-1]

    yield make
    for window in windows:
        window.set_language("en", remember=False)


@pytest.mark.parametrize("language", ["en", "zh_CN", "ru"])
def test_gallery_texts_in_the_ui_language(english_after, qtbot, language):
    window = english_after()
    window.set_language(language, remember=False)
    gallery = ScenarioGallery(window)
    qtbot.addWidget(gallery)
    scenario = SCENARIOS[0]
    title = scenario.text("title", language)
    assert gallery.list.item(0).text().startswith(f"1. {title}")
    assert scenario.text("formula", language)[:20] in gallery.details.toPlainText()
    if language != "en":
        assert title != scenario.text("title", "en")
        assert scenario.text("title", "en") not in gallery.list.item(0).text()
        assert gallery.windowTitle() != "Scenarios"  # the dialog's own words are translated
        assert gallery.open_button.text() != "&Open"
    gallery.select("relu-he-rescue")
    assert gallery.variant_combo.itemText(1) == find_scenario("relu-he-rescue").label("sigmoid", language)


def test_gallery_follows_a_language_switch(english_after, qtbot):
    window = english_after()
    action = install_gallery(window)
    gallery = action.show_gallery()
    qtbot.addWidget(gallery)
    gallery.select("ravine-momentum")
    window.set_language("ru", remember=False)
    QCoreApplication.processEvents()
    scenario = find_scenario("ravine-momentum")
    assert scenario.text("title", "ru") in gallery.details.toPlainText()
    assert gallery.list.item(0).text().startswith(f"1. {SCENARIOS[0].text('title', 'ru')}")
    assert action.action.text() != "S&cenarios..."
    window.set_language("en", remember=False)
    QCoreApplication.processEvents()
    assert action.action.text() == "S&cenarios..."


def test_open_scenario_without_the_dialog(make_window):
    window = make_window()
    assert open_scenario(window, find_scenario("float16-underflow"), "float32")
    assert window.controller.config["training"]["precision"] == "float32"


def test_first_sentence():
    assert first_sentence("One. Two.") == "One."
    assert first_sentence("一。二。") == "一。"
    assert first_sentence("no end") == "no end"
    assert first_sentence("word " * 100).endswith("…")
