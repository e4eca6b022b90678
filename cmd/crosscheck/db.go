package main

import (
	"context"

	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/postgres"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// openStore opens the store named by dsn: "postgres://…" or "postgresql://…"
// selects PostgreSQL, ":memory:" an in-memory SQLite database for one-shot
// runs, and anything else a SQLite file (defaultDB when empty). The engines'
// errors name the database, with any password redacted.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if postgres.IsDSN(dsn) {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, err // a nil *DB must not become a non-nil Store
		}
		return s, nil
	}
	if dsn == "" {
		dsn = defaultDB
	}
	s, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return s, nil
}
