package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck/internal/compare"
	"github.com/crosscheck/crosscheck/internal/report"
	"github.com/crosscheck/crosscheck/internal/store"
)

type storiesCmd struct{}

func (*storiesCmd) Name() string     { return "stories" }
func (*storiesCmd) Synopsis() string { return "list the stories in the database" }

const storiesUsage = `
Usage: crosscheck stories [--search Q] [--outlet O] [--entity E] [--limit N] [--format text|json]

Lists stored stories, most recently active first, with their counts of
articles, disputes, denials and corroborated claims. Stories are built by
'crosscheck analyze' (or 'crosscheck serve' on ingest).

Examples:
  crosscheck stories
  crosscheck stories --entity "elon musk" --format json
  crosscheck report $(crosscheck stories --format json | jq -r '.[0].id')
`

type storyLine struct {
	ID       string          `json:"id"`
	Title    string          `json:"title"`
	First    string          `json:"first,omitempty"`
	Last     string          `json:"last,omitempty"`
	Articles int             `json:"articles"`
	Counts   json.RawMessage `json:"counts,omitempty"`
}

func (*storiesCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("stories", storiesUsage)
	search := fs.String("search", "", "words in the story title")
	outlet := fs.String("outlet", "", "only stories with an article from this outlet")
	entity := fs.String("entity", "", "only stories mentioning this entity (key or name)")
	limit := fs.Int("limit", 100, "at most this many stories")
	format := fs.String("format", "text", "text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return &usageError{cmd: "stories", err: fmt.Errorf("--format %q: expected text or json", *format)}
	}
	st, err := openStore(ctx, m.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	recs, err := st.ListStories(ctx, store.StoryQuery{Search: *search, Outlet: *outlet, Entity: *entity, Limit: *limit})
	if err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	lines := make([]storyLine, 0, len(recs))
	for _, r := range recs {
		l := storyLine{ID: r.ID, Title: r.Title, Articles: len(r.ArticleIDs), Counts: json.RawMessage(r.Summary)}
		if !r.First.IsZero() {
			l.First = r.First.UTC().Format("2006-01-02")
		}
		if !r.Last.IsZero() {
			l.Last = r.Last.UTC().Format("2006-01-02")
		}
		if len(l.Counts) == 0 {
			l.Counts = nil
		}
		lines = append(lines, l)
	}
	if *format == "json" {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(lines)
	}
	if len(lines) == 0 {
		fmt.Fprintln(m.Stderr, "no stories (run 'crosscheck analyze PATH' first)")
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tLAST\tARTICLES\tDISPUTED\tDENIED\tCORROB.\tTITLE")
	for _, l := range lines {
		var c compare.Counts
		_ = json.Unmarshal(l.Counts, &c)
		title := l.Title
		if len(title) > 70 {
			title = title[:strings.LastIndex(title[:70], " ")+1] + "…"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\n", l.ID, l.Last, l.Articles, c.Disputed, c.Denied, c.Corroborated, title)
	}
	return tw.Flush()
}

type reportCmd struct{}

func (*reportCmd) Name() string     { return "report" }
func (*reportCmd) Synopsis() string { return "print the cross-source report of stored stories" }

const reportUsage = `
Usage: crosscheck report [--format text|markdown|json|html] STORY…

Prints the stored report of each story (ids from 'crosscheck stories'), or of
every story with --all.

Examples:
  crosscheck report s-1a2b3c4d
  crosscheck report --format html s-1a2b3c4d > story.html
  crosscheck report --all --format json
`

func (*reportCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("report", reportUsage)
	format := fs.String("format", "text", "output: "+strings.Join(report.Formats, ", "))
	all := fs.Bool("all", false, "every stored story")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !validFormat(*format) {
		return &usageError{cmd: "report", err: fmt.Errorf("--format %q: expected one of %s", *format, strings.Join(report.Formats, ", "))}
	}
	ids := fs.Args()
	if len(ids) == 0 && !*all {
		return &usageError{cmd: "report", err: errors.New("no story given (list them with 'crosscheck stories')")}
	}
	st, err := openStore(ctx, m.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if *all {
		recs, err := st.ListStories(ctx, store.StoryQuery{})
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		for _, r := range recs {
			ids = append(ids, r.ID)
		}
	}
	var stories []*compare.Story
	for _, id := range ids {
		rec, err := st.GetStory(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return &exitError{code: 1, msg: fmt.Sprintf("report: no story %q (list them with 'crosscheck stories')", id)}
		}
		if err != nil {
			return fmt.Errorf("report: story %s: %w", id, err)
		}
		var s compare.Story
		if err := json.Unmarshal(rec.Report, &s); err != nil {
			return fmt.Errorf("report: story %s: stored report is unreadable (re-run analyze): %w", id, err)
		}
		stories = append(stories, &s)
	}
	if *all {
		report.Order(stories)
	}
	return report.Write(m.Stdout, *format, stories, report.Options{Color: *format == "text" && isTerminal(os.Stdout)})
}
