-- `timeline --actor` finds the claims whose actor text names the actor by scanning this narrow index
-- instead of the claims themselves (whose rows carry the evidence sentences); the lines found are
-- then joined by primary key. Measured by `storyledger bench queries`.
CREATE INDEX claims_actor_text ON claims (actor_text, document_id, local_id);
