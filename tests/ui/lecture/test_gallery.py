"""The Scenarios gallery: thumbnails (one per language), texts in the UI language, and Open
really sets the scenario."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from gradsim.scenarios.catalogue import find_scenario, list_scenarios
from gradsim.ui.lecture import gallery as gallery_module
from gradsim.ui.lecture.gallery import (
    ICON_SIZE,
    ScenarioGallery,
    first_sentence,
    install_gallery,
    thumbnail_file,
    thumbnail_pixmap,
)
from gradsim.ui.lecture.gallery_open import THUMBNAIL_SIZE, open_scenario, thumbnail_path

pytestmark = pytest.mark.ui

SCENARIOS = list_scenarios()
LANGUAGES = ("en", "zh_CN", "ru")
PALETTE = 3  # the PNG colour type of an indexed-colour image


def png_header(path) -> tuple[int, int, int]:
    """Width, height and colour type of a PNG file."""
    data = path.read_bytes()[:26]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height, data[25]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_every_scenario_has_a_small_thumbnail_in_each_language(scenario):
    files = {language: thumbnail_file(scenario.name, language) for language in LANGUAGES}
    assert files["en"] == thumbnail_path(scenario.name)  # the English one is every language's fallback
    for language, path in files.items():
        assert path.is_file(), f"run scripts/make_thumbnails.py {scenario.name} --language {language}"
        assert png_header(path) == (*THUMBNAIL_SIZE, PALETTE)
        assert path.stat().st_size < 40_000
    contents = {language: path.read_bytes() for language, path in files.items()}
    assert len(set(contents.values())) == 3, "each language's thumbnail shows its own texts"


def test_no_thumbnail_for_a_scenario_or_language_that_does_not_exist():
    expected = {thumbnail_file(s.name, language).name for s in SCENARIOS for language in LANGUAGES}
    files = {p.name for p in thumbnail_path("x").parent.glob("*.png")}
    assert files == expected


def test_gallery_lists_the_scenarios_in_order(make_window, qtbot):
    window = make_window()
    gallery = install_gallery(window).show_gallery()
    qtbot.addWidget(gallery)
    assert gallery.list.count() == 19
    for row, scenario in enumerate(SCENARIOS):
        text = gallery.list.item(row).text()
        assert text.startswith(f"{scenario.number}. {scenario.text('title')}")
        assert first_sentence(scenario.text("explanation")) in text
    assert set(gallery.thumbnail_language.values()) == {"en"}
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
    assert set(gallery.thumbnail_language.values()) == {None}
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


def same_picture(icon_pixmap, expected_pixmap) -> bool:
    icon = icon_pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)
    return icon == expected_pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_the_gallery_shows_the_thumbnails_of_the_ui_language(english_after, qtbot):
    window = english_after()
    action = install_gallery(window)
    gallery = action.show_gallery()
    qtbot.addWidget(gallery)
    scenario = find_scenario("sigmoid-goes-deep")
    row = SCENARIOS.index(scenario)
    english, _ = thumbnail_pixmap(scenario, "en")
    for language in ("ru", "zh_CN", "en"):
        window.set_language(language, remember=False)
        QCoreApplication.processEvents()
        assert set(gallery.thumbnail_language.values()) == {language}
        shown = gallery.list.item(row).icon().pixmap(ICON_SIZE)
        expected, found = thumbnail_pixmap(scenario, language)
        assert found == language and same_picture(shown, expected)
        assert (language == "en") == same_picture(shown, english)


def test_a_language_without_its_thumbnail_falls_back_to_english(english_after, qtbot, tmp_path, monkeypatch):
    source = thumbnail_path("dying-relu")
    monkeypatch.setattr(gallery_module, "thumbnail_path", lambda name: tmp_path / f"{name}.png")
    (tmp_path / "dying-relu.png").write_bytes(source.read_bytes())  # English only
    (tmp_path / "ravine-momentum.ru.png").write_bytes(b"not a png")  # Russian unreadable, no English
    window = english_after()
    window.set_language("ru", remember=False)
    gallery = ScenarioGallery(window)
    qtbot.addWidget(gallery)
    assert gallery.thumbnail_language["dying-relu"] == "en"
    assert gallery.thumbnail_language["ravine-momentum"] is None  # the numbered placeholder
    assert set(gallery.thumbnail_language.values()) == {"en", None}
