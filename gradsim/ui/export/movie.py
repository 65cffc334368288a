"""Frames to an animated GIF (Pillow) or an MP4 (imageio with imageio-ffmpeg, the optional
``video`` extra), with progress and cancel between frames.

* GIF stores delays in hundredths of a second and many viewers treat less than 2 of them as
  "as fast as possible" (or 100 ms): the delay is rounded to 10 ms and never below 20 ms
  (at most 50 frames a second).
* H.264 in yuv420p needs even sides: a frame with an odd side is padded by one pixel of its
  own edge colour (imageio would otherwise resize to multiples of 16 and warn).
* Frames are converted to RGB arrays without alpha, so the same frames give the same file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from gradsim.ui.export.errors import ExportError

MOVIE_FORMATS = ("gif", "mp4")
MIN_GIF_DELAY_MS = 20
MAX_FPS = 50

#: Called after each frame with (frames done, frames in all); returns False to cancel.
Progress = Callable[[int, int], bool]


def gif_delay_ms(fps: float) -> int:
    """The delay of one GIF frame: 1000/fps rounded to 10 ms, at least 20 ms."""
    return max(MIN_GIF_DELAY_MS, int(round(1000.0 / fps / 10.0)) * 10)


def image_array(image: QImage) -> np.ndarray:
    """An (h, w, 3) uint8 RGB copy of a QImage."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * height)
    return data.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def even_sized(frame: np.ndarray) -> np.ndarray:
    """Pad the last row and/or column again so both sides are even (H.264, yuv420p)."""
    height, width = frame.shape[:2]
    return np.pad(frame, ((0, height % 2), (0, width % 2), (0, 0)), mode="edge")


def check_movie(path: str | Path, fps: float) -> str:
    """The format of ``path`` (gif or mp4) after checking what writing it needs; raises ExportError."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in MOVIE_FORMATS:
        raise ExportError("unknown_format", fmt=fmt or path.name, choices=", ".join(MOVIE_FORMATS))
    if not path.parent.is_dir():
        raise ExportError("no_folder", folder=str(path.parent))
    if not 1 <= fps <= MAX_FPS:
        raise ExportError("bad_fps", fps=fps)
    if fmt == "gif" and not pillow_available():
        raise ExportError("no_pillow")
    if fmt == "mp4" and not video_available():
        raise ExportError("no_video")
    return fmt


def pillow_available() -> bool:
    try:
        import PIL.Image  # noqa: F401
    except ImportError:
        return False
    return True


def video_available() -> bool:
    """imageio and its ffmpeg binary (the ``video`` extra) are installed."""
    try:
        import imageio.v2  # noqa: F401
        import imageio_ffmpeg

        imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        return False
    return True


def write_movie(
    frames: Iterable[QImage], total: int, path: str | Path, fps: float, progress: Progress | None = None
) -> int:
    """Write ``frames`` (``total`` of them, for the progress) to a GIF or MP4; the frame count.

    A cancel (``progress`` returning False) removes the partial file and raises
    ``ExportError("cancelled")``.
    """
    path = Path(path)
    fmt = check_movie(path, fps)
    writer = _GifWriter(path, fps) if fmt == "gif" else _Mp4Writer(path, fps)
    written = 0
    try:
        for image in frames:
            writer.add(image_array(image))
            written += 1
            if progress is not None and not progress(written, total):
                raise ExportError("cancelled")
        writer.close()
    except BaseException:
        writer.abort()
        path.unlink(missing_ok=True)
        raise
    return written


class _GifWriter:
    """Collects frames (as palette images, a fraction of RGB's memory) and saves them at the end."""

    def __init__(self, path: Path, fps: float) -> None:
        self.path, self.delay = path, gif_delay_ms(fps)
        self.frames: list = []
        self.size: tuple[int, int] | None = None

    def add(self, frame: np.ndarray) -> None:
        from PIL import Image

        image = Image.fromarray(frame, "RGB")
        if self.size is None:
            self.size = image.size
        elif image.size != self.size:
            image = image.resize(self.size)
        self.frames.append(
            image.quantize(colors=255, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        )

    def close(self) -> None:
        if not self.frames:
            raise ExportError("not_written", path=str(self.path))
        first, *rest = self.frames
        first.save(
            self.path,
            format="GIF",
            save_all=True,
            append_images=rest,
            duration=self.delay,
            loop=0,
            optimize=False,
            disposal=1,
        )

    def abort(self) -> None:
        self.frames = []


class _Mp4Writer:
    """H.264 (yuv420p, so every player shows it) through imageio's ffmpeg plugin."""

    def __init__(self, path: Path, fps: float) -> None:
        import imageio.v2 as imageio

        self.size: tuple[int, int] | None = None
        try:
            self.writer = imageio.get_writer(
                str(path),
                format="FFMPEG",
                mode="I",
                fps=fps,
                codec="libx264",
                pixelformat="yuv420p",
                macro_block_size=1,  # sizes are made even here; no resizing to multiples of 16
                ffmpeg_log_level="error",
            )
        except Exception as error:  # noqa: BLE001 - ffmpeg's reasons are many; one line for the user
            raise ExportError("video_failed", reason=str(error).strip().splitlines()[-1]) from error

    def add(self, frame: np.ndarray) -> None:
        frame = even_sized(frame)
        if self.size is None:
            self.size = frame.shape[:2]
        elif frame.shape[:2] != self.size:  # a later frame of another size: padded or cut to the first
            height, width = self.size
            frame = np.pad(
                frame, ((0, max(0, height - frame.shape[0])), (0, max(0, width - frame.shape[1])), (0, 0))
            )
            frame = frame[:height, :width]
        try:
            self.writer.append_data(frame)
        except Exception as error:  # noqa: BLE001
            raise ExportError("video_failed", reason=str(error).strip().splitlines()[-1]) from error

    def close(self) -> None:
        try:
            self.writer.close()
        except Exception as error:  # noqa: BLE001
            raise ExportError("video_failed", reason=str(error).strip().splitlines()[-1]) from error

    def abort(self) -> None:
        with contextlib.suppress(Exception):  # the partial file is removed anyway
            self.writer.close()
