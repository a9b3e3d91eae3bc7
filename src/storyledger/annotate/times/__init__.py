"""Times: time expressions resolved against the publication date (component storyledger_times)."""
