"""Side-by-side variants (docs/compare.md): the Compare dialog, the lockstep worker's GUI
handle, the comparison view (overlaid curves, tiled small multiples) and its dock."""
