"""Still images of what the window shows: a panel, the whole window or the presentation stage,
to PNG at a chosen scale (2x for slides), to SVG, or to the clipboard.

PNG: the widget paints into a ``QImage`` whose device-pixel ratio is the scale, so text and
lines are drawn at the higher resolution (not an upscaled screenshot). SVG: the widget paints
into a ``QSvgGenerator``; text stays ``<text>`` and curves stay polylines. pyqtgraph's own
``SVGExporter`` is not used: in pyqtgraph 0.14 it raises on a plot scene (pyqtgraph #3485;
measured here: ``ValueError: not enough values to unpack``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from gradsim.ui.export.errors import ExportError

FORMATS = ("png", "svg")
SCALES = (1.0, 1.5, 2.0, 3.0)
MAX_PIXELS = 8192  # a side of an exported image, after scaling
#: Names a user or a script gives a plot (the command line's --plot), and the panel they mean.
PLOT_ALIASES = {"gradient-flow": "gradient_flow", "activation-lab": "activation_lab"}
WHOLE_WINDOW = "window"
STAGE = "stage"


def panel_key(plot: str) -> str:
    """``gradient-flow`` -> ``gradient_flow``: the command line's spelling of a panel name."""
    key = plot.strip().lower().replace(" ", "_")
    return PLOT_ALIASES.get(key, key.replace("-", "_"))


def plot_widget(window: Any, plot: str) -> tuple[QWidget, QRegion | None]:
    """The widget that shows ``plot`` in ``window`` and the part of it to paint (None: all).

    ``window`` is the whole window; ``stage`` the presentation view without the menu bar
    (an error when the window is not presenting); any other name a docked panel, which is
    brought to the front so it holds the latest frame.
    """
    key = panel_key(plot)
    if key == WHOLE_WINDOW:
        return window, None
    if key == STAGE:
        lecture = getattr(window, "lecture", None)
        if lecture is None or not lecture.presenting:
            raise ExportError("not_presenting")
        top = window.menuBar().height() if window.menuBar().isVisible() else 0
        return window, QRegion(QRect(0, top, window.width(), window.height() - top))
    panels = getattr(window, "panels", {})
    if key not in panels:
        raise ExportError("unknown_plot", plot=plot, choices=", ".join(plot_names(window)))
    if hasattr(window, "show_panel"):
        window.show_panel(key)
        frame = window.controller.last_frame
        if frame is not None:
            window.drawer.draw_all(frame, [key])  # a panel behind a tab missed the last frames
    return panels[key], None


def plot_names(window: Any) -> list[str]:
    """What :func:`export_plot` accepts for ``window``: its panels, the window, the stage."""
    return [*getattr(window, "panels", {}), WHOLE_WINDOW, STAGE]


def export_plot(window: Any, plot: str, path: str | Path, fmt: str | None = None, scale: float = 1.0) -> Path:
    """Write one plot (a panel's name, ``window`` or ``stage``) of ``window`` to ``path``.

    ``fmt`` is ``png`` or ``svg`` (default: the file's extension); ``scale`` multiplies the
    pixels of a PNG (2.0 for slides). Returns the path written; raises :class:`ExportError`.
    """
    widget, region = plot_widget(window, plot)
    return save_widget(widget, path, fmt, scale, region)


def save_widget(
    widget: QWidget,
    path: str | Path,
    fmt: str | None = None,
    scale: float = 1.0,
    region: QRegion | None = None,
) -> Path:
    """A widget (or ``region`` of it) to a PNG at ``scale`` or to an SVG."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ExportError("unknown_format", fmt=fmt or path.name, choices=", ".join(FORMATS))
    if not path.parent.is_dir():
        raise ExportError("no_folder", folder=str(path.parent))
    if fmt == "svg":
        write_svg(widget, path, region)
    elif not render_image(widget, scale, region).save(str(path), "PNG"):
        raise ExportError("not_written", path=str(path))
    return path


def render_image(widget: QWidget, scale: float = 1.0, region: QRegion | None = None) -> QImage:
    """The widget painted at ``scale`` times its size, as an opaque RGB image (no alpha)."""
    if not 0.25 <= scale <= 8.0:
        raise ExportError("bad_scale", scale=scale)
    rect = region.boundingRect() if region is not None else QRect(QPoint(0, 0), widget.size())
    pixels = QSize(round(rect.width() * scale), round(rect.height() * scale))
    if min(pixels.width(), pixels.height()) < 1 or max(pixels.width(), pixels.height()) > MAX_PIXELS:
        raise ExportError("bad_size", width=pixels.width(), height=pixels.height(), most=MAX_PIXELS)
    image = QImage(pixels, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    _paint(widget, image, rect, region)
    image.setDevicePixelRatio(1.0)
    return image


def exact_size(image: QImage, size: tuple[int, int], scale: float = 1.0) -> QImage:
    """``image`` at exactly ``size`` x ``scale`` pixels: a panel whose minimum size is larger than
    the size asked for is laid out at its minimum and scaled down (smoothly) to fit."""
    width, height = round(size[0] * scale), round(size[1] * scale)
    if (image.width(), image.height()) == (width, height):
        return image
    return image.scaled(
        width, height, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def write_svg(widget: QWidget, path: Path, region: QRegion | None = None) -> None:
    rect = region.boundingRect() if region is not None else QRect(QPoint(0, 0), widget.size())
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(rect.size())
    generator.setViewBox(QRect(QPoint(0, 0), rect.size()))
    generator.setResolution(96)  # a point of the widget is a CSS pixel: the drawing's size in a browser
    generator.setTitle("gradsim")
    generator.setDescription(widget.windowTitle() or widget.objectName() or "gradsim plot")
    painter = QPainter(generator)
    try:
        painter.fillRect(QRect(QPoint(0, 0), rect.size()), QColor(widget.palette().window().color()))
        widget.render(painter, QPoint(0, 0), region if region is not None else QRegion())
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise ExportError("not_written", path=str(path))


def _paint(widget: QWidget, image: QImage, rect: QRect, region: QRegion | None) -> None:
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        widget.render(painter, QPoint(0, 0), region if region is not None else QRegion(rect))
    finally:
        painter.end()


def copy_to_clipboard(window: Any, plot: str, scale: float = 1.0) -> QImage:
    """Put one plot of ``window`` on the clipboard as an image (paste it into slides)."""
    widget, region = plot_widget(window, plot)
    image = render_image(widget, scale, region)
    QGuiApplication.clipboard().setImage(image)
    return image
