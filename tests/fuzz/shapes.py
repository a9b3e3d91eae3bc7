"""Hostile inputs: the adversarial shapes that once broke a batch or stalled it, random bytes under
every supported suffix, broken encodings, cut archives, and good articles to mix them with.

Used by the fuzz tests (a bounded sample) and by scripts/fuzz_batches.py (thousands, outside CI).
Every name and word here is made up.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

SUFFIXES = (".html", ".htm", ".txt", ".json", ".jsonl", ".warc", ".warc.gz", ".rss", ".atom", ".xml")

_WORDS = ("harbour council ferry tariff union mayor vote bridge dockers wages quay pilots canal budget levy "
          "strike pledge talks marina tender lock ballast beacon").split()
_NAMES = ("Mara Okafor", "Tomas Lindqvist", "Ines Varga", "Joel Brandt", "Selma Quist", "Ravi Castell")
_TOWNS = ("Halden", "Vesterby", "Orrin", "Kaldmoor", "Sennick", "Brayfield")


def good_article(n: int) -> str:
    """A plain-text article (title, blank line, paragraphs) unique to ``n``, with a quote and a claim."""
    rng = random.Random(n)
    who, town = rng.choice(_NAMES), rng.choice(_TOWNS)
    filler = " ".join(rng.choice(_WORDS) for _ in range(40))
    return (f"{town} dockers end strike number {n}\n\n"
            f"Port workers in {town} voted on Monday to end a three-week strike over {rng.choice(_WORDS)} "
            f"pay, the union said in case {n}.\n\n"
            f"\u201cWe have won a fair deal,\u201d said union leader {who}. The company said it would raise wages "
            f"by {n % 9 + 2} percent next year if the port reopens.\n\n"
            f"Notes on the {filler}.\n")


def _warc(records: list[tuple[str, bytes, list[tuple[str, str]]]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, payload, headers in records:
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=http))
    return buf.getvalue()


def _feed(items: str, head: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return (f"{head}<rss version=\"2.0\"><channel><title>Quay Post</title>{items}</channel></rss>").encode()


def _item(body: str, extra: str = "") -> str:
    return (f"<item><title>Ferry fares</title><link>https://quay.example/a</link>{extra}"
            f"<description>{body}</description></item>")


def _deep(n: int) -> str:
    return "[" * n + "]" * n


_HTML_ARTICLE = "<html><head><title>Quay vote</title></head><body><article>{}</article></body></html>"


def adversarial_shapes() -> dict[str, Callable[[], bytes]]:
    """name (with its suffix) -> maker of the bytes, one per shape that broke or stalled a batch."""
    text = good_article(0)
    gz_bomb = gzip.compress(b"<p>" + b"a" * (200 * 1024 * 1024) + b"</p>", compresslevel=9)
    return {
        "charref-out-of-range.rss": lambda: _feed(_item("&amp;lt;p&amp;gt;fares &#x110000; up")),
        "charref-surrogate.xml": lambda: _feed(_item("fares &#xD800; up &#0; down")),
        "deep-array.json": lambda: _deep(100_000).encode(),
        "deep-row.jsonl": lambda: (json.dumps({"text": text}) + "\n" + '{"text": ' + _deep(100_000) + "}\n").encode(),
        "deep-sidecar.txt": lambda: text.encode(),  # its sidecar is written by write_shapes
        "long-number.jsonl": lambda: ('{"text": "x", "n": ' + "9" * 5000 + "}\n").encode(),
        "lone-surrogate-title.jsonl": lambda: json.dumps({"text": text, "title": "\ud800"}).encode(),
        "lone-surrogate-outlet.jsonl": lambda: json.dumps({"text": text, "outlet": "Quay \udfff Post"}).encode(),
        "lone-surrogate-url.jsonl": lambda: json.dumps({"text": text, "url": "https://quay.example/\ud800"}).encode(),
        "lone-surrogate-text.jsonl": lambda: json.dumps({"text": text + "\ud800"}).encode(),
        "year-zero.rss": lambda: _feed(_item("&lt;p&gt;" + text + "&lt;/p&gt;", "<pubDate>Mon, 01 Jan 0000 00:00:00 GMT</pubDate>")),
        "bad-encoding-name.rss": lambda: _feed(_item("&lt;p&gt;" + text + "&lt;/p&gt;"),
                                               head='<?xml version="1.0" encoding="\x81tf-8"?>'),
        "published-9999.jsonl": lambda: json.dumps({"text": text, "published": "9999-12-31"}).encode(),
        "published-year-1.jsonl": lambda: json.dumps({"text": text, "published": "0001-01-01"}).encode(),
        "bad-ipv6-url.jsonl": lambda: json.dumps({"text": text, "url": "http://[::1"}).encode(),
        "amp-million.html": lambda: _HTML_ARTICLE.format("<p>" + "&amp;" * 1_000_000 + "</p>").encode(),
        "p-word-2mb.html": lambda: _HTML_ARTICLE.format("<p>word</p>" * 200_000).encode(),
        "attributes-100k.html": lambda: _HTML_ARTICLE.format(
            "<div " + " ".join(f'a{i}="{i}"' for i in range(100_000)) + ">" + text + "</div>").encode(),
        "entries-20000.rss": lambda: _feed("".join(_item(f"&lt;p&gt;fare {i}&lt;/p&gt;") for i in range(20_000))),
        "content-encoding-bomb.warc": lambda: _warc(
            [("https://quay.example/bomb", gz_bomb, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])],
            gz=False),
        "word-repeat-20000.txt": lambda: ("Ferry fares\n\n" + "ferry " * 20_000).encode(),
        "deep-html.html": lambda: ("<div>" * 100_000 + text + "</div>" * 100_000).encode(),
        "null-bytes.txt": lambda: b"\x00" * 4096,
        "utf16-no-bom.txt": lambda: text.encode("utf-16-le"),
        "mixed-encodings.html": lambda: text.encode() + "caf\u00e9 \u20ac".encode("cp1252") + "\u00fc".encode("utf-16"),
        "truncated.warc.gz": lambda: _warc([("https://quay.example/t", _HTML_ARTICLE.format(text).encode(),
                                              [("Content-Type", "text/html")])], gz=True)[:-50],
        "empty.json": lambda: b"",
        "json-scalar.json": lambda: b"42",
        "row-not-object.jsonl": lambda: b'[1, 2]\n"text"\nnull\n',
        "line-separator-row.jsonl": lambda: json.dumps({"text": text.replace("\n\n", "\u2028\u2028")},
                                                       ensure_ascii=False).encode(),
        "control-chars.txt": lambda: ("\x1b[31m" + text + "\x07\x1b]0;pwned\x07").encode(),
        "xxe.rss": lambda: (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                            b'<rss version="2.0"><channel><title>&x;</title>' + _item("&x;").encode()
                            + b"</channel></rss>"),
        "billion-laughs.rss": lambda: (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                                       + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode()
                                                  for i in range(8))
                                       + b']><rss version="2.0"><channel><title>&i;</title>'
                                       + _item("&i;").encode() + b"</channel></rss>"),
    }


def write_shapes(folder: Path) -> list[Path]:
    """Write every adversarial shape into ``folder`` (plus a hostile sidecar and hostile file names)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in adversarial_shapes().items():
        path = folder / name
        path.write_bytes(make())
        written.append(path)
    (folder / "deep-sidecar.txt.meta.json").write_text('{"published": ' + _deep(100_000) + "}")
    odd = [os.fsdecode(b"name-\xff.txt"), "esc-\x1b[2J\x1b]0;pwned\x07.txt", "[bold]markup[red]x.txt"]
    for i, name in enumerate(odd):
        path = folder / name
        path.write_text(good_article(10_000 + i))
        written.append(path)
    return written


def random_input(rng: random.Random) -> tuple[str, bytes]:
    """One random hostile input: a suffix and bytes, from junk to nearly valid."""
    suffix = rng.choice(SUFFIXES)
    kind = rng.randrange(8)
    text = good_article(rng.randrange(64))  # a small pool: an article read again is not annotated again
    if kind == 0:
        return suffix, rng.randbytes(rng.randrange(0, 4096))
    if kind == 1:  # a valid article's bytes, mutated
        data = bytearray(text.encode())
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return suffix, bytes(data)
    if kind == 2:  # cut anywhere
        data = _any_valid(suffix, text, rng)
        return suffix, data[: rng.randrange(len(data) + 1)]
    if kind == 3:  # a legacy or wrong encoding
        return suffix, text.encode(rng.choice(["utf-16", "utf-32", "cp1252", "latin-1", "utf-16-be"]),
                                   errors="replace")
    if kind == 4:  # JSON with odd values in every field
        odd = [None, 1e308, -0.0, [], {}, "", "\ud800", "9999-12-31", "0000-00-00", "http://[::1", "x" * 5000,
               True, 10**300, "\x00", "\u202e"]
        row = {k: rng.choice(odd) for k in ("title", "url", "outlet", "published", "author", "authors")}
        row[rng.choice(["text", "html"])] = rng.choice([text, *odd])
        return rng.choice([".json", ".jsonl"]), json.dumps(row).encode("utf-8", "surrogatepass")
    if kind == 5:  # a feed entry with odd dates, references and encodings
        date = rng.choice(["Mon, 01 Jan 0000 00:00:00 GMT", "9999-12-31T23:59:59Z", "Tue, 99 Foo 2024", ""])
        ref = rng.choice(["&#x110000;", "&#xD800;", "&#0;", "&#99999999999;", "&bogus;", "&amp;"])
        return rng.choice([".rss", ".atom", ".xml"]), _feed(_item(f"&lt;p&gt;{text}{ref}&lt;/p&gt;",
                                                                  f"<pubDate>{date}</pubDate>"))
    if kind == 6:  # HTML with odd structure
        unit = rng.choice(["<p>w</p>", "<div>", "&amp;", "<b x=1>", "<!--", "<script>", "<table><tr><td>"])
        return rng.choice([".html", ".htm"]), _HTML_ARTICLE.format(text + unit * rng.randrange(1, 3000)).encode()
    return suffix, _any_valid(suffix, text, rng)


def _any_valid(suffix: str, text: str, rng: random.Random) -> bytes:
    if suffix in (".json", ".jsonl"):
        return json.dumps({"text": text, "title": "Quay vote"}).encode()
    if suffix in (".warc", ".warc.gz"):
        return _warc([("https://quay.example/v", _HTML_ARTICLE.format(text).encode(), [("Content-Type", "text/html")])],
                     gz=suffix.endswith(".gz"))
    if suffix in (".rss", ".atom", ".xml"):
        return _feed(_item("&lt;p&gt;" + text + "&lt;/p&gt;"))
    if suffix in (".html", ".htm"):
        return _HTML_ARTICLE.format("".join(f"<p>{p}</p>" for p in text.split("\n\n"))).encode()
    return text.encode()
