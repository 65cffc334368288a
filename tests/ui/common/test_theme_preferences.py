"""apply_preferences changes only what differs: each change is sent to every widget of the app."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

from gradsim.ui.common import theme

RESTYLING = {
    QEvent.Type.StyleChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationFontChange,
    QEvent.Type.FontChange,
}


class EventCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.kinds: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in RESTYLING:
            self.kinds.append(event.type())
        return False


def _restyling_events(qtbot, preferences: theme.Preferences) -> list[QEvent.Type]:
    label = QLabel("a widget")
    qtbot.addWidget(label)
    counter = EventCounter()
    label.installEventFilter(counter)
    theme.apply_preferences(preferences)
    QApplication.processEvents()
    label.removeEventFilter(counter)
    return counter.kinds


def test_the_same_preferences_again_restyle_no_widget(qtbot) -> None:
    preferences = theme.Preferences(theme="dark", font_scale=125)
    theme.apply_preferences(preferences)
    assert _restyling_events(qtbot, preferences) == []
    theme.apply_preferences(theme.Preferences())


def test_a_changed_theme_or_font_reaches_every_widget(qtbot) -> None:
    theme.apply_preferences(theme.Preferences())
    assert QEvent.Type.ApplicationPaletteChange in _restyling_events(qtbot, theme.Preferences(theme="dark"))
    assert QApplication.palette() == theme.palette_for("dark")
    assert QEvent.Type.ApplicationFontChange in _restyling_events(
        qtbot, theme.Preferences(theme="dark", font_scale=150)
    )
    assert QApplication.style().name().lower() == "fusion"
    theme.apply_preferences(theme.Preferences())
