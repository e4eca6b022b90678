package postgres

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/postgres/pgtest"
	"github.com/crosscheck/crosscheck/internal/store/storetest"
)

// server is the one cluster this package's tests share; nil means skip.
var server *pgtest.Server

func TestMain(m *testing.M) {
	server = pgtest.Must()
	code := m.Run()
	if server != nil {
		server.Stop()
	}
	os.Exit(code)
}

// fresh returns the DSN of a new empty database, or skips.
func fresh(t *testing.T) string {
	t.Helper()
	if server == nil {
		t.Skip("no PostgreSQL: set TEST_POSTGRES_URL or install postgresql")
	}
	dsn, err := server.NewDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return dsn
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), fresh(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestConcurrentOpen starts several processes' worth of stores at once on an
// empty database: the advisory lock lets exactly one apply the migrations.
func TestConcurrentOpen(t *testing.T) {
	dsn := fresh(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s, err := Open(context.Background(), dsn)
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.SQL().QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&n); err != nil || n != migrationCount(t) {
		t.Errorf("schema_version rows = %d, %v; want %d", n, err, migrationCount(t))
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://bob:secret@db:5432/cc", "postgres://bob:xxxxx@db:5432/cc"},
		{"postgresql://bob@db/cc?password=secret&sslmode=disable", "postgresql://bob@db/cc?password=xxxxx&sslmode=disable"},
		{"postgres://db/cc", "postgres://db/cc"},
	}
	for _, tc := range tests {
		if got := Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOpenErrorHidesPassword(t *testing.T) {
	_, err := Open(context.Background(), "postgres://bob:secret@127.0.0.1:1/cc?connect_timeout=2")
	if err == nil {
		t.Fatal("want error")
	}
	if s := fmt.Sprint(err); strings.Contains(s, "secret") {
		t.Errorf("error leaks the password: %s", s)
	}
}

// TestTwoWriters ingests overlapping batches in opposite orders through two
// separately opened stores (two processes' worth of pools).
func TestTwoWriters(t *testing.T) {
	dsn := fresh(t)
	a, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	storetest.TwoWriters(t, a, b)
}

// migrationCount is the number of embedded migrations: one schema_version row each.
func migrationCount(t *testing.T) int {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	return len(names)
}
