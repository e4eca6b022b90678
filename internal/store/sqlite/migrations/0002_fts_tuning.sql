-- 0002: let FTS5 merge index segments in larger steps: fewer, bigger merges
-- make bulk ingestion faster at a small cost in index size between merges.
INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 8);
