-- Search snippets come from a bounded passage, never from a whole document (see the SQLite migration):
-- each document's text is indexed again in overlapping passages of 2,000 characters every 1,500, and
-- ts_headline marks the matches of the best one alone.
CREATE TABLE document_passages (
    document_id TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    search      tsvector NOT NULL,
    PRIMARY KEY (document_id, n)
);
CREATE INDEX document_passages_search ON document_passages USING gin (search);

CREATE FUNCTION storyledger_index_passages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM document_passages WHERE document_id = NEW.id;
    INSERT INTO document_passages (document_id, n, search)
        SELECT NEW.id, p.n, to_tsvector('english', substr(NEW.text, p.n * 1500 + 1, 2000))
        FROM generate_series(0, (length(NEW.text) + 1499) / 1500 - 1) AS p (n);
    RETURN NULL;
END $$;
CREATE TRIGGER documents_passages AFTER INSERT OR UPDATE OF text ON documents
    FOR EACH ROW EXECUTE FUNCTION storyledger_index_passages();

INSERT INTO document_passages (document_id, n, search)
    SELECT d.id, p.n, to_tsvector('english', substr(d.text, p.n * 1500 + 1, 2000))
    FROM documents d, generate_series(0, (length(d.text) + 1499) / 1500 - 1) AS p (n);
