package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

type benchCmd struct{}

func (*benchCmd) Name() string { return "bench" }
func (*benchCmd) Synopsis() string {
	return "time the whole pipeline over a corpus and report articles/s and memory"
}

const benchUsage = `
Usage: crosscheck bench [--db DB] [--workers N] PATH…

Runs the main job (ingest → analyze → stories → reconcile) over the given
inputs into a fresh database (a temporary SQLite file unless --db is given)
and prints the time of each stage, articles per second end to end, and the
peak resident memory of the process.

Example (10,000 real news texts; see scripts/bench-corpus.sh):
  bash scripts/bench-corpus.sh 10000 > /tmp/corpus.jsonl
  crosscheck bench /tmp/corpus.jsonl
`

func (*benchCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("bench", benchUsage)
	workers := fs.Int("workers", 0, "parallel workers (0: one per CPU)")
	dbSet := false
	for _, a := range args {
		if a == "--db" || a == "-db" || strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db=") {
			dbSet = true
		}
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{cmd: "bench", err: fmt.Errorf("no input corpus given")}
	}
	dsn := m.DB
	if !dbSet {
		dir, err := os.MkdirTemp("", "crosscheck-bench-")
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(dir)
		dsn = filepath.Join(dir, "bench.db")
	}
	st, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	t0 := time.Now()
	an, err := nlp.New()
	if err != nil {
		return fmt.Errorf("bench: load models: %w", err)
	}
	tLoad := time.Since(t0)
	times := map[string]time.Duration{}
	stage := func(name string, f func() error) error {
		s := time.Now()
		err := f()
		times[name] = time.Since(s)
		return err
	}
	var sum pipeline.IngestSummary
	if err := stage("ingest", func() error {
		var err error
		sum, err = pipeline.Ingest(ctx, st, fs.Args(), ingestOptions("", "", *workers))
		return err
	}); err != nil {
		return err
	}
	var analysed int
	if err := stage("analyze", func() error {
		var err error
		analysed, err = pipeline.AnalyzePending(ctx, st, an, pipeline.AnalyzeOptions{Workers: *workers})
		return err
	}); err != nil {
		return err
	}
	var nStories int
	if err := stage("stories", func() error {
		ss, err := pipeline.BuildStories(ctx, st, pipeline.StoryOptions{})
		if ss != nil {
			nStories = len(ss.IDs)
		}
		return err
	}); err != nil {
		return err
	}
	total := times["ingest"] + times["analyze"] + times["stories"]
	n, _ := st.CountArticles(ctx)
	fmt.Fprintf(m.Stdout, "corpus: %s\n", strings.Join(fs.Args(), " "))
	fmt.Fprintf(m.Stdout, "machine: %d CPUs, %s, GOMAXPROCS %d\n", runtime.NumCPU(), runtime.Version(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(m.Stdout, "model load: %v\n", tLoad.Round(time.Millisecond))
	fmt.Fprintf(m.Stdout, "ingest:  %8v  %d stored (%s)\n", times["ingest"].Round(time.Millisecond), n, sum.String())
	fmt.Fprintf(m.Stdout, "analyze: %8v  %d articles, %.0f articles/s\n", times["analyze"].Round(time.Millisecond), analysed, rate(analysed, times["analyze"]))
	fmt.Fprintf(m.Stdout, "stories: %8v  %d stories\n", times["stories"].Round(time.Millisecond), nStories)
	fmt.Fprintf(m.Stdout, "total:   %8v  %.0f articles/s end to end\n", total.Round(time.Millisecond), rate(n, total))
	fmt.Fprintf(m.Stdout, "peak RSS: %s\n", peakRSS())
	return nil
}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// peakRSS reads the process's high-water resident memory from /proc (Linux).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.Atoi(f[1])
				return fmt.Sprintf("%.0f MiB", float64(kb)/1024)
			}
		}
	}
	return "unknown"
}
