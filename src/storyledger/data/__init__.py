"""Lexicons and tables shipped with storyledger (read with importlib.resources)."""
