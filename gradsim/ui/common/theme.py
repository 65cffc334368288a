"""Light (projector) and dark themes, and the app-wide text and line scale, kept in QSettings.

The light theme is built for a projector in a lit lecture hall: black text on white, a
saturated selection colour and no mid-grey text (projectors wash out low contrast). The
dark theme is for screens. Plots follow the theme: pyqtgraph's defaults are set for new
plots, and existing plot widgets are restyled in place (background, axes, titles).

Scales are percentages from 100 to 200: the font scale multiplies the application font
the app started with; the line scale goes to :func:`gradsim.ui.common.plotting.set_line_scale`,
which every panel's pens read.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEMES: tuple[str, ...] = ("light", "dark")
SCALES: tuple[int, ...] = (100, 125, 150, 175, 200)


@dataclass(frozen=True)
class Colours:
    window: str
    base: str
    alternate: str
    text: str
    dim_text: str
    button: str
    highlight: str
    highlighted_text: str
    link: str
    plot_background: str
    plot_foreground: str
    tooltip: str


COLOURS: dict[str, Colours] = {
    "light": Colours(
        window="#F3F3F3",
        base="#FFFFFF",
        alternate="#EEF3F8",
        text="#000000",
        dim_text="#4A4A4A",
        button="#E6E6E6",
        highlight="#0060B0",
        highlighted_text="#FFFFFF",
        link="#0050A0",
        plot_background="#FFFFFF",
        plot_foreground="#222222",
        tooltip="#FFFFE8",
    ),
    "dark": Colours(
        window="#232427",
        base="#18191B",
        alternate="#26292E",
        text="#E8E8E8",
        dim_text="#A8A8A8",
        button="#33363B",
        highlight="#3D8BFD",
        highlighted_text="#000000",
        link="#7FB5FF",
        plot_background="#1E1E1E",
        plot_foreground="#DDDDDD",
        tooltip="#2E3035",
    ),
}


@dataclass(frozen=True)
class Preferences:
    """What the View menu sets and QSettings keeps (per user, per machine)."""

    theme: str = "light"
    font_scale: int = 100
    line_scale: int = 100


translate = QCoreApplication.translate


def theme_names() -> dict[str, str]:
    return {"light": translate("Theme", "Light (projector)"), "dark": translate("Theme", "Dark")}


def _clamp_scale(value: object) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 100
    return min(max(number, 100), 200)


def load_preferences(settings: QSettings | None = None) -> Preferences:
    settings = settings or QSettings()
    theme = str(settings.value("ui/theme", "light"))
    return Preferences(
        theme=theme if theme in THEMES else "light",
        font_scale=_clamp_scale(settings.value("ui/font_scale", 100)),
        line_scale=_clamp_scale(settings.value("ui/line_scale", 100)),
    )


def save_preferences(preferences: Preferences, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    settings.setValue("ui/theme", preferences.theme)
    settings.setValue("ui/font_scale", preferences.font_scale)
    settings.setValue("ui/line_scale", preferences.line_scale)


def palette_for(theme: str) -> QPalette:
    c = COLOURS[theme]
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, colour in (
        (role.Window, c.window),
        (role.WindowText, c.text),
        (role.Base, c.base),
        (role.AlternateBase, c.alternate),
        (role.Text, c.text),
        (role.Button, c.button),
        (role.ButtonText, c.text),
        (role.BrightText, "#FF3030"),
        (role.Highlight, c.highlight),
        (role.HighlightedText, c.highlighted_text),
        (role.Link, c.link),
        (role.ToolTipBase, c.tooltip),
        (role.ToolTipText, c.text),
        (role.PlaceholderText, c.dim_text),
        (role.Light, "#FFFFFF" if theme == "light" else "#4A4D52"),
        (role.Midlight, "#D8D8D8" if theme == "light" else "#3A3D42"),
        (role.Mid, "#B0B0B0" if theme == "light" else "#2C2E32"),
        (role.Dark, "#8A8A8A" if theme == "light" else "#121314"),
        (role.Shadow, "#505050" if theme == "light" else "#000000"),
    ):
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, QColor("#8C8C8C" if theme == "light" else "#6E6E6E"))
    return palette


def apply_preferences(preferences: Preferences, root: QWidget | None = None) -> None:
    """Theme, font and line scale for the whole application; the plots inside ``root``
    (the main window) are restyled in place, later plots start with the new defaults."""
    app = QApplication.instance()
    if app is None:
        return
    app.setStyle("Fusion")
    app.setPalette(palette_for(preferences.theme))
    _apply_font(app, preferences.font_scale)
    _apply_plot_options(preferences)
    if root is not None:
        restyle_plots(root, preferences.theme)


def _apply_font(app: QApplication, scale: int) -> None:
    base = app.property("gradsim_base_point_size")
    if base is None:
        size = app.font().pointSizeF()
        base = size if size > 0 else 10.0
        app.setProperty("gradsim_base_point_size", base)
    font = QFont(app.font())
    font.setPointSizeF(float(base) * scale / 100.0)
    app.setFont(font)


def _apply_plot_options(preferences: Preferences) -> None:
    import pyqtgraph as pg  # after the QApplication exists

    c = COLOURS[preferences.theme]
    pg.setConfigOptions(
        antialias=False, useOpenGL=False, background=c.plot_background, foreground=c.plot_foreground
    )
    try:
        from gradsim.ui.common import plotting
    except ImportError:  # the plotting helpers are optional for the window shell
        return
    plotting.set_line_scale(preferences.line_scale / 100.0)


def restyle_plots(root: QWidget, theme: str) -> None:
    """Give every pyqtgraph view inside ``root`` the theme's background and axis colours.

    Only inside a live widget tree: ``QApplication.allWidgets()`` also returns widgets
    that are being deleted, and touching those crashed (measured in the test run).
    """
    import pyqtgraph as pg

    from gradsim.ui.common.plotting import LEGEND_ALPHA  # plotting does not import this module: no cycle

    c = COLOURS[theme]
    for widget in root.findChildren(pg.GraphicsView):
        widget.setBackground(c.plot_background)
        for item in widget.scene().items():
            if isinstance(item, pg.AxisItem):
                item.setPen(pg.mkPen(c.plot_foreground))
                item.setTextPen(pg.mkPen(c.plot_foreground))
            elif isinstance(item, pg.ViewBox) and item.background.isVisible():
                item.setBackgroundColor(c.plot_background)
            elif isinstance(item, pg.LegendItem):
                backing = QColor(c.plot_background)
                backing.setAlpha(LEGEND_ALPHA)
                item.setBrush(pg.mkBrush(backing))
            elif isinstance(item, pg.LabelItem) and item.text:
                item.setText(item.text, color=c.plot_foreground)


def severity_colours(theme: str) -> dict[str, tuple[str, str]]:
    """(accent, background tint) per banner severity; Okabe-Ito accents (colour-blind safe)."""
    if theme == "dark":
        return {
            "error": ("#FF8A4C", "#3A2418"),
            "warning": ("#F0B429", "#352C14"),
            "ok": ("#2FC59A", "#123127"),
            "idle": ("#8FB8E0", "#1D2733"),
        }
    return {
        "error": ("#D55E00", "#FCE9DC"),
        "warning": ("#B07800", "#FFF3D6"),
        "ok": ("#007A5A", "#E0F4EC"),
        "idle": ("#0072B2", "#E3EFF8"),
    }


def current_theme(app: QApplication | None = None) -> str:
    """The theme the application palette shows (panels built later ask this)."""
    app = app or QApplication.instance()
    if app is None:
        return "light"
    return "dark" if app.palette().window().color().lightness() < 110 else "light"
