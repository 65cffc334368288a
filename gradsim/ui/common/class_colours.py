"""One colour per class, the same in every view that shows classes.

The builder's data preview, the decision surface and its training points all take their
colours from here, so class 0 is the same colour before training and on the surface
(they once disagreed: class 0 blue in the preview, vermillion on the surface). Class 0 is
vermillion and class 1 blue, as TensorFlow Playground's orange and blue; then the rest of
the Okabe-Ito palette, which stays distinguishable with colour-vision deficiencies.
"""

from __future__ import annotations

from gradsim.ui.common.plotting import OKABE_ITO

CLASS_COLOURS: tuple[str, ...] = tuple(
    OKABE_ITO[name]
    for name in (
        "vermillion",
        "blue",
        "bluish_green",
        "reddish_purple",
        "orange",
        "sky_blue",
        "black",
        "yellow",
    )
)


def class_colour(k: int) -> str:
    """The colour of class ``k`` (classes past eight reuse the palette)."""
    return CLASS_COLOURS[int(k) % len(CLASS_COLOURS)]
