-- The ledger: documents and what annotation found in them. Dates are ISO-8601 text,
-- lists and objects are JSON text, offsets index documents.text.

CREATE TABLE documents (
    id               TEXT PRIMARY KEY,          -- sha256 of the clean text, first 16 hex digits
    url              TEXT,
    outlet           TEXT,
    title            TEXT,
    authors          TEXT NOT NULL DEFAULT '[]', -- JSON list of names
    published        TEXT,                      -- YYYY-MM-DD or NULL when unknown
    published_source TEXT NOT NULL CHECK (published_source IN ('metadata', 'text', 'user', 'unknown')),
    language         TEXT,
    text             TEXT NOT NULL,
    format           TEXT NOT NULL,
    source           TEXT NOT NULL,             -- the input it was first read from
    raw_sha256       TEXT NOT NULL,
    ingested_at      TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content='documents', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- Inputs that produced a document: the same article read from several files or URLs.
CREATE TABLE document_sources (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source      TEXT NOT NULL,
    url         TEXT,
    raw_sha256  TEXT NOT NULL,
    PRIMARY KEY (document_id, source)
);

-- Canonical entities across the ledger (the link stage assigns document entities to them).
CREATE TABLE entities (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    type    TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'place', 'group')),
    aliases TEXT NOT NULL DEFAULT '[]',
    roles   TEXT NOT NULL DEFAULT '[]'
);

-- Entities as resolved within one document; entity_id is the ledger-wide entity.
CREATE TABLE doc_entities (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'place', 'group')),
    aliases     TEXT NOT NULL DEFAULT '[]',
    roles       TEXT NOT NULL DEFAULT '[]',      -- JSON [{text, start, end}]
    entity_id   TEXT REFERENCES entities (id),
    PRIMARY KEY (document_id, local_id)
);
CREATE INDEX doc_entities_entity ON doc_entities (entity_id);

CREATE TABLE mentions (
    document_id TEXT NOT NULL,
    local_id    TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (document_id, start, end),
    FOREIGN KEY (document_id, local_id) REFERENCES doc_entities (document_id, local_id) ON DELETE CASCADE
);

CREATE TABLE quotes (
    document_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id         TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'indirect')),
    speaker_text     TEXT,
    speaker_start    INTEGER,
    speaker_end      INTEGER,
    speaker_local_id TEXT,
    cue_text         TEXT,
    cue_start        INTEGER,
    cue_end          INTEGER,
    content          TEXT NOT NULL,             -- JSON [[start, end], ...]
    content_text     TEXT NOT NULL,
    start            INTEGER NOT NULL,
    end              INTEGER NOT NULL,
    PRIMARY KEY (document_id, local_id)
);

CREATE TABLE claims (
    document_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id          TEXT NOT NULL,
    actor_text        TEXT NOT NULL,
    actor_start       INTEGER NOT NULL,
    actor_end         INTEGER NOT NULL,
    actor_local_ids   TEXT NOT NULL DEFAULT '[]', -- JSON list of doc_entities.local_id
    action            TEXT NOT NULL,
    category          TEXT NOT NULL,
    stance            TEXT NOT NULL,
    polarity          TEXT NOT NULL CHECK (polarity IN ('affirmed', 'negated')),
    target            TEXT,
    target_local_id   TEXT,
    condition_text    TEXT,
    condition_start   INTEGER,
    condition_end     INTEGER,
    when_text         TEXT,
    when_start        INTEGER,
    when_end          INTEGER,
    when_date         TEXT,
    when_date_end     TEXT,
    reported_by       TEXT,
    quote_local_id    TEXT,
    evidence_start    INTEGER NOT NULL,
    evidence_end      INTEGER NOT NULL,
    evidence_text     TEXT NOT NULL,
    PRIMARY KEY (document_id, local_id)
);
CREATE INDEX claims_stance ON claims (stance);
CREATE INDEX claims_category ON claims (category);

CREATE TABLE times (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    date        TEXT,
    date_end    TEXT,
    PRIMARY KEY (document_id, start, end)
);
