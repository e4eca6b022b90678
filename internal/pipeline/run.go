package pipeline

import (
	"context"
	"fmt"

	"github.com/crosscheck/crosscheck/internal/compare"
	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/store"
)

// RunOptions tune Run.
type RunOptions struct {
	Ingest  IngestOptions
	Analyze AnalyzeOptions
	Stories StoryOptions
	// Builder, when set, builds the stories (and Stories is ignored): a
	// long-lived process keeps one so each run only adds what is new.
	Builder *StoryBuilder
}

// RunResult is what the main job produced.
type RunResult struct {
	Ingest   IngestSummary
	Analyzed int
	// Stories are every story in the store; Touched those holding an
	// article of this run's input.
	Stories *StorySet
	Touched []*compare.Story
}

// Summary is a compact, JSON-friendly account of a run (for the API).
func (r *RunResult) Summary() map[string]any {
	ids := make([]string, 0, len(r.Touched))
	for _, s := range r.Touched {
		ids = append(ids, s.ID)
	}
	errs := make([]string, 0, len(r.Ingest.Errors))
	for _, e := range r.Ingest.Errors {
		errs = append(errs, e.Error())
	}
	return map[string]any{"ingest": r.Ingest, "errors": errs, "analyzed": r.Analyzed, "stories": ids}
}

// Run is the main job: ingest the inputs, analyse what is new, rebuild the
// stories and return them.
func Run(ctx context.Context, st store.Store, an *nlp.Analyzer, inputs []string, opt RunOptions) (*RunResult, error) {
	res := &RunResult{}
	var err error
	res.Ingest, err = Ingest(ctx, st, inputs, opt.Ingest)
	if err != nil {
		return res, err
	}
	res.Analyzed, err = AnalyzePending(ctx, st, an, opt.Analyze)
	if err != nil {
		return res, err
	}
	if opt.Builder != nil {
		res.Stories, err = opt.Builder.Build(ctx, st)
	} else {
		res.Stories, err = BuildStories(ctx, st, opt.Stories)
	}
	if err != nil {
		return res, err
	}
	in := map[string]bool{}
	for _, id := range res.Ingest.IDs {
		in[id] = true
	}
	var touched []string
	for _, sid := range res.Stories.IDs {
		for _, id := range res.Stories.Members[sid] {
			if in[id] {
				touched = append(touched, sid)
				break
			}
		}
	}
	if res.Touched, err = res.Stories.Load(ctx, touched); err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, fmt.Errorf("run: %w", err)
	}
	return res, nil
}
