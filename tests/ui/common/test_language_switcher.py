"""The language is the application's: translators are installed on the one QApplication, so
every switcher (one per main window, one per export command) acts on the same set. A switcher
that removed only its own translators left another window's installed: a second window set
to English stayed Russian."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from gradsim.ui.common.wording import LanguageSwitcher

pytestmark = pytest.mark.ui


def _language_menu() -> str:
    return QCoreApplication.translate("MainWindow", "&Language")


def test_a_second_switcher_switches_back_what_the_first_installed(qapp) -> None:
    english = _language_menu()
    first = LanguageSwitcher()
    assert first.apply("ru")
    russian = _language_menu()
    assert russian != english
    second = LanguageSwitcher()
    assert second.language == "ru"  # the application's language, whoever set it
    second.apply("en")
    assert _language_menu() == english and first.language == "en"
    second.apply("zh_CN")
    first.apply("ru")
    assert _language_menu() == russian  # one language at a time: Chinese is gone


def test_two_windows_share_the_language(make_window, qtbot) -> None:
    first = make_window()
    first.set_language("ru", remember=False)
    second = make_window()
    second.set_language("en", remember=False)
    assert second.menus.language.title() == "&Language"
    # the other window re-words on the LanguageChange Qt posts to it
    qtbot.waitUntil(lambda: first.menus.language.title() == "&Language", timeout=5_000)
