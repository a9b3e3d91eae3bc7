-- Reads whose cost no stored document can inflate.
--
-- Search snippets come from a bounded passage, never from a whole document: FTS5's snippet() costs
-- grow with the square of the matches in the text it is given, so one article repeating a word
-- 20,000 times took seconds for every search that found it. Each document's text is indexed again in
-- overlapping passages of 2,000 characters every 1,500 (an index only: the text stays in documents);
-- a search ranks a hit's passages and marks the matches in the best one alone.
-- Passage k of the document with rowid r has rowid r * 16384 + k (texts up to 24 million characters).

CREATE TABLE passage_numbers (n INTEGER PRIMARY KEY);
INSERT INTO passage_numbers (n)
    WITH RECURSIVE k (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 16383) SELECT n FROM k;

CREATE VIRTUAL TABLE passages_fts USING fts5 (text, content='', tokenize='porter unicode61');

INSERT INTO passages_fts (rowid, text)
    SELECT d.rowid * 16384 + p.n, substr(d.text, p.n * 1500 + 1, 2000)
    FROM documents d JOIN passage_numbers p ON p.n < (length(d.text) + 1499) / 1500;

CREATE TRIGGER documents_passages_ai AFTER INSERT ON documents BEGIN
    INSERT INTO passages_fts (rowid, text)
        SELECT new.rowid * 16384 + n, substr(new.text, n * 1500 + 1, 2000)
        FROM passage_numbers WHERE n < (length(new.text) + 1499) / 1500;
END;
CREATE TRIGGER documents_passages_ad AFTER DELETE ON documents BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text)
        SELECT 'delete', old.rowid * 16384 + n, substr(old.text, n * 1500 + 1, 2000)
        FROM passage_numbers WHERE n < (length(old.text) + 1499) / 1500;
END;
CREATE TRIGGER documents_passages_au AFTER UPDATE OF text ON documents BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text)
        SELECT 'delete', old.rowid * 16384 + n, substr(old.text, n * 1500 + 1, 2000)
        FROM passage_numbers WHERE n < (length(old.text) + 1499) / 1500;
    INSERT INTO passages_fts (rowid, text)
        SELECT new.rowid * 16384 + n, substr(new.text, n * 1500 + 1, 2000)
        FROM passage_numbers WHERE n < (length(new.text) + 1499) / 1500;
END;

-- The story and article lists are read newest first, a page at a time: with their exact ORDER BY as an
-- index, a page reads its own rows only, instead of sorting every story or every article (whose
-- columns after the text sit behind its overflow pages) on every request.
CREATE INDEX stories_latest ON stories (last IS NULL, last DESC, n_docs DESC, id);
CREATE INDEX documents_latest ON documents (published IS NULL, published DESC, id);
-- Outlets are counted for every story and article list: from this index, not from the article rows.
CREATE INDEX documents_outlet ON documents (outlet);
