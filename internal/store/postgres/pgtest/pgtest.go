// Package pgtest gives tests a real, throwaway PostgreSQL server.
//
// Start honours TEST_POSTGRES_URL (a server you run yourself); otherwise it
// finds Debian's initdb and pg_ctl (PATH, then the newest
// /usr/lib/postgresql/*/bin), creates a cluster in a temporary directory,
// starts it on a free 127.0.0.1 port and returns its DSN. PostgreSQL refuses to
// run as root, so when the tests run as root the cluster is created and run as
// the unprivileged "postgres" system user (which Debian's package creates).
//
// When no server can be had, Start returns ErrUnavailable: callers skip the
// test locally, but must fail when CI=true, because in CI the PostgreSQL suite
// has to run for real (see Must).
package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

// ErrUnavailable means neither TEST_POSTGRES_URL nor PostgreSQL binaries were found.
var ErrUnavailable = errors.New("pgtest: no PostgreSQL: set TEST_POSTGRES_URL or install postgresql (scripts/install-test-deps.sh)")

// Server is a running test server.
type Server struct {
	// DSN connects to the server's "postgres" database as a superuser.
	DSN  string
	stop func()
	n    int
}

// Stop shuts the server down and removes its files (no-op for TEST_POSTGRES_URL).
func (s *Server) Stop() {
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
}

// NewDatabase creates a fresh, empty database and returns its DSN, so tests
// sharing one server do not see each other's rows.
func (s *Server) NewDatabase(ctx context.Context) (string, error) {
	s.n++
	name := fmt.Sprintf("t%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, s.n)
	db, err := sql.Open("pgx", s.DSN)
	if err != nil {
		return "", fmt.Errorf("pgtest: new database: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		return "", fmt.Errorf("pgtest: create database %s: %w", name, err)
	}
	return withDB(s.DSN, name), nil
}

// withDB replaces the database name in a URL DSN.
func withDB(dsn, name string) string {
	base, query, _ := strings.Cut(dsn, "?")
	if i := strings.LastIndex(base, "/"); i > len("postgres://") {
		base = base[:i]
	}
	out := base + "/" + name
	if query != "" {
		out += "?" + query
	}
	return out
}

// Start returns a server: TEST_POSTGRES_URL when set, else a new local cluster.
// Call Stop when done (TestMain: after m.Run).
func Start(ctx context.Context) (*Server, error) {
	if u := os.Getenv("TEST_POSTGRES_URL"); u != "" {
		return &Server{DSN: u}, nil
	}
	bin := findBin()
	if bin == "" {
		return nil, ErrUnavailable
	}
	dir, err := os.MkdirTemp(baseDir(), "crosscheck-pg-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	cleanup := func() { os.RemoveAll(dir) }
	run, err := runner(dir)
	if err != nil {
		cleanup()
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if out, err := run(ctx, filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust",
		"-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		cleanup()
		return nil, fmt.Errorf("pgtest: initdb: %w: %s", err, out)
	}
	port, err := freePort()
	if err != nil {
		cleanup()
		return nil, err
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, dir)
	logf := filepath.Join(dir, "log")
	if out, err := run(ctx, filepath.Join(bin, "pg_ctl"), "-D", data, "-l", logf, "-o", opts, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(logf)
		cleanup()
		return nil, fmt.Errorf("pgtest: pg_ctl start: %w: %s %s", err, out, log)
	}
	s := &Server{DSN: fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)}
	s.stop = func() {
		_, _ = run(context.Background(), filepath.Join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop")
		cleanup()
	}
	return s, nil
}

// Must is Start for TestMain: it returns nil (after printing why) when no
// server is available, so tests can skip, but exits the process when CI=true.
func Must() *Server {
	s, err := Start(context.Background())
	if err == nil {
		return s
	}
	if os.Getenv("CI") == "true" || !errors.Is(err, ErrUnavailable) {
		fmt.Fprintln(os.Stderr, "FAIL:", err)
		if os.Getenv("CI") == "true" {
			fmt.Fprintln(os.Stderr, "pgtest: CI=true, so the PostgreSQL suite may not be skipped")
		}
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "pgtest: skipping PostgreSQL tests:", err)
	return nil
}

// findBin returns the directory holding initdb and pg_ctl, or "".
func findBin() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		// Resolve symlinks (/usr/local/bin/initdb → /usr/lib/postgresql/15/bin/initdb)
		// so the directory is the real one holding pg_ctl and postgres.
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r
		}
		d := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	return ""
}

// version is the major version in /usr/lib/postgresql/NN/bin.
func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// runner returns how to run server binaries: directly, or as the postgres
// user when we are root (then dir is handed to that user).
func runner(dir string) (func(ctx context.Context, name string, args ...string) ([]byte, error), error) {
	direct := func(ctx context.Context, name string, args ...string) ([]byte, error) {
		return exec.CommandContext(ctx, name, args...).CombinedOutput()
	}
	if os.Geteuid() != 0 {
		return direct, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("pgtest: running as root needs the unprivileged 'postgres' user (apt-get install postgresql creates it): %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, fmt.Errorf("pgtest: chown %s: %w", dir, err)
	}
	// The temp dir's parents must be traversable by the postgres user.
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, fmt.Errorf("pgtest: chmod %s: %w", dir, err)
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil {
		return nil, fmt.Errorf("pgtest: running as root needs runuser (util-linux): %w", err)
	}
	return func(ctx context.Context, name string, args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, runuser, append([]string{"-u", "postgres", "--", name}, args...)...)
		cmd.Dir = dir
		return cmd.CombinedOutput()
	}, nil
}

// baseDir is where the cluster directory goes: the usual temp dir, unless we
// are root and the postgres user could not reach it (TMPDIR under /root), in
// which case /tmp.
func baseDir() string {
	d := os.TempDir()
	if os.Geteuid() != 0 {
		return d
	}
	for p := d; ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm()&0o001 == 0 {
			return "/tmp"
		}
		if p == filepath.Dir(p) {
			return d
		}
	}
}

// freePort asks the kernel for an unused TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
