"""Bytes to text: binary junk refused, UTF-8 first, legacy and mixed encodings mended."""

from __future__ import annotations

import pytest

from storyledger.errors import InputError
from storyledger.extract.decode import decode


def test_binary_junk_is_refused_naming_the_input() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(InputError) as err:
        decode(png, "photo.html")
    assert str(err.value) == "photo.html: binary data, not text or HTML"


def test_empty_and_blank_files_are_refused() -> None:
    for data in (b"", b"  \n\t\n"):
        with pytest.raises(InputError, match="^a.txt: empty file$"):
            decode(data, "a.txt")


def test_utf8_with_bom() -> None:
    assert decode("\ufeffCafé “quoted”".encode(), "x") == "Café “quoted”"


def test_legacy_cp1252_file() -> None:
    text = "The minister said \u201cno\u201d to the caf\u00e9 owners \u2013 twice.\n" * 5
    assert decode(text.encode("cp1252"), "x") == text


def test_mixed_encoding_keeps_utf8_lines_and_mends_the_odd_one() -> None:
    good = "Zelensky met Macron in Paris on Tuesday – the talks went well.\n"
    data = good.encode() * 3 + "Le caf\u00e9 \u00e9tait ferm\u00e9.\n".encode("latin-1") + good.encode()
    out = decode(data, "mixed.txt").split("\n")
    assert out[0] == good.strip()
    assert out[3] == "Le caf\u00e9 \u00e9tait ferm\u00e9."
    assert out[4] == good.strip()
