package main

import (
	"context"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

type ingestCmd struct{}

func (*ingestCmd) Name() string { return "ingest" }
func (*ingestCmd) Synopsis() string {
	return "store articles from files, folders, feeds, URLs or stdin (idempotent)"
}

const ingestUsage = `
Usage: crosscheck ingest [--date D] [--outlet O] [--quiet] PATH|URL|- …

Reads articles and stores them in the database (--db). Re-ingesting the same
input adds nothing; near-duplicates (syndicated copies, light edits) are stored
as copies of their original and never count as separate sources.

Formats, detected by extension and content:
  seed text   a file that begins with " date YYYY-MM-DD", then the body
  plain text  the date comes from --date, else it is unknown (never invented)
  HTML        article pages: main text by readability; title, date, outlet
              from <meta>, OpenGraph and JSON-LD NewsArticle
  RSS / Atom  files or http(s) URLs; summary-only items get their page fetched
  JSONL       {"id","date","outlet","url","title","text"} per line
  folders     read recursively in sorted order; "-" reads stdin

A bad input is reported as "path[:line]: what was wrong, what was expected";
the rest is stored and the exit status is 1.

Examples:
  crosscheck ingest examples/seeds/
  crosscheck ingest https://example.org/rss.xml
  crosscheck ingest --date 2025-01-31 --outlet "Daily Planet" notes.txt
  cat articles.jsonl | crosscheck ingest -
`

func (*ingestCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("ingest", ingestUsage)
	date := fs.String("date", "", "publication date for plain-text inputs that carry none (YYYY-MM-DD)")
	outlet := fs.String("outlet", "", "outlet name for inputs that carry none")
	workers := fs.Int("workers", 0, "parallel page fetches for feeds (0: 4)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{cmd: "ingest", err: fmt.Errorf("no input: give files, folders, feed URLs or - for stdin")}
	}
	if *date != "" {
		if _, _, err := ingest.ParseDate(*date); err != nil {
			return &usageError{cmd: "ingest", err: fmt.Errorf("--date: %w", err)}
		}
	}
	st, err := openStore(ctx, m.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	prog := newProgress(m.Stderr, *quiet)
	opt := ingestOptions(*date, *outlet, *workers)
	opt.Stdin, opt.Progress = m.Stdin, prog.Update
	sum, err := pipeline.Ingest(ctx, st, fs.Args(), opt)
	prog.Finish()
	for _, e := range sum.Errors {
		fmt.Fprintln(m.Stderr, e)
	}
	fmt.Fprintln(m.Stdout, sum.String())
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("ingest: %d input(s) failed (listed above)", sum.Failed)}
	}
	return nil
}
