"""The optional 3-D view of an analytic surface, for machines with OpenGL.

``pyqtgraph.opengl`` needs PyOpenGL and a working OpenGL context. Neither can be assumed
(the default install has no PyOpenGL; a remote desktop or the offscreen platform has no
GL context), so everything here is optional: :func:`opengl_available` says whether to
offer the view at all, and the panel falls back to the 2-D map, without an error dialog,
when building the view fails or Qt cannot create an OpenGL context for it (checked right
after it is shown). Tests force the fallback with ``GRADSIM_NO_OPENGL=1`` (or by setting
:data:`OPENGL_ENABLED` to False). The 2-D map stays the reference view: it is where
clicks and drags set the start point. Checked here with PyOpenGL under Xvfb (Mesa).

Heights are the colour values of the 2-D map (log10(f - min + eps) where the range is
large), rescaled to a fraction of the view's width so that any surface fits the scene.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gradsim.landscapes.surfaces import Surface
from gradsim.landscapes.trajectories import Trajectory
from gradsim.ui.common import plotting as gp
from gradsim.ui.landscape.surface_view import colour_scale, surface_table

OPENGL_ENABLED = True
HEIGHT_FRACTION = 0.35  # the surface's height span, as a fraction of the view's width
GRID_3D = 90


def opengl_available() -> bool:
    """True when the 3-D view can be offered (PyOpenGL imports; not disabled)."""
    if not OPENGL_ENABLED or os.environ.get("GRADSIM_NO_OPENGL"):
        return False
    try:
        importlib.import_module("pyqtgraph.opengl")
    except Exception:  # noqa: BLE001 - ImportError, or a broken GL library raising anything
        return False
    return True


class ThreeDView(QWidget):
    """A GLViewWidget with the surface mesh and the race's paths (raises if GL is unusable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        gl = importlib.import_module("pyqtgraph.opengl")
        self._gl = gl
        self.widget = gl.GLViewWidget()
        self.widget.setBackgroundColor(gp.background())
        self.widget.setToolTip(
            QCoreApplication.translate(
                "ThreeDView",
                "The surface in 3-D (height = the 2-D map's colour value) with the paths on it. "
                "Drag to turn it, scroll to zoom. Set the start point in the 2-D view.",
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.widget)
        self.mesh = None
        self.paths: list = []
        self.heights: list[np.ndarray] = []
        self._surface: Surface | None = None
        self._to_height = (0.0, 1.0, 0.0)  # (offset, factor, log flag) for values -> z

    def usable(self) -> bool:
        """False once Qt has failed to create an OpenGL context for the view (e.g. offscreen)."""
        return bool(self.widget.isValid())

    def set_surface(self, surface: Surface, mode: str = "auto") -> None:
        self._surface = surface
        xs, ys, z = surface.grid(GRID_3D, GRID_3D)
        scale = colour_scale(z, mode)
        values = scale.transform(z)
        width = surface.view[1] - surface.view[0]
        span = scale.high - scale.low if scale.high > scale.low else 1.0
        factor = HEIGHT_FRACTION * width / span
        self._scale, self._factor = scale, factor
        heights = np.nan_to_num((values - scale.low) * factor, nan=0.0)
        colours = gp.map_to_rgba(values, scale.low, scale.high, surface_table()).astype(np.float32) / 255.0
        if self.mesh is not None:
            self.widget.removeItem(self.mesh)
        # GLSurfacePlotItem wants z[i, j] at (x[i], y[j]): the transpose of the grid convention.
        self.mesh = self._gl.GLSurfacePlotItem(
            x=xs, y=ys, z=heights.T, colors=np.transpose(colours, (1, 0, 2)).reshape(-1, 4), smooth=False
        )
        self.widget.addItem(self.mesh)
        centre = ((surface.view[0] + surface.view[1]) / 2, (surface.view[2] + surface.view[3]) / 2)
        self.widget.opts["center"] = self._vector(centre[0], centre[1], 0.5 * HEIGHT_FRACTION * width)
        self.widget.setCameraPosition(distance=1.5 * width, elevation=32, azimuth=-60)

    def _vector(self, x: float, y: float, z: float):
        from pyqtgraph import Vector

        return Vector(x, y, z)

    def height_of(self, values: np.ndarray) -> np.ndarray:
        heights = (self._scale.transform(values) - self._scale.low) * self._factor
        return np.nan_to_num(heights, nan=0.0, posinf=0.0, neginf=0.0) + 0.01 * self._factor

    def set_race(self, trajectories: Sequence[Trajectory], colours: Sequence[int]) -> None:
        for item in self.paths:
            self.widget.removeItem(item)
        self.paths, self.heights = [], []
        self._positions = []
        for trajectory, colour in zip(trajectories, colours, strict=True):
            item = self._gl.GLLinePlotItem(
                color=pg_colour(gp.series_colour(colour)), width=2.0, antialias=True
            )
            self.widget.addItem(item)
            self.paths.append(item)
            self.heights.append(self.height_of(np.asarray(trajectory.values)))
            self._positions.append((np.asarray(trajectory.positions), trajectory.steps_taken))

    def show_step(self, index: int) -> None:
        if self._surface is None:
            return
        xmin, xmax, ymin, ymax = self._surface.view
        for item, heights, (positions, last) in zip(self.paths, self.heights, self._positions, strict=True):
            end = min(index, last) + 1
            points = np.column_stack([positions[:end], heights[:end]])
            inside = (
                np.isfinite(points).all(axis=1)
                & (points[:, 0] >= xmin)
                & (points[:, 0] <= xmax)
                & (points[:, 1] >= ymin)
                & (points[:, 1] <= ymax)
            )
            item.setData(pos=points[inside].astype(np.float32))


def pg_colour(colour: str) -> tuple[float, float, float, float]:
    rgba = gp.rgba(colour)
    return tuple(float(c) / 255.0 for c in rgba)  # type: ignore[return-value]
