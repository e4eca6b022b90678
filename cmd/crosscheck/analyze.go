package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/compare"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/report"
)

type analyzeCmd struct{}

func (*analyzeCmd) Name() string { return "analyze" }
func (*analyzeCmd) Synopsis() string {
	return "the main job: ingest articles, analyse them, group stories, print the cross-source report"
}

const analyzeUsage = `
Usage: crosscheck analyze [flags] PATH|URL|- …

Ingests every article under the given files, folders, feeds (file or
http(s) URL) or stdin, runs the language layer (entities, dates, who said
what), groups the articles into stories and prints, for each story touched by
the input, the cross-source report: disputes and denials first, then
corroborated and single-source claims, non-answers, how independent the
sources are, the timeline, and background. Every line cites its sentence as
[A s3]: article A (listed at the top), sentence 3.

The database (--db, default crosscheck.db in the current folder) keeps
everything, so a second run over the same folder adds nothing and a run over
a new folder updates the stories. Use --db :memory: for a one-shot run.

Examples:
  crosscheck analyze examples/seeds/
  crosscheck analyze --format html articles/ > report.html
  crosscheck analyze --format json feed.xml | jq '.stories[0].findings'
  crosscheck --db :memory: analyze --date 2025-01-31 notes.txt
`

func (*analyzeCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("analyze", analyzeUsage)
	format := fs.String("format", "text", "output: "+strings.Join(report.Formats, ", "))
	date := fs.String("date", "", "publication date for plain-text inputs that carry none (YYYY-MM-DD)")
	outlet := fs.String("outlet", "", "outlet name for inputs that carry none")
	workers := fs.Int("workers", 0, "parallel workers (0: one per CPU)")
	all := fs.Bool("all", false, "report every story in the database, not only those touched by the input")
	quiet := fs.Bool("quiet", false, "no progress bar")
	rebuild := fs.Bool("rebuild", false, "reconcile every story again, even those whose stored report is current")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !validFormat(*format) {
		return &usageError{cmd: "analyze", err: fmt.Errorf("--format %q: expected one of %s", *format, strings.Join(report.Formats, ", "))}
	}
	if *date != "" {
		if _, _, err := ingest.ParseDate(*date); err != nil {
			return &usageError{cmd: "analyze", err: fmt.Errorf("--date: %w", err)}
		}
	}
	if fs.NArg() == 0 && !*all {
		return &usageError{cmd: "analyze", err: fmt.Errorf("no input: give files, folders, feed URLs or - for stdin")}
	}
	st, err := openStore(ctx, m.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	an, err := nlp.New()
	if err != nil {
		return fmt.Errorf("analyze: load models: %w", err)
	}
	prog := newProgress(m.Stderr, *quiet)
	defer prog.Finish()
	in := ingestOptions(*date, *outlet, *workers)
	in.Stdin, in.Progress = m.Stdin, prog.Update
	res, err := pipeline.Run(ctx, st, an, fs.Args(), pipeline.RunOptions{
		Ingest:  in,
		Analyze: pipeline.AnalyzeOptions{Workers: *workers, Progress: prog.Update},
		Stories: pipeline.StoryOptions{Compare: compare.Options{Now: time.Now()}, Progress: prog.Update, Rebuild: *rebuild},
	})
	prog.Finish()
	if err != nil {
		return err
	}
	for _, e := range res.Ingest.Errors {
		fmt.Fprintln(m.Stderr, e)
	}
	fmt.Fprintln(m.Stderr, res.Ingest.String())
	stories := res.Touched
	if *all {
		if stories, err = res.Stories.All(ctx); err != nil {
			return err
		}
	}
	report.Order(stories)
	if err := report.Write(m.Stdout, *format, stories, report.Options{Color: *format == "text" && isTerminal(os.Stdout)}); err != nil {
		return fmt.Errorf("analyze: write report: %w", err)
	}
	if res.Ingest.Failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("analyze: %d input(s) failed (listed above)", res.Ingest.Failed)}
	}
	return nil
}

func validFormat(f string) bool {
	for _, x := range report.Formats {
		if f == x {
			return true
		}
	}
	return f == "md"
}
