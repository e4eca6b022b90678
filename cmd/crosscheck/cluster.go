package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/cluster/prep"
	"github.com/crosscheck/crosscheck/internal/jsonl"
	"github.com/crosscheck/crosscheck/internal/nlp"
)

type clusterCmd struct{}

func (*clusterCmd) Name() string     { return "cluster" }
func (*clusterCmd) Synopsis() string { return "group JSONL articles into stories" }

const clusterUsage = `
Usage: crosscheck cluster [--workers N] < articles.jsonl > stories.jsonl

Reads article records {"id","date","title","text"} in any order, processes
them in date order (undated ones last, in input order), and writes
{"id","story"} for every input record, in input order.

Each article runs through the language layer first: its named entities and
resolved dates weigh in the grouping. A record without a "date" takes the
publication date of a dateline near the top of its text, if there is one
("September 15 , 2013 11 : 26 pm", "16 September 2013 Last updated ...").
After the streaming pass, similar stories are merged (batch refinement).

Example:
  crosscheck cluster < articles.jsonl | sort -t'"' -k8
`

func (*clusterCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("cluster", clusterUsage)
	workers := fs.Int("workers", 0, "parallel workers for the language layer (0: one per CPU)")
	if err := parse(fs, args); err != nil {
		return err
	}
	type rec struct {
		inputRecord
		line int
		t    time.Time
	}
	var recs []rec
	sc := jsonl.Scanner(m.Stdin)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if strings.TrimSpace(string(b)) == "" {
			continue
		}
		var r rec
		if err := json.Unmarshal(b, &r.inputRecord); err != nil {
			return fmt.Errorf("cluster: stdin:%d: expected a JSON object {\"id\",\"date\",\"text\"}: %w", line, err)
		}
		r.line = line
		if r.Date != "" {
			t, err := parseDate(r.Date)
			if err != nil {
				return fmt.Errorf("cluster: stdin:%d: field \"date\": %w", line, err)
			}
			r.t = t
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("cluster: stdin:%d: %w", line+1, err)
	}
	an, err := nlp.New()
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	in := make([]prep.Record, len(recs))
	for i, r := range recs {
		in[i] = prep.Record{ID: r.ID, Title: r.Title, Text: r.Text, Time: r.t}
	}
	n := *workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	docs := prep.Docs(an, in, n)
	if err := ctx.Err(); err != nil {
		return err
	}
	prep.Order(docs)
	c := cluster.New(cluster.Options{})
	// A batch knows its own vocabulary: weigh with the batch's IDF from the start.
	c.Prime(docs)
	for _, d := range docs {
		c.Add(d)
	}
	c.Refine()
	final := c.Assignments()
	enc := json.NewEncoder(m.Stdout)
	for _, r := range recs {
		story := final[r.ID]
		if err := enc.Encode(map[string]string{"id": r.ID, "story": story}); err != nil {
			return fmt.Errorf("cluster: write: %w", err)
		}
	}
	return nil
}

// parseDate accepts an ISO-8601 date or datetime.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date: expected YYYY-MM-DD or an ISO-8601 datetime", s)
}
