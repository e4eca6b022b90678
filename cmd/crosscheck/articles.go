package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/store"
)

type articlesCmd struct{}

func (*articlesCmd) Name() string     { return "articles" }
func (*articlesCmd) Synopsis() string { return "list or search stored articles" }

const articlesUsage = `
Usage: crosscheck articles [--search Q] [--outlet O] [--from D] [--to D] [--limit N] [--format text|json]

Lists stored articles by date (undated ones by ingestion time). --search is a
full-text search over titles and bodies (all words must match).

Output (json): an array of articles with "id", "outlet", "outlet_confidence",
"url", "title", "published", "date_precision", "source", "ingested",
"duplicate_of" and, with --body, "body".

Examples:
  crosscheck articles
  crosscheck articles --search "Musk Iravani" --format json
  crosscheck articles --outlet AP --from 2024-11-01
`

func (*articlesCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("articles", articlesUsage)
	search := fs.String("search", "", "full-text query")
	outlet := fs.String("outlet", "", "only this outlet")
	from := fs.String("from", "", "only articles from this date (YYYY-MM-DD)")
	to := fs.String("to", "", "only articles up to this date, inclusive")
	limit := fs.Int("limit", 0, "at most this many (0: all)")
	copies := fs.Bool("copies", false, "include near-duplicate copies")
	body := fs.Bool("body", false, "include bodies in JSON output")
	format := fs.String("format", "text", "text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return &usageError{cmd: "articles", err: fmt.Errorf("--format %q: expected text or json", *format)}
	}
	q := store.ArticleQuery{Search: *search, Outlet: *outlet, Limit: *limit, IncludeDuplicates: *copies}
	for _, d := range []struct {
		name, v string
		dst     *time.Time
		add     int
	}{{"--from", *from, &q.From, 0}, {"--to", *to, &q.To, 1}} {
		if d.v == "" {
			continue
		}
		t, _, err := ingest.ParseDate(d.v)
		if err != nil {
			return &usageError{cmd: "articles", err: fmt.Errorf("%s: %w", d.name, err)}
		}
		*d.dst = t.AddDate(0, 0, d.add)
	}
	st, err := openStore(ctx, m.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	arts, err := st.ListArticles(ctx, q)
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	if *format == "json" {
		if !*body {
			for _, a := range arts {
				a.Body = ""
			}
		}
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		if arts == nil {
			return enc.Encode([]any{})
		}
		return enc.Encode(arts)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tOUTLET\tID\tTITLE")
	for _, a := range arts {
		date := a.Date()
		if date == "" {
			date = "undated"
		}
		title := a.Title
		if title == "" {
			title = a.Body
		}
		if len(title) > 70 {
			title = title[:70] + "…"
		}
		out := a.Outlet
		if out == "" {
			out = "-"
		} else if a.OutletConfidence < 1 {
			out += "?"
		}
		if a.DuplicateOf != "" {
			title = "(copy of " + a.DuplicateOf[:8] + ") " + title
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", date, out, a.ID[:12], title)
	}
	return tw.Flush()
}
