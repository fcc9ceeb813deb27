"""How request bodies are compressed (PROTOCOL.md, "Compression"): zstd with a dictionary trained on registration
records when the server announced one this laptop also ships, else gzip-6. Shared by the client and the server.

A dictionary is a file ``sync/dictionaries/<name>-<version>.zstd-dict``, named on the wire by ``<name>-<version>``
(``records-1``): shipped with the app and the server like the reference data, never changed once released (a new
one is a new version; both sides keep the old ones for laptops not yet updated). The server names the ones it has
in the session answer's ``X-Sync-Accepts`` header (with ``history-ref``: it reads the ``"=data"`` shorthand of
sync.payload.compact_history); a body names the one it used in ``X-Zstd-Dictionary``. A server that sends no such
header (older than this) gets gzip and full records, as before.

Decompression is bounded like gzip's (``sync.payload.gunzip_capped``): the output is read in blocks and refused
past the limit, and the window a frame may ask for is capped, so a bomb costs the server at most the limit.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from sync.strict import PayloadError, PayloadTooLarge

DICTIONARY_DIR = Path(__file__).resolve().parent / "dictionaries"
ACCEPTS_HEADER = "X-Sync-Accepts"  # on the session answer: "history-ref, zstd-dictionary=records-1, ..."
HISTORY_REF = "history-ref"
BATCH_SEAL = "batch-seal"  # not compression, but announced the same way: the server reads a push's seal
DICTIONARY_HEADER = "X-Zstd-Dictionary"  # on a zstd body: the dictionary it was compressed with
# Levels by body size: a daily sync's small batch is worth the best (level 19: some 40 ms for 50 records, 8% fewer
# bytes than level 9), while a 500-record batch at level 19 would take half a second of CPU for 3% (bench/sync.py).
SMALL_BODY = 256 * 1024
SMALL_LEVEL = 19
ZSTD_LEVEL = 9
MAX_WINDOW = 8 * 1024 * 1024  # what a frame may ask the decoder to hold; our bodies are at most 4 MB
READ_BLOCK = 256 * 1024
_NAME = re.compile(r"([a-z]+)-([0-9]{1,6})")


class UnknownDictionary(PayloadError):
    """A zstd body names a dictionary this side does not have (or a malformed name)."""


@functools.cache
def shipped() -> dict[str, bytes]:
    """The dictionaries in this installation, by wire name."""
    found = {}
    for path in sorted(DICTIONARY_DIR.glob("*.zstd-dict")):
        name = path.name.removesuffix(".zstd-dict")
        if _NAME.fullmatch(name):
            found[name] = path.read_bytes()
    return found


def accepts() -> str:
    """What this server announces: the shorthand and the seal it reads, and every dictionary it has."""
    return ", ".join([HISTORY_REF, BATCH_SEAL, *(f"zstd-dictionary={name}" for name in shipped())])


def announced_tokens(header: str | None) -> set[str]:
    """The tokens of a server's ``X-Sync-Accepts`` (none from a server older than it)."""
    return {token.strip() for token in (header or "").split(",")}


def announced(header: str | None) -> tuple[bool, str | None]:
    """From a server's ``X-Sync-Accepts``: whether it reads ``history-ref``, and the newest dictionary both
    sides have (None: gzip)."""
    tokens = announced_tokens(header)
    return HISTORY_REF in tokens, newest_shared({t.removeprefix("zstd-dictionary=") for t in tokens
                                                 if t.startswith("zstd-dictionary=")})


def newest_shared(theirs: set[str]) -> str | None:
    """The newest ``records`` dictionary both sides have; None: none."""
    both = [name for name in shipped() if name in theirs and name.startswith("records-")]
    return max(both, key=lambda name: int(_NAME.fullmatch(name).group(2)), default=None)


@functools.cache
def _dictionary(name: str, level: int | None = None):
    """The named dictionary, digested for compressing at ``level`` (None: for decompressing)."""
    import zstandard

    data = shipped().get(name)
    if data is None:
        raise UnknownDictionary(f"unknown zstd dictionary {name[:40]!r}")
    dictionary = zstandard.ZstdCompressionDict(data)
    if level is not None:
        dictionary.precompute_compress(level=level)
    return dictionary


def zstd_bytes(raw: bytes, dictionary: str) -> bytes:
    """One zstd frame with its size and checksum, compressed with the named dictionary."""
    import zstandard

    # A compressor per call: they are not to be shared between threads, and the dictionary is digested once.
    level = SMALL_LEVEL if len(raw) <= SMALL_BODY else ZSTD_LEVEL
    compressor = zstandard.ZstdCompressor(level=level, dict_data=_dictionary(dictionary, level), write_checksum=True)
    return compressor.compress(raw)


def unzstd_capped(data: bytes, dictionary: str, limit: int) -> bytes:
    """Decompresses a zstd body made with ``dictionary`` (empty: none): one frame that states its content size
    (what ``zstd_bytes`` makes), at most ``limit`` of it, with a window of at most MAX_WINDOW. PayloadTooLarge past
    the limit (stated or found while reading), PayloadError for anything else that is not such a frame."""
    import io

    import zstandard

    try:
        stated = zstandard.get_frame_parameters(data).content_size
    except zstandard.ZstdError as exc:
        raise PayloadError(f"bad zstd: {exc}") from exc
    if stated == zstandard.CONTENTSIZE_UNKNOWN:
        raise PayloadError("bad zstd: the frame must state its content size")
    if stated > limit:
        raise PayloadTooLarge(f"more than {limit} bytes after decompression")
    kwargs = {"dict_data": _dictionary(dictionary)} if dictionary else {}
    decompressor = zstandard.ZstdDecompressor(max_window_size=MAX_WINDOW, **kwargs)
    out = bytearray()
    try:
        # Across frames, so that anything after the first is read (and refused by the size check below), and in
        # blocks, so that a frame that lies about its size is stopped at the limit, not after.
        with decompressor.stream_reader(io.BytesIO(data), read_across_frames=True) as reader:
            while block := reader.read(READ_BLOCK):
                out += block
                if len(out) > limit:
                    raise PayloadTooLarge(f"more than {limit} bytes after decompression")
    except zstandard.ZstdError as exc:
        raise PayloadError(f"bad zstd: {exc}") from exc
    if len(out) != stated:
        raise PayloadError("bad zstd: truncated, or not the size the frame states")
    return bytes(out)
