"""Still exports: a panel to PNG at a scale and to SVG, the window, the stage, the clipboard."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from gradsim.ui.export.errors import ExportError
from gradsim.ui.export.images import export_plot, plot_names

pytestmark = pytest.mark.ui

SVG = "{http://www.w3.org/2000/svg}"


def _trained(make_window, qtbot, steps: int = 20):
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


def test_png_of_a_panel_has_the_scaled_size(make_window, qtbot, tmp_path):
    window = _trained(make_window, qtbot)
    panel = window.panels["loss"]
    one = export_plot(window, "loss", tmp_path / "loss.png", "png", 1.0)
    two = export_plot(window, "loss", tmp_path / "loss2.png", "png", 2.0)
    small, large = QImage(str(one)), QImage(str(two))
    assert (small.width(), small.height()) == (panel.width(), panel.height())
    assert (large.width(), large.height()) == (2 * panel.width(), 2 * panel.height())
    # drawn at the scale, not blank: the picture has many colours (curves, text, axes)
    assert (
        len({large.pixel(x, y) for x in range(0, large.width(), 7) for y in range(0, large.height(), 7)}) > 5
    )


def test_svg_parses_and_keeps_curves_and_text(make_window, qtbot, tmp_path):
    window = _trained(make_window, qtbot)
    path = export_plot(window, "gradient-flow", tmp_path / "flow.svg")
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    texts = [element.text or "" for element in root.iter(f"{SVG}text")]
    assert any("layer" in text.lower() or text.strip().isdigit() for text in texts), texts[:20]
    curves = list(root.iter(f"{SVG}polyline")) + list(root.iter(f"{SVG}path"))
    assert len(curves) >= 3


def test_window_png_and_clipboard(make_window, qtbot, tmp_path):
    window = _trained(make_window, qtbot, steps=3)
    image = QImage(str(export_plot(window, "window", tmp_path / "w.png", scale=1.5)))
    assert (image.width(), image.height()) == (round(1.5 * window.width()), round(1.5 * window.height()))
    from gradsim.ui.export.images import copy_to_clipboard

    copied = copy_to_clipboard(window, "decision")
    assert not QGuiApplication.clipboard().image().isNull()
    assert copied.size() == window.panels["decision"].size()


def test_clear_errors(make_window, qtbot, tmp_path):
    window = make_window()
    with pytest.raises(ExportError) as error:
        export_plot(window, "nonsense", tmp_path / "x.png")
    assert "nonsense" in str(error.value) and "loss" in str(error.value)
    with pytest.raises(ExportError, match="presentation"):
        export_plot(window, "stage", tmp_path / "x.png")
    with pytest.raises(ExportError, match="does not exist"):
        export_plot(window, "loss", tmp_path / "missing" / "x.png")
    with pytest.raises(ExportError, match="jpg"):
        export_plot(window, "loss", tmp_path / "x.jpg")
    assert {"loss", "gradient_flow", "window", "stage"} <= set(plot_names(window))


def test_stage_png_leaves_the_menu_bar_out(make_window, qtbot, tmp_path):
    window = _trained(make_window, qtbot, steps=3)
    window.lecture.set_presentation(True, full_screen=False)
    try:
        image = QImage(str(export_plot(window, "stage", tmp_path / "stage.png")))
        bar = window.menuBar().height() if window.menuBar().isVisible() else 0
        assert (image.width(), image.height()) == (window.width(), window.height() - bar)
    finally:
        window.lecture.set_presentation(False)
