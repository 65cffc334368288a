"""Render the application icon (resources/icons/gradsim.svg) to the PNG sizes of the hicolor
icon theme, with Qt's SVG renderer: resources/icons/hicolor/<N>x<N>/apps/gradsim.png.

Run it after editing the SVG (``.venv/bin/python packaging/linux/make_icons.py``); the PNGs
are committed, so installing needs no renderer. tests/packaging/test_linux_desktop.py
renders them again and compares.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "gradsim.svg"
#: The sizes the hicolor theme's index lists for applications (the freedesktop icon theme spec).
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int):  # -> QImage; Qt is imported only when rendering
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_path(out: Path, size: int) -> Path:
    return out / f"{size}x{size}" / "apps" / "gradsim.png"


def make_icons(svg: Path = SVG, out: Path | None = None) -> list[Path]:
    """Write every size under ``out`` (default: beside the SVG, in ``hicolor``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])  # QImage text/fonts need one
    out = out or svg.parent / "hicolor"
    written = []
    for size in SIZES:
        path = png_path(out, size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where the sizes go (default: resources/icons/hicolor)")
    args = parser.parse_args(argv)
    for path in make_icons(out=args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
