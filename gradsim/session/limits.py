"""Size limits for `.gradsim` files, checked *before* anything big is read.

A session file may come from anyone (a course forum, an e-mail), so the reader
never trusts a size it has not checked: a zip bomb (a few KB that inflate to
gigabytes), an ``.npy`` header claiming a 10**12-element array, or a manifest
nested 10,000 levels deep must be refused with a :class:`SessionError`, not
by running out of memory or stack. A deflated member is bounded twice: by what
gradsim itself ever deflates (its declared size and its ratio, checked before
inflating) and by its declared size (never inflated past it, plus one byte).

The defaults are far above any real session (a teaching network's parameters,
optimizer state, data set and histories weigh a few MB) and far below what
would hurt a laptop. Callers and tests pass their own :class:`Limits` to
``load_container`` / ``read_manifest`` / ``save_container``; the writer checks the
same limits so gradsim never writes a file it would refuse to read.
"""

from __future__ import annotations

from dataclasses import dataclass

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB

#: Sizes and offsets a zip can hold without zip64 records.
ZIP32_LIMIT = 0xFFFFFFFF

#: Largest ``manifest.json`` (uncompressed). Configs, UI state and notes are KBs.
MAX_MANIFEST_BYTES = 16 * MiB

#: Deepest JSON nesting accepted; counted before parsing (json.loads would
#: otherwise hit Python's recursion limit, around 1,000 levels).
MAX_JSON_DEPTH = 64

#: Largest single array (``prod(shape) * itemsize``), checked from its header.
MAX_ARRAY_BYTES = 1 * GiB

#: Largest total of the declared uncompressed sizes of all members (outer zip),
#: and of all ``.npy`` members inside a schema-2 ``arrays.npz``; also the largest member.
MAX_TOTAL_BYTES = 2 * GiB

#: Most arrays: ``arrays/<name>.npy`` members (schema 3), or members of ``arrays.npz``.
MAX_ARRAYS = 10_000

#: Most entries in the zip's central directory besides the arrays (the manifest; a
#: few more still get a precise "unexpected member" message): the directory may list
#: ``max_arrays + max_members``. Checked from the end-of-central-directory record
#: before the directory itself is parsed.
MAX_MEMBERS = 64

#: Longest array name (characters).
MAX_NAME_LENGTH = 200

#: Largest ``.npy`` header dictionary (numpy's own default is 10,000).
MAX_NPY_HEADER_BYTES = 10_000

#: Largest deflated member (declared, uncompressed). gradsim deflates an array
#: only up to this size (larger arrays are stored) and ``manifest.json`` is smaller,
#: so a deflated member declaring more is refused before anything is inflated, and
#: inflating one costs at most about twice this much memory, however far its data would go.
MAX_DEFLATED_BYTES = 64 * MiB

#: Most a deflated member may inflate (declared size / compressed size): deflate's
#: own ceiling, 258 bytes for the 2 bits of one longest match. No real deflate stream
#: gets there (all zeros at level 9: 1,029 to 1), so a member declaring more is lying
#: about its data and is refused before anything is inflated.
MAX_DEFLATE_RATIO = 1032


@dataclass(frozen=True)
class Limits:
    """One set of caps; pass a smaller one in tests (``Limits(max_total_bytes=1 << 20)``)."""

    max_manifest_bytes: int = MAX_MANIFEST_BYTES
    max_json_depth: int = MAX_JSON_DEPTH
    max_array_bytes: int = MAX_ARRAY_BYTES
    max_total_bytes: int = MAX_TOTAL_BYTES
    max_arrays: int = MAX_ARRAYS
    max_members: int = MAX_MEMBERS
    max_name_length: int = MAX_NAME_LENGTH
    max_npy_header_bytes: int = MAX_NPY_HEADER_BYTES
    max_deflated_bytes: int = MAX_DEFLATED_BYTES
    max_deflate_ratio: int = MAX_DEFLATE_RATIO

    def __post_init__(self) -> None:
        # Above 4 GiB zip needs zip64 end records, which the reader does not accept.
        if self.max_file_bytes >= ZIP32_LIMIT:
            raise ValueError("max_total_bytes must keep max_file_bytes below 4 GiB")
        # The writer always deflates manifest.json: a manifest it may write must be readable.
        if self.max_manifest_bytes > self.max_deflated_bytes:
            raise ValueError("max_deflated_bytes must be at least max_manifest_bytes")

    @property
    def max_file_bytes(self) -> int:
        """Largest file on disk worth opening: the payload cap plus zip overhead.

        Stored members take their own size, deflate expands incompressible data
        by well under 1/256, and headers plus a zip comment fit in 128 KiB.
        """
        return self.max_total_bytes + self.max_total_bytes // 256 + 128 * KiB


DEFAULT_LIMITS = Limits()
