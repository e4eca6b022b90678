package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/crosscheck/crosscheck/internal/store/storetest"
)

// crashEnv names the database the helper process writes to; when set, the
// test binary is the writer that TestCrashConsistency kills.
const crashEnv = "CROSSCHECK_STORE_CRASH_DB"

const crashBatch = 200

// TestCrashWriter is the helper process: it stores batches of articles
// forever, printing the running count after each commit, until killed.
func TestCrashWriter(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("helper process for TestCrashConsistency")
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	arts := storetest.Corpus("crash", 200*crashBatch, 2048)
	for lo := 0; lo < len(arts); lo += crashBatch {
		if _, err := s.PutArticles(context.Background(), arts[lo:lo+crashBatch]); err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		fmt.Println("committed", lo+crashBatch)
	}
	os.Exit(0)
}

// TestCrashConsistency kills a writer with SIGKILL in the middle of a batch
// and checks that the reopened file is intact and holds whole batches only.
func TestCrashConsistency(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		t.Skip("inside the helper process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	committed := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "error:") {
			t.Fatalf("writer: %s", line)
		}
		if n, ok := strings.CutPrefix(line, "committed "); ok {
			committed, _ = strconv.Atoi(n)
			if committed >= 3*crashBatch {
				break // the writer is now inside its next batch
			}
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if committed < 3*crashBatch {
		t.Fatalf("writer stopped after %d articles", committed)
	}

	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.SQL().QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	if _, err := s.SQL().Exec(`INSERT INTO article_fts (article_fts) VALUES ('integrity-check')`); err != nil {
		t.Fatalf("FTS index inconsistent: %v", err)
	}
	n, err := s.CountArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n%crashBatch != 0 || n < committed {
		t.Errorf("after kill: %d articles, want a whole number of %d-article batches ≥ %d", n, crashBatch, committed)
	}
	var fts int
	if err := s.SQL().QueryRow(`SELECT COUNT(*) FROM article_fts`).Scan(&fts); err != nil || fts != n {
		t.Errorf("FTS rows = %d, %v; want %d", fts, err, n)
	}
	t.Logf("killed after %d committed; %d stored", committed, n)
}
