-- 0001: articles with full-text search, versioned analyses and their entity
-- index, stories with members. Times are Unix nanoseconds (UTC), NULL when unknown.
CREATE TABLE article (
	seq               INTEGER PRIMARY KEY,
	id                TEXT NOT NULL UNIQUE,
	external_id       TEXT NOT NULL DEFAULT '',
	outlet            TEXT NOT NULL DEFAULT '',
	outlet_confidence REAL NOT NULL DEFAULT 0,
	url               TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL DEFAULT '',
	published_ns      INTEGER,
	date_precision    TEXT NOT NULL DEFAULT '',
	body              TEXT NOT NULL,
	source            TEXT NOT NULL DEFAULT '',
	ingested_ns       INTEGER NOT NULL,
	duplicate_of      TEXT NOT NULL DEFAULT '',
	sketch            INTEGER NOT NULL DEFAULT 0,
	-- effective_ns orders articles: published_ns, else ingested_ns.
	effective_ns      INTEGER NOT NULL
);
CREATE INDEX article_effective ON article (effective_ns, id);
CREATE INDEX article_outlet ON article (outlet, effective_ns);
CREATE INDEX article_duplicate ON article (duplicate_of);

-- Full-text index over title and body, kept in step by triggers (external content).
CREATE VIRTUAL TABLE article_fts USING fts5 (
	title, body,
	content = 'article', content_rowid = 'seq',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN
	INSERT INTO article_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN
	INSERT INTO article_fts (article_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
END;
CREATE TRIGGER article_fts_au AFTER UPDATE ON article BEGIN
	INSERT INTO article_fts (article_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
	INSERT INTO article_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TABLE analysis (
	article_id TEXT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	version    TEXT NOT NULL,
	data       TEXT NOT NULL,
	updated_ns INTEGER NOT NULL,
	PRIMARY KEY (article_id, version)
);
CREATE INDEX analysis_version ON analysis (version, article_id);

CREATE TABLE article_entity (
	article_id TEXT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	version    TEXT NOT NULL,
	key        TEXT NOT NULL,
	name       TEXT NOT NULL,
	name_fold  TEXT NOT NULL,
	type       TEXT NOT NULL,
	PRIMARY KEY (article_id, version, key)
);
CREATE INDEX article_entity_key ON article_entity (key);
CREATE INDEX article_entity_name ON article_entity (name_fold);

CREATE TABLE story (
	id         TEXT PRIMARY KEY,
	title      TEXT NOT NULL,
	title_fold TEXT NOT NULL,
	first_ns   INTEGER,
	last_ns    INTEGER,
	summary    BLOB,
	report     BLOB,
	updated_ns INTEGER,
	articles   INTEGER NOT NULL
);
CREATE INDEX story_last ON story (last_ns DESC, id);

CREATE TABLE story_member (
	story_id   TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	article_id TEXT NOT NULL,
	PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_member_article ON story_member (article_id);
