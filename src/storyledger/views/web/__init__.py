"""The local web app and JSON API over a ledger (read-only)."""

from storyledger.views.web.app import create_app

__all__ = ["create_app"]
