package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/jsonl"
	"github.com/crosscheck/crosscheck/internal/nlp"
)

type annotateCmd struct{}

func (*annotateCmd) Name() string { return "annotate" }
func (*annotateCmd) Synopsis() string {
	return "run the language layer: JSONL articles in, JSONL annotations out"
}

const annotateUsage = `
Usage: crosscheck annotate [--workers N] < articles.jsonl > annotations.jsonl

Reads one JSON record per line, {"id","date","text"} (date optional: an ISO
date or datetime, the document's creation time), and writes one line per
record, in the same order, with byte offsets into "text":

  {"id","date","sentences":[{start,end}],"entities":[{start,end,text,type,ref}],
   "refs":[…],"timexes":[{start,end,text,type,value}],"statements":[…],"claims":[…]}

The schema is in docs/design.md ("Contract: crosscheck annotate").
A record that cannot be parsed is reported on stderr as "stdin:LINE: …" and
gets an output line with only its id (or none if it has no id).

Example:
  echo '{"id":"a","date":"2024-11-15","text":"Musk met Iravani on Monday."}' | crosscheck annotate
`

// inputRecord is the JSONL article record of the annotate/stance/cluster contracts.
type inputRecord struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Outlet string `json:"outlet"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

func (*annotateCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("annotate", annotateUsage)
	workers := fs.Int("workers", 0, "parallel workers (0: one per CPU)")
	if err := parse(fs, args); err != nil {
		return err
	}
	an, err := nlp.New()
	if err != nil {
		return fmt.Errorf("annotate: load models: %w", err)
	}
	failed := 0
	err = jsonl.Map(ctx, m.Stdin, m.Stdout, *workers, func(line int, raw []byte) (any, error) {
		var rec inputRecord
		if err := json.Unmarshal(raw, &rec); err != nil {
			return nil, fmt.Errorf("expected a JSON object {\"id\",\"date\",\"text\"}: %w", err)
		}
		return an.Analyze(rec.ID, rec.Text, rec.Date), nil
	}, func(line int, err error) {
		failed++
		fmt.Fprintf(m.Stderr, "stdin:%d: %v\n", line, err)
	})
	if err != nil {
		return fmt.Errorf("annotate: %w", err)
	}
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("annotate: %d record(s) failed", failed)}
	}
	return nil
}
