"""The Scenarios gallery: the shipped lecture scenarios, in order, each with a thumbnail made
from the real app (scripts/make_thumbnails.py), its title and the first sentence of its
explanation in the interface language.

Selecting one shows its explanation, key formula, what to watch and what to try next; Open
(or a double click) loads it into the window (:func:`~gradsim.ui.lecture.gallery_open.open_scenario`:
a network's config through the window's Open-config path, a landscape state through the
landscape panel's restore) with the variant chosen, and brings its panels to the front.
File > Scenarios... and Lecture > Scenarios... (Ctrl+Shift+G) open it (:func:`install_gallery`,
called by the main window). Thumbnails come per interface language (their plots' titles and
labels are the app's, translated); a language without its own falls back to the English one,
and a missing thumbnail shows a drawn placeholder with the scenario's number.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gradsim.scenarios.catalogue import BASE, Scenario, list_scenarios
from gradsim.scenarios.errors import ScenarioError
from gradsim.ui.lecture.gallery_open import THUMBNAIL_SIZE, open_scenario, thumbnail_path

translate = QCoreApplication.translate

ICON_SIZE = QSize(THUMBNAIL_SIZE[0] // 2, THUMBNAIL_SIZE[1] // 2)
SHORTCUT = "Ctrl+Shift+G"
FIRST_SENTENCE = re.compile(r"^(.+?(?:[.!?](?=\s|$)|[。！？]))", re.DOTALL)


def first_sentence(text: str, limit: int = 140) -> str:
    """The explanation's first sentence (at most ``limit`` characters, cut at a word)."""
    text = " ".join(text.split())
    match = FIRST_SENTENCE.match(text)
    sentence = match.group(1) if match else text
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence


def placeholder_pixmap(number: int, size: QSize = ICON_SIZE) -> QPixmap:
    """A grey card with the scenario's number, for a scenario without a thumbnail file."""
    pixmap = QPixmap(size)
    pixmap.fill(QColor(225, 228, 232))
    painter = QPainter(pixmap)
    try:
        painter.setPen(QColor(90, 96, 104))
        font = painter.font()
        font.setPointSize(max(10, size.height() // 4))
        painter.setFont(font)
        painter.drawRect(0, 0, size.width() - 1, size.height() - 1)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, str(number))
    finally:
        painter.end()
    return pixmap


def thumbnail_file(name: str, language: str) -> Path:
    """Where ``language``'s thumbnail of scenario ``name`` lives: ``<name>.png`` is the English
    one (every language's fallback), ``<name>.<language>.png`` another language's."""
    english = thumbnail_path(name)
    return english if language == "en" else english.with_name(f"{name}.{language}.png")


def thumbnail_pixmap(
    scenario: Scenario, language: str = "en", size: QSize = ICON_SIZE
) -> tuple[QPixmap, str | None]:
    """The scenario's thumbnail in ``language`` (else the English one) scaled to ``size``, and
    the language of the file shown; the placeholder and None when neither can be read."""
    for shown in dict.fromkeys((language, "en")):
        path = thumbnail_file(scenario.name, shown)
        pixmap = QPixmap(str(path)) if path.is_file() else QPixmap()
        if not pixmap.isNull():
            scaled = pixmap.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            return scaled, shown
    return placeholder_pixmap(scenario.number, size), None


class ScenarioGallery(QDialog):
    """The gallery of a main window (non-modal; :meth:`open_selected` loads into ``window``)."""

    def __init__(self, window: Any, scenarios: list[Scenario] | None = None, parent: QWidget | None = None):
        super().__init__(parent if parent is not None else window)
        self.setObjectName("scenario_gallery")
        self.window_ = window
        self.load_error = ""
        if scenarios is None:
            try:
                scenarios = list_scenarios()
            except ScenarioError as error:  # a broken shipped file: say so, show none
                self.load_error, scenarios = str(error), []
        self.scenarios = scenarios
        #: the language of each scenario's thumbnail file shown (None: the drawn placeholder)
        self.thumbnail_language: dict[str, str | None] = {}
        self._thumbnails_for: str | None = None  # the interface language they were loaded for

        self.list = QListWidget(self)
        self.list.setObjectName("scenario_list")
        self.list.setIconSize(ICON_SIZE)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setMinimumWidth(ICON_SIZE.width() + 260)
        for scenario in scenarios:
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.UserRole, scenario.name)
        self.details = QTextBrowser(self)
        self.details.setObjectName("scenario_details")
        self.details.setOpenExternalLinks(False)
        self.variant_label = QLabel(self)
        self.variant_combo = QComboBox(self)
        self.variant_combo.setObjectName("scenario_variant")
        self.variant_label.setBuddy(self.variant_combo)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("scenario_open")
        self.open_button.setDefault(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        row.addWidget(self.variant_label)
        row.addWidget(self.variant_combo, 1)
        right_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(1100, 680)

        self.list.currentRowChanged.connect(self._on_row)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        if scenarios:
            self.list.setCurrentRow(0)

    # ---------------------------------------------------------------- language
    def language(self) -> str:
        switcher = getattr(self.window_, "language", None)
        return str(getattr(switcher, "language", "en") or "en")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ScenarioGallery", "Scenarios"))
        self.variant_label.setText(translate("ScenarioGallery", "&Variant:"))
        self.open_button.setText(translate("ScenarioGallery", "&Open"))
        self.open_button.setToolTip(
            translate(
                "ScenarioGallery", "Load this scenario into the window and bring its panels to the front."
            )
        )
        language = self.language()
        self._load_thumbnails(language)
        for row, scenario in enumerate(self.scenarios):
            item = self.list.item(row)
            title = scenario.text("title", language)
            item.setText(
                f"{scenario.number}. {title}\n{first_sentence(scenario.text('explanation', language))}"
            )
            item.setToolTip(title)
        self._on_row(self.list.currentRow())

    def _load_thumbnails(self, language: str) -> None:
        """Each scenario's thumbnail in ``language`` (read again only when it changed)."""
        if language == self._thumbnails_for:
            return
        self._thumbnails_for = language
        for row, scenario in enumerate(self.scenarios):
            pixmap, shown = thumbnail_pixmap(scenario, language)
            self.thumbnail_language[scenario.name] = shown
            self.list.item(row).setIcon(QIcon(pixmap))

    # ---------------------------------------------------------------- selection
    def current(self) -> Scenario | None:
        row = self.list.currentRow()
        return self.scenarios[row] if 0 <= row < len(self.scenarios) else None

    def select(self, name: str) -> bool:
        for row, scenario in enumerate(self.scenarios):
            if scenario.name == name:
                self.list.setCurrentRow(row)
                return True
        return False

    def select_variant(self, variant: str) -> bool:
        index = self.variant_combo.findData(variant)
        if index >= 0:
            self.variant_combo.setCurrentIndex(index)
        return index >= 0

    @Slot(int)
    def _on_row(self, row: int) -> None:
        scenario = self.current()
        if scenario is None:
            message = self.load_error or translate("ScenarioGallery", "No scenarios found.")
            self.details.setHtml(f"<p>{html.escape(message)}</p>")
            self.variant_combo.clear()
            self.open_button.setEnabled(False)
            return
        self.details.setHtml(self.details_html(scenario))
        chosen = self.variant_combo.currentData() if self.variant_combo.count() else None
        self.variant_combo.blockSignals(True)
        self.variant_combo.clear()
        for name in scenario.variant_names():
            if name == BASE and not scenario.base_label:  # a scenario without variants
                label = translate("ScenarioGallery", "As described")
            else:
                label = scenario.label(name, self.language())
            self.variant_combo.addItem(label, name)
        self.variant_combo.blockSignals(False)
        if chosen is not None:
            self.select_variant(chosen)  # kept across a language switch
        several = len(scenario.variant_names()) > 1
        self.variant_combo.setEnabled(several)
        self.variant_label.setEnabled(several)
        self.open_button.setEnabled(True)

    def details_html(self, scenario: Scenario) -> str:
        language = self.language()

        def section(label: str, field: str) -> str:
            text = html.escape(scenario.text(field, language)).replace("\n", "<br>")
            return f"<p><b>{html.escape(label)}</b><br>{text}</p>"

        kind = (
            translate("ScenarioGallery", "Network: trains for {steps} steps")
            if scenario.kind == "network"
            else translate("ScenarioGallery", "Landscape: a race of {steps} steps")
        ).format(steps=scenario.steps)
        return (
            f"<h2>{scenario.number}. {html.escape(scenario.text('title', language))}</h2>"
            f"<p><i>{html.escape(kind)}</i></p>"
            f"<p>{html.escape(scenario.text('explanation', language))}</p>"
            + section(translate("ScenarioGallery", "Formula"), "formula")
            + section(translate("ScenarioGallery", "What to watch"), "watch")
            + section(translate("ScenarioGallery", "Try next"), "try_next")
        )

    # ---------------------------------------------------------------- open
    @Slot()
    def open_selected(self) -> bool:
        """Load the selected scenario and variant into the window; the gallery closes on success."""
        scenario = self.current()
        if scenario is None:
            return False
        variant = self.variant_combo.currentData() or BASE
        if not open_scenario(self.window_, scenario, variant):
            return False
        status = getattr(self.window_, "statusBar", None)
        if status is not None:
            status().showMessage(
                translate("ScenarioGallery", "Opened the scenario {title}.").format(
                    title=scenario.text("title", self.language())
                ),
                8000,
            )
        self.accept()
        return True


class GalleryAction(QObject):
    """File > Scenarios... of a main window: opens (and reuses) the window's gallery."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.gallery: ScenarioGallery | None = None
        self.action = QAction(window)
        self.action.setObjectName("action_scenarios")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.triggered.connect(self.show_gallery)
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # getattr: Qt may call the filter while Python tears the object down (a closing window)
        window = getattr(self, "window_", None)
        if window is not None and watched is window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.action.setText(translate("ScenarioGallery", "S&cenarios..."))
        tip = translate(
            "ScenarioGallery",
            "The lecture scenarios: each a ready network or landscape with its explanation. Open one here.",
        )
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    @Slot()
    def show_gallery(self) -> ScenarioGallery:
        if self.gallery is None:
            self.gallery = ScenarioGallery(self.window_)
        else:
            self.gallery.retranslate()  # the language may have changed while it was hidden
        self.gallery.show()
        self.gallery.raise_()
        self.gallery.activateWindow()
        return self.gallery


def install_gallery(window: Any) -> GalleryAction:
    """Put Scenarios... into ``window``'s File and Lecture menus (once) and return it
    (``window.scenario_gallery``)."""
    existing = getattr(window, "scenario_gallery", None)
    if isinstance(existing, GalleryAction):
        return existing
    gallery = GalleryAction(window)
    window.add_file_actions([gallery.action])
    lecture_menu = getattr(getattr(window, "lecture", None), "menu", None)
    if lecture_menu is not None:  # also first in the Lecture menu
        first = lecture_menu.actions()[0] if lecture_menu.actions() else None
        lecture_menu.insertAction(first, gallery.action)
        if first is not None:
            lecture_menu.insertSeparator(first)
    window.scenario_gallery = gallery
    return gallery
