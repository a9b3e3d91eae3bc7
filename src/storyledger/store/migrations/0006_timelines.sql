-- Timelines that show what changed: matters found by meaning, and which way a changed position moved.

-- A matter found by meaning: the sum of its claims' unit sentence vectors (float32) under ``model``,
-- and the claim text that labels it (the member nearest the centroid, short phrases preferred).
CREATE TABLE matter_vectors (
    matter_id    TEXT PRIMARY KEY REFERENCES matters (id) ON DELETE CASCADE,
    model        TEXT NOT NULL,
    total        BLOB NOT NULL,
    label        TEXT NOT NULL,
    label_vector BLOB NOT NULL
);
-- The matters of each story: a claim is compared with its story's matters only, so placing it costs
-- the same whatever the ledger's size.
CREATE TABLE story_matters (
    story_id  TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    matter_id TEXT NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, matter_id)
);
CREATE INDEX story_matters_matter ON story_matters (matter_id);
-- An actor's latest positions, so a claim also meets the matters its actor spoke on in other stories.
CREATE INDEX positions_actor_day ON positions (actor_key, day);

-- Which way a changed position moved (reversed, hardened, softened, condition met/dropped/added/changed).
ALTER TABLE positions ADD COLUMN change TEXT;
UPDATE positions SET mark = 'changed', change = 'condition dropped' WHERE mark = 'condition_dropped';
