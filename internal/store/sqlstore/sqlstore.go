// Package sqlstore is the one implementation of store.Store over database/sql
// that both engines share. The SQLite and PostgreSQL packages open the
// connection, supply their migrations and a Dialect for the few places the two
// differ (full-text search, the migration lock), and hand the *sql.DB to New.
//
// Keeping the DML in one place is what makes "same schema, same semantics" true
// rather than hoped for: every statement here runs unchanged on both engines
// ($N placeholders, INSERT … ON CONFLICT, LIMIT/OFFSET).
//
// Storage conventions, identical on both engines:
//   - times are BIGINT nanoseconds since the Unix epoch, UTC; NULL when unknown.
//     Integers sort the same everywhere and round-trip exactly.
//   - the near-duplicate sketch (uint64) is stored bit-for-bit as a signed BIGINT.
//   - analyses are JSON (TEXT on SQLite, JSONB on PostgreSQL); story summaries
//     and reports are opaque bytes (BLOB / BYTEA).
package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
)

// Dialect is what an engine must say about itself.
type Dialect struct {
	// Name is used in error messages ("sqlite", "postgres").
	Name string
	// Migrations holds the engine's numbered NNNN_name.sql files at its root.
	Migrations fs.FS
	// SearchCond returns a boolean SQL condition on the article table aliased
	// "a" that matches the full-text query bound to placeholder ph.
	SearchCond func(ph string) string
	// SearchArg turns the user's plain words into the value bound to the
	// search placeholder; ok is false when no searchable word remains.
	SearchArg func(q string) (arg string, ok bool)
	// StoriesLock, if set, is run first in PutStories' transaction to
	// serialise concurrent replacements (SQLite's immediate transactions
	// already do).
	StoriesLock string
	// Lock, if set, serialises migrations across processes; it runs on the
	// connection that then applies them and returns the unlock function.
	Lock func(ctx context.Context, conn *sql.Conn) (unlock func(), err error)
}

// DB is a store.Store over a database/sql handle.
type DB struct {
	db *sql.DB
	d  Dialect
	// now is the clock used for Ingested; tests may replace it.
	now func() time.Time
}

var _ store.Store = (*DB)(nil)

// New migrates db to the newest schema and returns a store over it. The store
// owns db: Close closes it.
func New(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: db, d: d, now: func() time.Time { return time.Now().UTC() }}
	if err := migrate(ctx, db, d); err != nil {
		return nil, err
	}
	return s, nil
}

// SQL returns the underlying handle, for engine-specific maintenance and tests.
func (s *DB) SQL() *sql.DB { return s.db }

// Close closes the database handle.
func (s *DB) Close() error { return s.db.Close() }

// inTx runs f in a transaction, committing when f returns nil.
func (s *DB) inTx(ctx context.Context, op string, f func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %s: begin: %w", s.d.Name, op, err)
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %s: commit: %w", s.d.Name, op, err)
	}
	return nil
}

// nanos encodes a time for storage; the zero time is NULL.
func nanos(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: clampNanos(t), Valid: true}
}

// clampNanos is t.UnixNano, saturating outside the years 1678-2261 where
// UnixNano is undefined, so query bounds like year 1 or 9999 still compare right.
func clampNanos(t time.Time) int64 {
	switch {
	case t.Year() < 1678:
		return -1 << 63
	case t.Year() > 2261:
		return 1<<63 - 1
	}
	return t.UnixNano()
}

// fromNanos decodes a stored time.
func fromNanos(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}

// args collects positional arguments and hands out their $N placeholders.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("$%d", len(*a))
}

// maxLimit stands for "no limit" in a LIMIT clause both engines accept.
const maxLimit = int64(1<<63 - 1)

func limitClause(a *args, limit, offset int) string {
	l := maxLimit
	if limit > 0 {
		l = int64(limit)
	}
	if offset < 0 {
		offset = 0
	}
	return " LIMIT " + a.add(l) + " OFFSET " + a.add(int64(offset))
}
