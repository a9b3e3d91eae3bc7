"""Extract: a raw document becomes an Article (clean body, title, authors, outlet, date)."""

from storyledger.extract.article import extract

__all__ = ["extract"]
