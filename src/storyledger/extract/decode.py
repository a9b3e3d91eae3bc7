"""Bytes to text: refuse binary junk, decode UTF-8 first, then the best guess for legacy pages."""

from __future__ import annotations

from charset_normalizer import from_bytes

from storyledger.errors import InputError

# Share of control bytes above which an input is binary, not text. Real text has almost none
# (tabs and newlines excepted); images, PDFs and archives have many.
_BINARY_SHARE = 0.05
_TEXT_CONTROLS = {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > _BINARY_SHARE


def decode(data: bytes, source: str) -> str:
    """Decode ``data``; mixed encodings (UTF-8 with stray legacy bytes) are mended line by line."""
    if not data.strip():
        raise InputError(source, "empty file")
    if looks_binary(data):
        raise InputError(source, "binary data, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    bad = 0
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            bad += 1
            out.append("")
    if bad < len(lines) / 2:
        # Mostly UTF-8 with stray legacy lines: one line is too short for a reliable guess, and
        # windows-1252 is what browsers (WHATWG) assume for Western legacy bytes.
        for i, line in enumerate(lines):
            if out[i] == "" and line:
                out[i] = line.decode("cp1252", errors="replace")
        return "\n".join(out)
    return _guess(data)


def _guess(data: bytes) -> str:
    best = from_bytes(data).best()
    if best is None:
        return data.decode("cp1252", errors="replace")
    return str(best)
