"""Claims: commitments and positions with actor, stance, condition and time (component storyledger_claims)."""
