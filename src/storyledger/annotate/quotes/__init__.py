"""Quotes: direct, partial and indirect attributions with their cue and speaker (component storyledger_quotes)."""
