"""The store's schema as numbered migrations; each is applied once and recorded in ``migrations``."""

from __future__ import annotations

# (version, SQL). Append only: a released migration is never edited, a new one is added.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    site TEXT,
    source TEXT,
    language TEXT,
    published TEXT,
    title TEXT,
    lead TEXT,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    group_id TEXT,
    input TEXT,
    ingested TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_language ON articles(language);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_group ON articles(group_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, lead, text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, lead, text) VALUES (new.rowid, new.title, new.lead, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, lead, text)
    VALUES ('delete', old.rowid, old.title, old.lead, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, lead, text)
    VALUES ('delete', old.rowid, old.title, old.lead, old.text);
    INSERT INTO articles_fts(rowid, title, lead, text) VALUES (new.rowid, new.title, new.lead, new.text);
END;

-- exact duplicates: stored once, every other id/url that had the same text points to the kept one
CREATE TABLE duplicates (
    id TEXT PRIMARY KEY,
    url TEXT,
    same_as TEXT NOT NULL,
    input TEXT
);

-- near duplicates: MinHash signatures and their LSH band keys, so the index survives restarts
CREATE TABLE minhash (id TEXT PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE lsh_bands (
    band INTEGER NOT NULL, key INTEGER NOT NULL, id TEXT NOT NULL,
    PRIMARY KEY (band, key, id)
) WITHOUT ROWID;

CREATE TABLE failures (
    n INTEGER PRIMARY KEY,
    input TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT,
    at TEXT NOT NULL
);
CREATE INDEX failures_input ON failures(input);

-- inputs (pages, whole files) already handled: a rerun skips them
CREATE TABLE done_inputs (key TEXT PRIMARY KEY, status TEXT NOT NULL, at TEXT NOT NULL);
"""),
)
