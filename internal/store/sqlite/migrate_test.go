package sqlite

import (
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/schema.golden")

// TestSchemaGolden pins the migrated schema, so a change to it is a visible
// diff in review (regenerate with -update).
func TestSchemaGolden(t *testing.T) {
	s, err := Open(context.Background(), Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.SQL().Query(`SELECT type, name, COALESCE(sql, '') FROM sqlite_master
		WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'article_fts_%' ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, sql string
		if err := rows.Scan(&typ, &name, &sql); err != nil {
			t.Fatal(err)
		}
		b.WriteString("-- " + typ + " " + name + "\n" + sql + ";\n\n")
	}
	golden := filepath.Join("testdata", "schema.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("schema differs from %s (run with -update if intended):\n%s", golden, b.String())
	}
}

func TestReopenAndNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	for i := 0; i < 2; i++ { // the second open applies nothing
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		var n int
		if err := s.SQL().QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&n); err != nil || n != migrationCount(t) {
			t.Errorf("open %d: schema_version rows = %d, %v; want %d", i, n, err, migrationCount(t))
		}
		if i == 1 {
			if _, err := s.SQL().Exec(`INSERT INTO schema_version (version, name, applied_ns) VALUES (99, 'future', 0)`); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
	}
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("open of a newer schema: err = %v, want a 'newer' error", err)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, path := range []string{"", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")} {
		if s, err := Open(context.Background(), path); err == nil {
			s.Close()
			t.Errorf("Open(%q): want error", path)
		} else if path != "" && !strings.Contains(err.Error(), path) {
			t.Errorf("Open(%q): error %q does not name the path", path, err)
		}
	}
}

// migrationCount is the number of embedded migrations: one schema_version row each.
func migrationCount(t *testing.T) int {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	return len(names)
}
