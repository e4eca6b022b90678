-- 0001: articles with full-text search, versioned analyses and their entity
-- index, stories with members. Same tables, columns and meaning as the SQLite
-- schema; times are Unix nanoseconds (UTC), NULL when unknown.
CREATE TABLE article (
	seq               BIGINT GENERATED ALWAYS AS IDENTITY,
	id                TEXT PRIMARY KEY,
	external_id       TEXT NOT NULL DEFAULT '',
	outlet            TEXT NOT NULL DEFAULT '',
	outlet_confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
	url               TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL DEFAULT '',
	published_ns      BIGINT,
	date_precision    TEXT NOT NULL DEFAULT '',
	body              TEXT NOT NULL,
	source            TEXT NOT NULL DEFAULT '',
	ingested_ns       BIGINT NOT NULL,
	duplicate_of      TEXT NOT NULL DEFAULT '',
	sketch            BIGINT NOT NULL DEFAULT 0,
	-- effective_ns orders articles: published_ns, else ingested_ns.
	effective_ns      BIGINT NOT NULL,
	-- search is the full-text vector over title and body (English stemming,
	-- like FTS5's porter tokenizer on SQLite).
	search            tsvector GENERATED ALWAYS AS (
		to_tsvector('english', title || ' ' || body)) STORED
);
CREATE INDEX article_effective ON article (effective_ns, id);
CREATE INDEX article_outlet ON article (outlet, effective_ns);
CREATE INDEX article_duplicate ON article (duplicate_of);
CREATE INDEX article_search ON article USING GIN (search);

CREATE TABLE analysis (
	article_id TEXT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	version    TEXT NOT NULL,
	data       JSONB NOT NULL,
	updated_ns BIGINT NOT NULL,
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
	first_ns   BIGINT,
	last_ns    BIGINT,
	summary    BYTEA,
	report     BYTEA,
	updated_ns BIGINT,
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
