"""Turn raw bytes into text, or say precisely why they are not text."""

from __future__ import annotations

import codecs
import re

from newsprism.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_ENCODING = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# Bytes that never occur in text files: NUL and most C0 controls (tab, newline, CR, FF, ESC allowed).
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})
_SNIFF_SIZE = 8192
# Legacy encodings worth guessing for news text. Multi-byte Korean code pages are left out: they
# accept almost any byte sequence, so binary junk would "decode" as Korean.
_DETECTABLE = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "koi8_r",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
)
_LATIN_FAMILY = {"cp1252", "cp1250", "iso8859_1", "latin_1", "iso8859_15", "iso8859_2", "cp1254", "cp1257"}


def declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML <meta charset> or XML declaration names, if any."""
    match = _DECLARED_ENCODING.search(data[:_SNIFF_SIZE])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any single-byte or UTF-8 encoding."""
    head = data[:_SNIFF_SIZE]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False  # UTF-16/32 text is full of NULs by design
    control = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    return control > 0 and (b"\x00" in head or control / len(head) > 0.05)


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode with the BOM, else UTF-8, else the declared encoding, else a detected one."""
    if not data.strip():
        raise IngestError(origin, "empty file")
    if looks_binary(data):
        raise IngestError(origin, "binary file, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict_decode(data, encoding, origin)
    # Valid UTF-8 is almost never an accident, while pages that declare Latin-1 often hold UTF-8.
    candidates = ["utf-8", declared_encoding(data)]
    for candidate in candidates:
        if candidate is None:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes  # ~40 ms to import; most files are UTF-8

    best = from_bytes(data[: 256 * 1024], cp_isolation=list(_DETECTABLE)).best()
    if best is not None and best.encoding:
        # Latin-script code pages share most letters; the detector cannot tell them apart on
        # short texts, and Windows-1252 is by far the likeliest for news.
        encodings = ["cp1252", best.encoding] if best.encoding in _LATIN_FAMILY else [best.encoding]
        for encoding in encodings:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    raise IngestError(origin, "undecodable bytes: not UTF-8, and no declared or detected encoding fits")


def _strict_decode(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise IngestError(origin, f"undecodable bytes at offset {error.start} ({encoding})") from None
