// Package postgres is the store for teams: several crosscheck processes share
// one PostgreSQL database through the jackc/pgx/v5 driver (via database/sql,
// so the statements are the very ones the SQLite engine runs).
//
// The schema matches the SQLite one table for table and column for column;
// full-text search uses a generated tsvector column with a GIN index.
// Migrations (migrations/*.sql, embedded) run under pg_advisory_lock, so many
// processes may start at once; articles are inserted with ON CONFLICT DO
// NOTHING, so concurrent ingesters never store one article twice.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/crosscheck/crosscheck/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// lockID is the pg_advisory_lock key that serialises crosscheck migrations
// ("crosschk" in ASCII).
const lockID = 0x63726f737363686b

// IsDSN reports whether dsn names a PostgreSQL database.
func IsDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Redact returns dsn with any password replaced by "xxxxx", for messages.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// Open connects to the database named by dsn and migrates it.
func Open(ctx context.Context, dsn string) (*sqlstore.DB, error) {
	name := Redact(dsn)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: invalid DSN", name)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", name, err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", name, err)
	}
	s, err := sqlstore.New(ctx, db, sqlstore.Dialect{
		Name:       "postgres",
		Migrations: sub,
		SearchCond: func(ph string) string {
			return "a.search @@ to_tsquery('english', " + ph + ")"
		},
		SearchArg: tsQuery,
		Lock:      lock,
		// Transaction-scoped, so it is released at commit or rollback.
		StoriesLock: fmt.Sprintf(`SELECT pg_advisory_xact_lock(%d)`, int64(lockID+1)),
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", name, err)
	}
	return s, nil
}

// lock takes the session-level advisory lock on conn; unlocking releases it
// on the same connection.
func lock(ctx context.Context, conn *sql.Conn) (func(), error) {
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(lockID)); err != nil {
		return nil, err
	}
	return func() {
		_, _ = conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(lockID))
	}, nil
}

// tsQuery turns plain words into a to_tsquery expression where all must
// match. Only runs of letters and digits survive, so no user text is read as
// tsquery syntax.
func tsQuery(q string) (string, bool) {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return "", false
	}
	return strings.Join(words, " & "), true
}
