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
    """True for data that is not text in any single-byte, UTF-8, UTF-16 or UTF-32 encoding."""
    head = data[:_SNIFF_SIZE]
    if not head:
        return False
    if unicode_encoding(head) not in (None, "utf-8-sig"):
        return False  # UTF-16/32 text is full of NULs by design
    control = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    return control > 0 and (b"\x00" in head or control / len(head) > 0.05)


def unicode_encoding(head: bytes) -> str | None:
    """The encoding a BOM names, or UTF-16/32 that text without a BOM shows by its NULs; None otherwise."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return _bomless_utf16_or_32(head[:_SNIFF_SIZE])


def _bomless_utf16_or_32(head: bytes) -> str | None:
    """Text in the Latin script, or any text with spaces and digits, has a NUL in a fixed place of most code
    units: every other byte in UTF-16, three bytes of four in UTF-32. Binary data has NULs all over."""
    if len(head) < 8 or b"\x00" not in head:
        return None
    nuls = [_nul_share(head[offset::4]) for offset in range(4)]
    even, odd = _nul_share(head[0::2]), _nul_share(head[1::2])
    if nuls[2] > 0.99 and nuls[3] > 0.99 and nuls[0] < 0.01:
        candidate = "utf-32-le"
    elif nuls[0] > 0.99 and nuls[1] > 0.99 and nuls[3] < 0.01:
        candidate = "utf-32-be"
    elif odd > 0.1 and even < 0.01:
        candidate = "utf-16-le"
    elif even > 0.1 and odd < 0.01:
        candidate = "utf-16-be"
    else:
        return None
    # A decoder that is not told the input ends may leave a code unit cut off by the sniff undecoded.
    try:
        text = codecs.getincrementaldecoder(candidate)().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    control = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    return candidate if control <= len(text) * 0.01 else None


def _nul_share(data: bytes) -> float:
    return data.count(0) / len(data) if data else 0.0


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode with the BOM (or UTF-16/32 shown without one), else UTF-8, else the declared or a detected
    encoding."""
    if not data.strip():
        raise IngestError(origin, "empty file")
    if looks_binary(data):
        raise IngestError(origin, "binary file, not text")
    encoding = unicode_encoding(data)
    if encoding is not None:
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
