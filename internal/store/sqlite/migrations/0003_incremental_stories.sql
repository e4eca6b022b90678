-- 0003: incremental story updates.
-- A story's fingerprint names what its cached report was built from (member
-- and copy IDs, pipeline versions), so an unchanged story is not rebuilt.
ALTER TABLE story ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
-- The day-precise dates an analysis mentions: with article_entity, what the
-- story clusterer reads, without decoding whole analyses.
CREATE TABLE article_date (
	article_id TEXT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	version    TEXT NOT NULL,
	value      TEXT NOT NULL,
	PRIMARY KEY (article_id, version, value)
);
