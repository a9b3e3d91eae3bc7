-- The link stage: near-duplicates, stories, cross-document entities and positions over time.
-- Every table is written incrementally, one document at a time; lookups go through indexes so
-- linking one more article costs about the same whatever the ledger's size.

-- Documents the link stage has processed, in order (seq), so a later run picks up only new ones.
CREATE TABLE link_state (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL
);
CREATE INDEX link_state_seq ON link_state (seq);

-- Running counts (documents linked, claims placed), so no step counts a growing table.
CREATE TABLE link_counts (
    name TEXT PRIMARY KEY,
    n    INTEGER NOT NULL
);

-- LSH index over MinHash signatures: one row per (band, bucket) a document falls in.
CREATE TABLE lsh_buckets (
    band        INTEGER NOT NULL,
    bucket      TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, document_id)
);
CREATE TABLE doc_minhash (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    signature   BLOB NOT NULL                   -- uint64 hash values, little-endian
);

-- Near-duplicate groups: every document points at its group's canonical document (itself if alone).
CREATE TABLE duplicates (
    document_id  TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    canonical_id TEXT NOT NULL,
    similarity   REAL NOT NULL                  -- estimated Jaccard with the canonical document
);
CREATE INDEX duplicates_canonical ON duplicates (canonical_id);

-- Term document frequencies over the ledger, for TF-IDF weights computed on the fly.
CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
);

CREATE TABLE stories (
    id       TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    first    TEXT,
    last     TEXT,
    n_docs   INTEGER NOT NULL DEFAULT 0,
    norm     REAL NOT NULL DEFAULT 0            -- L2 norm of the centroid (sum of member vectors)
);
CREATE INDEX stories_last ON stories (last);
CREATE TABLE story_documents (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    story_id    TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    similarity  REAL NOT NULL
);
CREATE INDEX story_documents_story ON story_documents (story_id);
-- A story's centroid, capped to its strongest features; features are words or "@<entity id>".
CREATE TABLE story_terms (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    term     TEXT NOT NULL,
    weight   REAL NOT NULL,
    PRIMARY KEY (story_id, term)
);
CREATE INDEX story_terms_term ON story_terms (term, weight);

-- Lookup keys for ledger entities (folded name, surname, consonant skeleton, acronym, role).
CREATE TABLE entity_keys (
    key       TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (key, entity_id)
);
-- Entities seen together in documents: the evidence that tells namesakes apart.
CREATE TABLE entity_context (
    entity_id   TEXT NOT NULL,
    neighbour   TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (entity_id, neighbour)
);
-- User decisions, replayed on every (re)link: kind 'merge' (source -> target entity) or
-- 'split' (documents' entities under this name key leave source for a new entity).
CREATE TABLE entity_overrides (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    source_id  TEXT NOT NULL,
    target_id  TEXT,
    name_key   TEXT,
    document_id TEXT,
    created_at TEXT NOT NULL
);

-- Matters: what claims are about, clustered from their actions and targets.
CREATE TABLE matters (
    id     TEXT PRIMARY KEY,
    label  TEXT NOT NULL,
    n      INTEGER NOT NULL DEFAULT 0,
    norm   REAL NOT NULL DEFAULT 0
);
CREATE TABLE matter_terms (
    matter_id TEXT NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
    term      TEXT NOT NULL,
    weight    REAL NOT NULL,
    PRIMARY KEY (matter_id, term)
);
CREATE INDEX matter_terms_term ON matter_terms (term, weight);
CREATE TABLE claim_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
);
-- One row per (claim, actor entity): the claim's matter and its mark in that actor's sequence.
CREATE TABLE positions (
    document_id TEXT NOT NULL,
    local_id    TEXT NOT NULL,
    actor_key   TEXT NOT NULL,                  -- ledger entity id, or "~" + folded actor text
    matter_id   TEXT NOT NULL,
    day         TEXT,
    mark        TEXT NOT NULL,
    previous_document_id TEXT,
    previous_local_id    TEXT,
    PRIMARY KEY (document_id, local_id, actor_key),
    FOREIGN KEY (document_id, local_id) REFERENCES claims (document_id, local_id) ON DELETE CASCADE
);
CREATE INDEX positions_actor_matter ON positions (actor_key, matter_id, day);
CREATE INDEX positions_matter ON positions (matter_id);
