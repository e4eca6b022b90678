// Package sqlite is crosscheck's default store: one SQLite file, opened with the
// pure-Go modernc.org/sqlite driver so the binary stays CGO-free.
//
// The file runs in WAL mode (readers never block the writer), with a busy
// timeout and immediate write transactions so concurrent writers queue instead
// of failing, and foreign keys on. Articles are searchable through an FTS5
// table (porter stemming over unicode61) kept in step by triggers. The schema
// lives in migrations/*.sql, embedded and applied at Open.
//
// ":memory:" opens a private in-memory database for one-shot runs; it uses a
// single connection, since each new connection to :memory: is a new, empty DB.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"unicode"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/crosscheck/crosscheck/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Memory is the path that opens an in-memory database.
const Memory = ":memory:"

// Open opens (creating if needed) the SQLite database at path and migrates it.
func Open(ctx context.Context, path string) (*sqlstore.DB, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: open: empty path")
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if path == Memory {
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s, err := sqlstore.New(ctx, db, sqlstore.Dialect{
		Name:       "sqlite",
		Migrations: sub,
		SearchCond: func(ph string) string {
			return "a.seq IN (SELECT rowid FROM article_fts WHERE article_fts MATCH " + ph + ")"
		},
		SearchArg: ftsQuery,
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return s, nil
}

// dsn builds the driver's connection string: every connection gets the same
// pragmas, and transactions start IMMEDIATE so two writers never deadlock on
// a lock upgrade.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_txlock", "immediate")
	if path == Memory {
		return "file::memory:?" + q.Encode()
	}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-32768)")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// ftsQuery turns plain words into an FTS5 query where all must match: each
// run of letters and digits becomes a quoted term, so no user text is read as
// FTS5 syntax (AND, NEAR, *, column filters).
func ftsQuery(q string) (string, bool) {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return "", false
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " "), true
}
