"""Translations: the shipped .qm files are current, no .ts entry is unfinished, every visible
gradsim string goes through Qt's translation system, and the real View > Language switch
re-words the window in Chinese and Russian without touching the session.

The .ts sources are resources/i18n/gradsim_<lang>.ts; ``bash scripts/update_translations.sh``
collects new strings (pyside6-lupdate) and compiles the .qm files (pyside6-lrelease).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, Qt, QTranslator  # noqa: E402
from PySide6.QtGui import QAction, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)

from gradsim.ui.common import wording  # noqa: E402

pytestmark = pytest.mark.ui

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "gradsim" / "ui" / "i18n"
LANGUAGES = ("zh_CN", "ru")
# What the translators must keep: str.format fields, Qt's %1 and HTML tags.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|<[^<>]+>")


def _tool(name: str) -> str | None:
    """pyside6-lupdate / pyside6-lrelease next to this interpreter, else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _lupdate_sources() -> list[str]:
    """What scripts/update_translations.sh scans (its ``sources=(...)`` line): the same here."""
    script = (ROOT / "scripts" / "update_translations.sh").read_text(encoding="utf-8")
    match = re.search(r"^sources=\(([^)]*)\)", script, re.M)
    assert match, "scripts/update_translations.sh lost its sources=(...) line"
    return match.group(1).split()


def _ts_contexts() -> set[str]:
    return {context for context, _ in _messages(TS_DIR / "gradsim_ru.ts")}


# ---------------------------------------------------------------------------- the files
@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_qm_is_lrelease_of_the_ts(language, tmp_path):
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed (it ships with PySide6-Essentials)")
    ts = TS_DIR / f"gradsim_{language}.ts"
    shipped = QM_DIR / f"gradsim_{language}.qm"
    assert ts.is_file() and shipped.is_file(), f"run scripts/update_translations.sh ({ts}, {shipped})"
    fresh = tmp_path / shipped.name
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == shipped.read_bytes(), (
        f"{shipped.relative_to(ROOT)} is stale: run `bash scripts/update_translations.sh --release`"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_ts_entry_is_unfinished_empty_or_vanished(language):
    problems = []
    for context, message in _messages(TS_DIR / f"gradsim_{language}.ts"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        kind = None if translation is None else translation.get("type")
        text = "" if translation is None else (translation.text or "")
        if translation is None or kind in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"[{context}] {source!r}: {kind or 'empty'}")
        elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
            problems.append(f"[{context}] {source!r}: placeholders differ in {text!r}")
    assert not problems, f"{len(problems)} bad entries in gradsim_{language}.ts:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_in_the_code_has_a_translation(language, tmp_path):
    """lupdate over the sources into a copy of the .ts adds nothing new and drops nothing."""
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed (it ships with PySide6-Essentials)")
    copy = tmp_path / f"gradsim_{language}.ts"
    shutil.copy(TS_DIR / copy.name, copy)
    subprocess.run(
        [lupdate, "-silent", "-extensions", "py", "-locations", "none", *_lupdate_sources()]
        + ["-ts", str(copy)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    new, gone = [], []
    for context, message in _messages(copy):
        kind = message.find("translation").get("type")
        if kind == "unfinished":
            new.append(f"[{context}] {message.findtext('source')!r}")
        elif kind in ("vanished", "obsolete"):
            gone.append(f"[{context}] {message.findtext('source')!r}")
    assert not new, (
        f"{len(new)} strings in the code have no {language} translation (run "
        "scripts/update_translations.sh, translate them, run it again):\n" + "\n".join(new)
    )
    assert not gone, (
        f"{len(gone)} entries of gradsim_{language}.ts are no longer in the code (run "
        "scripts/update_translations.sh):\n" + "\n".join(gone)
    )


# ---------------------------------------------------------------------------- pseudo-locale
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"


class PseudoTranslator(QTranslator):
    """Returns ⟦source⟧ for every gradsim context: an unmarked visible text bypassed translate()."""

    def __init__(self, contexts: set[str]) -> None:
        super().__init__()
        self.contexts = contexts

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001 (Qt override)
        if context in self.contexts and source:
            return f"{MARK_OPEN}{source}{MARK_CLOSE}"
        return None


#: Texts that are not words: numbers, units and symbols (after removing HTML and mnemonics).
_NOT_WORDS = re.compile(r"^[\s\d.,:;%×·+\-−–—=<>≤≥()\[\]/|*^~±∞⁰¹²³⁴⁵⁶⁷⁸⁹⁻eE]*$")
_UNITS = {"ms", "px", "pt"}  # and single letters: x, y, f, k ...
_SYMBOL_WORDS = {"σ", "α", "β", "γ", "ε", "μ", "θ", "θ₀", "k", "a", "T", "f", "e", "NaN", "∞", "Inf"}


def _is_word_text(text: str) -> bool:
    plain = re.sub(r"<[^<>]*>", "", text).replace("&&", "").replace("&", "").strip()
    if not any(ch.isalpha() for ch in plain) or _NOT_WORDS.match(plain):
        return False  # arrows, numbers, symbols
    return not all(
        len(token) == 1 or token in _UNITS or token in _SYMBOL_WORDS
        for token in re.split(r"[\s\d.,]+", plain)
        if token
    )


def _texts(window, skip_actions=()) -> list[tuple[str, str]]:
    """(where, text) of every user-visible string of a window (or panel) and its children."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text:
            found.append((where, text))

    def name(widget: QWidget) -> str:
        return f"{type(widget).__name__}({widget.objectName() or '?'})"

    skip_actions = set(skip_actions)
    for widget in window.findChildren(QWidget):
        where = name(widget)
        add(f"{where}.toolTip", widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(f"{where}.text", widget.text())
        if isinstance(widget, QGroupBox):
            add(f"{where}.title", widget.title())
        if isinstance(widget, QDockWidget):
            add(f"{where}.windowTitle", widget.windowTitle())
        if isinstance(widget, QMenu):
            add(f"{where}.title", widget.title())
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"{where}.tabText[{i}]", widget.tabText(i))
                add(f"{where}.tabToolTip[{i}]", widget.tabToolTip(i))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(f"{where}.tabText[{i}]", widget.tabText(i))
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(f"{where}.itemText[{i}]", widget.itemText(i))
        if isinstance(widget, QLineEdit):
            add(f"{where}.placeholderText", widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            add(f"{where}.specialValueText", widget.specialValueText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount()),):
                for i in range(count):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.headerData(i, orientation, role)
                        add(f"{where}.header[{i}]", value if isinstance(value, str) else None)
        if isinstance(widget, pg.GraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if isinstance(item, pg.PlotItem):
                    add(f"{where}.plotTitle", item.titleLabel.text if item.titleLabel.isVisible() else "")
                    for side in ("left", "bottom"):
                        axis = item.getAxis(side)
                        add(f"{where}.axis[{side}]", axis.labelText if axis.isVisible() else "")
    for action in window.findChildren(QAction):
        if action in skip_actions:
            continue
        if isinstance(action.parent(), pg.GraphicsScene):
            continue  # pyqtgraph's own context menu ("Export..."), translated by pyqtgraph
        where = f"QAction({action.objectName() or action.text()!r})"
        add(f"{where}.text", action.text())
        add(
            f"{where}.toolTip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        )
    return found


def _steps(qtbot, window, n: int) -> int:
    start = window.controller.last_frame.snapshot.step if window.controller.last_frame else 0
    window.controller.step(n)
    qtbot.waitUntil(
        lambda: (
            not window.controller.running
            and window.controller.last_frame is not None
            and window.controller.last_frame.snapshot.step == start + n
        ),
        timeout=20_000,
    )
    return start + n


def _assert_all_marked(texts: list[tuple[str, str]], minimum: int) -> None:
    offenders = sorted(
        {f"{where}: {text!r}" for where, text in texts if _is_word_text(text) and MARK_OPEN not in text}
    )
    marked = [text for _, text in texts if MARK_OPEN in text]
    assert len(marked) >= minimum, f"the pseudo translator hardly reached the widgets ({len(marked)} texts)"
    assert not offenders, (
        f"{len(offenders)} visible strings do not go through QCoreApplication.translate:\n"
        + "\n".join(offenders)
    )


def test_pseudo_locale_marks_every_visible_gradsim_string(qtbot, make_window):
    """The window is built and trained in English first: a text that retranslate() does not
    re-word (set once at construction or by the last frame) stays unmarked."""
    window = make_window()
    _steps(qtbot, window, 5)
    translator = PseudoTranslator(_ts_contexts())
    app = QCoreApplication.instance()
    assert app.installTranslator(translator)  # Qt sends LanguageChange: the window re-words itself
    try:
        window.retranslate()
        qtbot.wait(50)
        # language names are shown in their own language on purpose; the lessons' titles and
        # summaries come from the lesson files, in the window's language (data, not code)
        skip = [*window.window_actions.language.values(), *window.lecture.lesson_actions]
        texts = _texts(window, skip_actions=skip)
    finally:
        app.removeTranslator(translator)
    _assert_all_marked(texts, minimum=300)


def test_pseudo_locale_marks_every_string_of_the_landscape_lab(qtbot):
    from gradsim.ui.landscape.panel import LandscapePanel

    translator = PseudoTranslator(_ts_contexts())
    app = QCoreApplication.instance()
    assert app.installTranslator(translator)
    panel = LandscapePanel()
    qtbot.addWidget(panel)
    try:
        panel.resize(1400, 900)
        panel.show()
        panel.retranslate()
        qtbot.wait(50)
        texts = _texts(panel)
    finally:
        app.removeTranslator(translator)
        panel.shutdown()
    _assert_all_marked(texts, minimum=50)


# ---------------------------------------------------------------------------- the real switch
MENU_TITLES = {
    "en": ("&File", "&View", "&Train", "&Help"),
    "zh_CN": ("文件(&F)", "视图(&V)", "训练(&T)", "帮助(&H)"),
    "ru": ("&Файл", "&Вид", "&Обучение", "&Справка"),
}


def _menu_titles(window) -> tuple[str, ...]:
    menus = window.menus
    return tuple(m.title() for m in (menus.file, menus.view, menus.train, menus.help))


def test_view_language_switches_the_window_and_keeps_the_session(qtbot, make_window):
    window = make_window()
    try:
        step = _steps(qtbot, window, 7)
        controller, config = window.controller, dict(window.controller.config)
        for language in ("zh_CN", "ru", "en"):
            window.window_actions.language[language].trigger()
            assert _menu_titles(window) == MENU_TITLES[language]
            assert window.window_actions.language[language].isChecked()
            assert window.controller is controller and not controller.running
            assert controller.last_frame.snapshot.step == step
            assert dict(controller.config) == config
            if language != "en":
                assert wording.LANGUAGES[language] not in window.statusBar().currentMessage()
                assert window.docks["builder"].windowTitle() != "Network builder"
        window.window_actions.language["ru"].trigger()
        assert window.status.labels["step"].text() == f"Шаг {step}"
        assert _steps(qtbot, window, 1) == step + 1  # training goes on in the new language
    finally:
        window.language.apply("en")


def _cjk_font_available() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


@pytest.mark.parametrize(
    ("language", "copy"), [("zh_CN", "/tmp/gradsim_zh.png"), ("ru", "/tmp/gradsim_ru.png")]
)
def test_screenshot_in_chinese_and_russian(qtbot, make_window, tmp_path, language, copy):
    if language == "zh_CN" and not _cjk_font_available():
        pytest.skip("no CJK font: install fonts-wqy-microhei (.ci/run does)")
    window = make_window()
    try:
        window.window_actions.language[language].trigger()
        _steps(qtbot, window, 30)
        qtbot.wait(200)
        path = tmp_path / f"gradsim_{language}.png"
        assert window.save_screenshot(str(path))
        image = window.grab().toImage()
        assert image.width() >= 1000 and image.height() >= 600
        shutil.copy(path, copy)
        assert window.menus.file.title() == MENU_TITLES[language][0]
    finally:
        window.language.apply("en")


def test_landscape_texts_cover_every_surface_and_optimizer():
    from gradsim.engine.optimizers import OPTIMIZER_KINDS
    from gradsim.landscapes.surfaces import _surface_class, surface_names
    from gradsim.ui.landscape import text as landscape_text

    missing = []
    for name in [*surface_names(), "formula"]:
        cls = _surface_class(name)
        if name not in landscape_text.SURFACE_NAMES:
            missing.append(f"surface name {name!r}")
        for text in (cls.title, cls.description, *(spec.help for spec in cls.param_specs.values())):
            if text not in landscape_text.SURFACE_TEXTS:
                missing.append(f"{name}: {text!r}")
        for param in cls.param_specs:
            if len(param) > 1 and param not in landscape_text.PARAM_NAMES:
                missing.append(f"{name}: parameter {param!r}")
    missing += [
        f"optimizer {kind!r}" for kind in OPTIMIZER_KINDS if kind not in landscape_text.OPTIMIZER_NAMES
    ]
    assert not missing, "add these to gradsim/ui/landscape/text.py (and translate them):\n" + "\n".join(
        missing
    )
