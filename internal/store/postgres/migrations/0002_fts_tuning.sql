-- 0002: on SQLite this step tunes FTS5 merging; PostgreSQL's GIN index needs
-- nothing. Kept so both engines share version numbers for the same schema.
SELECT 1;
