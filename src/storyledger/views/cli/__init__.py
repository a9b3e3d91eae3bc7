"""The `storyledger` command: one module per command group, each registering on the app."""
