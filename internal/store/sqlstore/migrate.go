package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads NNNN_name.sql files, in version order. Gaps and
// duplicate numbers are errors: a schema that skips a step is not the schema.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("migrations: read: %w", err)
	}
	var ms []migration
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migrations: %s: expected NNNN_name.sql", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("migrations: %s: %w", name, err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations: %s: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate applies every migration newer than the database's schema_version,
// each in its own transaction together with its schema_version row, so a crash
// leaves the schema at a whole step. A database newer than this binary is an
// error rather than something to guess about.
func migrate(ctx context.Context, db *sql.DB, d Dialect) error {
	ms, err := loadMigrations(d.Migrations)
	if err != nil {
		return fmt.Errorf("%s: %w", d.Name, err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("%s: migrate: connect: %w", d.Name, err)
	}
	defer conn.Close()
	if d.Lock != nil {
		unlock, err := d.Lock(ctx, conn)
		if err != nil {
			return fmt.Errorf("%s: migrate: lock: %w", d.Name, err)
		}
		defer unlock()
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version BIGINT PRIMARY KEY,
		name TEXT NOT NULL,
		applied_ns BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("%s: migrate: schema_version: %w", d.Name, err)
	}
	for _, m := range ms {
		if err := applyOne(ctx, conn, m); err != nil {
			return fmt.Errorf("%s: migrate: %s: %w", d.Name, m.name, err)
		}
	}
	var newest int
	if err := conn.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&newest); err != nil {
		return fmt.Errorf("%s: migrate: read version: %w", d.Name, err)
	}
	if newest > len(ms) {
		return fmt.Errorf("%s: migrate: database schema version %d is newer than this binary's %d: upgrade crosscheck", d.Name, newest, len(ms))
	}
	return nil
}

func applyOne(ctx context.Context, conn *sql.Conn, m migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // no-op after Commit
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version WHERE version = $1`, m.version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_ns) VALUES ($1, $2, $3)`,
		m.version, m.name, nowNanos()); err != nil {
		return err
	}
	return tx.Commit()
}
