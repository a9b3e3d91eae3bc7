"""storyledger: read news about an evolving story and keep a sourced ledger of who said and committed to what."""
