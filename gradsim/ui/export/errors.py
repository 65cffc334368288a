"""Why an export failed: a code with its values, worded in English for the command line and
translated for the app from one table (so the two never say different things)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Export"

MESSAGES = {
    "unknown_plot": QT_TRANSLATE_NOOP("Export", "There is no plot '{plot}'; choose one of {choices}."),
    "unknown_view": QT_TRANSLATE_NOOP("Export", "There is no view '{view}'; choose one of {choices}."),
    "unknown_format": QT_TRANSLATE_NOOP("Export", "Cannot write '{fmt}'; choose one of {choices}."),
    "no_folder": QT_TRANSLATE_NOOP("Export", "The folder {folder} does not exist."),
    "not_written": QT_TRANSLATE_NOOP("Export", "Could not write {path}."),
    "bad_scale": QT_TRANSLATE_NOOP("Export", "The scale must be between 0.25 and 8, got {scale}."),
    "bad_size": QT_TRANSLATE_NOOP(
        "Export", "An image of {width}x{height} pixels cannot be written (1 to {most} pixels a side)."
    ),
    "not_presenting": QT_TRANSLATE_NOOP(
        "Export", "The stage exists only in the presentation view: turn it on first (F11)."
    ),
    "no_video": QT_TRANSLATE_NOOP(
        "Export",
        "Writing MP4 needs imageio and imageio-ffmpeg, which are not installed: "
        "pip install 'gradsim[video]'. GIF works without them.",
    ),
    "no_pillow": QT_TRANSLATE_NOOP("Export", "Writing GIF needs Pillow: pip install pillow."),
    "no_race": QT_TRANSLATE_NOOP("Export", "There is no race to export: start one in the Landscape panel."),
    "no_run": QT_TRANSLATE_NOOP("Export", "There is no training step to export yet: train first."),
    "bad_fps": QT_TRANSLATE_NOOP("Export", "The frame rate must be 1 to 50 frames a second, got {fps}."),
    "video_failed": QT_TRANSLATE_NOOP("Export", "The video could not be written: {reason}"),
    "cancelled": QT_TRANSLATE_NOOP("Export", "The export was cancelled."),
}


class ExportError(Exception):
    """An export that cannot be done, with a code of :data:`MESSAGES` and its values."""

    def __init__(self, code: str, **params: object) -> None:
        self.code, self.params = code, params
        super().__init__(MESSAGES[code].format(**params))

    def translated(self) -> str:
        """The message in the app's language."""
        return QCoreApplication.translate(CONTEXT, MESSAGES[self.code]).format(**self.params)
