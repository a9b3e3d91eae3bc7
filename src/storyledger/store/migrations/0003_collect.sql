-- Collection by URL: the sources a ledger follows, what the collector remembers between runs (so a
-- restart resumes and a conditional GET can answer 304), and the versions of an article fetched again
-- with changed text. Times are ISO-8601 UTC text.

CREATE TABLE follows (
    url      TEXT PRIMARY KEY,                  -- normalised
    kind     TEXT CHECK (kind IN ('feed', 'sitemap', 'page')),  -- NULL until first fetched
    added_at TEXT NOT NULL
);

-- Every page a followed source listed: the frontier (pending) and what each page answered last.
CREATE TABLE crawl_pages (
    url           TEXT PRIMARY KEY,             -- normalised, as listed
    source        TEXT NOT NULL,                -- the followed source that listed it
    status        TEXT NOT NULL CHECK (status IN ('pending', 'stored', 'failed', 'duplicate')),
    first_seen    TEXT NOT NULL,
    final_url     TEXT,                         -- after redirects
    canonical_url TEXT,                         -- what the page says its URL is
    etag          TEXT,
    last_modified TEXT,
    sha256        TEXT,                         -- of the body last handed on
    fetched_at    TEXT,
    next_check    TEXT,                         -- when to look for an edit; NULL: no more
    stamp         TEXT,                         -- the listing's updated/lastmod for it
    listed        TEXT,                         -- the date the listing gives it
    outlet        TEXT,                         -- a news sitemap's publication name
    errors        INTEGER NOT NULL DEFAULT 0,   -- transient errors in a row
    error         TEXT
);
CREATE INDEX crawl_pages_final ON crawl_pages (final_url);
CREATE INDEX crawl_pages_canonical ON crawl_pages (canonical_url);
CREATE INDEX crawl_pages_todo ON crawl_pages (status, next_check);
CREATE INDEX crawl_pages_source ON crawl_pages (source, status);

-- Feeds and sitemaps as last fetched, for conditional GET.
CREATE TABLE crawl_listings (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    checked_at    TEXT NOT NULL
);

-- Each origin's robots.txt as last read (kept a day).
CREATE TABLE crawl_robots (
    origin     TEXT PRIMARY KEY,
    status     INTEGER NOT NULL,
    body       BLOB NOT NULL,
    fetched_at REAL NOT NULL                    -- seconds since the epoch
);

-- Documents that are versions of one article (the same URL, another text): version 1 is the first
-- text stored; every version is kept.
CREATE TABLE article_versions (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    url         TEXT NOT NULL,                  -- normalised article URL, shared by its versions
    version     INTEGER NOT NULL,
    fetched_at  TEXT,
    UNIQUE (url, version)
);
