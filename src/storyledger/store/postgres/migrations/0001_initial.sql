-- PostgreSQL's own full-text search over titles and text (SQLite's is the FTS5 table documents_fts).
-- English stemming, titles weighted above text. A tsvector holds at most 1 MB, so the text indexed
-- per document is its first 200,000 characters (longer texts are found by what they say before that).
ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', left(text, 200000)), 'B')
) STORED;
CREATE INDEX documents_search ON documents USING gin (search);
