package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/jsonl"
	"github.com/crosscheck/crosscheck/internal/nlp/stance"
)

type stanceCmd struct{}

func (*stanceCmd) Name() string { return "stance" }
func (*stanceCmd) Synopsis() string {
	return "decide how articles stand toward claims: agree, disagree, discuss, unrelated"
}

const stanceUsage = `
Usage: crosscheck stance [--workers N] < pairs.jsonl > stances.jsonl

Reads lines {"id","claim","text"} and writes, in the same order,
{"id","stance":"agree|disagree|discuss|unrelated","score":0..1,"evidence":[{start,end}]}
where evidence spans are byte offsets into "text".

Example:
  echo '{"id":"1","claim":"Musk met Iran'\''s ambassador","text":"Iran denied that Musk met its envoy."}' | crosscheck stance
`

type stanceRecord struct {
	ID    string `json:"id"`
	Claim string `json:"claim"`
	Text  string `json:"text"`
}

type stanceOutput struct {
	ID string `json:"id"`
	stance.Result
}

func (*stanceCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("stance", stanceUsage)
	workers := fs.Int("workers", 0, "parallel workers (0: one per CPU)")
	if err := parse(fs, args); err != nil {
		return err
	}
	model, err := stance.Load()
	if err != nil {
		return fmt.Errorf("stance: load model: %w", err)
	}
	failed := 0
	err = jsonl.Map(ctx, m.Stdin, m.Stdout, *workers, func(line int, raw []byte) (any, error) {
		var rec stanceRecord
		if err := json.Unmarshal(raw, &rec); err != nil {
			return nil, fmt.Errorf("expected a JSON object {\"id\",\"claim\",\"text\"}: %w", err)
		}
		return stanceOutput{ID: rec.ID, Result: model.Predict(rec.Claim, rec.Text)}, nil
	}, func(line int, err error) {
		failed++
		fmt.Fprintf(m.Stderr, "stdin:%d: %v\n", line, err)
	})
	if err != nil {
		return fmt.Errorf("stance: %w", err)
	}
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("stance: %d record(s) failed", failed)}
	}
	return nil
}
