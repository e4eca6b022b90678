package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// TestKillIngest kills a real `crosscheck ingest` mid-batch and checks that
// the database opens, holds only whole articles, and that re-running the
// ingest completes it without duplicates.
func TestKillIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "crosscheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	const n = 6000
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"id":"k%d","date":"2025-01-%02d","outlet":"Wire %d","text":"Report %d: officials in city %d said on Monday that inspection %d found %d faults at plant %d, and the operator denied it. %s"}`+"\n",
			i, 1+i%28, i%17, i, i%311, i, i%97, i%53, strings.Repeat(fmt.Sprintf("Detail %d of the case was reported by witness %d. ", i, i%13), 40))
	}
	input := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(input, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "kill.db")
	cmd := exec.Command(bin, "--db", db, "ingest", "--quiet", input)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some batches are committed, then kill without warning.
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() > 1<<20 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()

	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatalf("database unusable after kill: %v", err)
	}
	got, err := st.CountArticles(ctx)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got%500 != 0 || got >= n {
		t.Errorf("after the kill the store holds %d articles: want whole 500-article batches and fewer than %d", got, n)
	}
	t.Logf("killed after %d of %d articles", got, n)
	out, err := exec.Command(bin, "--db", db, "ingest", "--quiet", input).CombinedOutput()
	if err != nil {
		t.Fatalf("re-run: %v\n%s", err, out)
	}
	var ing, dup, near, failed int
	if _, err := fmt.Sscanf(string(out), "ingested %d, duplicates %d, near-duplicates %d, failed %d", &ing, &dup, &near, &failed); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if dup != got || ing+near != n-got || failed != 0 {
		t.Errorf("re-run summary %q: want the %d stored articles as duplicates and the other %d new", out, got, n-got)
	}
}
