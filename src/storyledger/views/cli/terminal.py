"""Text from inputs (file names, reasons quoting them) made safe to print on a terminal."""

from __future__ import annotations

import re

from rich.markup import escape

# C0 and C1 controls (ESC starts the sequences that move the cursor, retitle the window or rewrite
# what was printed before), DEL, the bidirectional overrides that reorder what is shown, and lone
# surrogates (which no terminal encoding can print).
_UNSAFE = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_IN_LINE = re.compile(f"[\x00-\x1f{_UNSAFE}]")
_IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f{_UNSAFE}]")  # keeps tabs and line breaks


def for_terminal(text: str, lines: bool = False) -> str:
    """``text`` with every control shown as an escape (``\\x1b``) and rich markup made literal;
    ``lines`` keeps its tabs and line breaks (an article's text)."""
    return escape((_IN_TEXT if lines else _IN_LINE).sub(lambda m: ascii(m.group())[1:-1], text))
