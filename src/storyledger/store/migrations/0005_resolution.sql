-- Cross-document entity resolution (link/resolution.py) works on document entities: each is kept
-- with what resolving it needs beyond doc_entities (its article's date and company) and filed under
-- the keys that decide which entities are resolved together.
CREATE TABLE resolution_records (
    document_id TEXT NOT NULL,
    local_id    TEXT NOT NULL,
    published   TEXT,
    context     TEXT NOT NULL DEFAULT '[]',  -- JSON list of the keys of the article's other entities
    PRIMARY KEY (document_id, local_id),
    FOREIGN KEY (document_id, local_id) REFERENCES doc_entities (document_id, local_id) ON DELETE CASCADE
);
CREATE TABLE resolution_keys (
    key         TEXT NOT NULL,
    document_id TEXT NOT NULL,
    local_id    TEXT NOT NULL,
    PRIMARY KEY (key, document_id, local_id),
    FOREIGN KEY (document_id, local_id) REFERENCES doc_entities (document_id, local_id) ON DELETE CASCADE
);
