package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// IngestOptions tune Ingest.
type IngestOptions struct {
	Read ingest.Options
	// Stdin is read for the input "-" (default os.Stdin).
	Stdin io.Reader
	// Batch is how many articles go into one transaction (default 500).
	Batch    int
	Progress Progress
}

// IngestSummary counts what Ingest did.
type IngestSummary struct {
	Ingested       int `json:"ingested"`
	Duplicates     int `json:"duplicates"`      // exact re-ingests: already stored
	NearDuplicates int `json:"near_duplicates"` // stored as copies of an original
	Failed         int `json:"failed"`
	// Errors are the failed inputs, each an *ingest.InputError.
	Errors []error `json:"-"`
	// IDs are the IDs of every article read (new or not), in input order.
	IDs []string `json:"-"`
}

// String is the one-line summary the CLI prints.
func (s IngestSummary) String() string {
	return fmt.Sprintf("ingested %d, duplicates %d, near-duplicates %d, failed %d", s.Ingested, s.Duplicates, s.NearDuplicates, s.Failed)
}

// Ingest reads the inputs, marks near-duplicates of stored or earlier
// articles, and stores articles in batches, one transaction each. Re-ingesting
// the same input stores nothing new. A failed input is counted and kept in
// the summary; it never stops the others. The error is only for the store
// or a cancelled context.
func Ingest(ctx context.Context, st store.Store, inputs []string, opt IngestOptions) (IngestSummary, error) {
	var sum IngestSummary
	if opt.Batch <= 0 {
		opt.Batch = 500
	}
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
	}
	sketches, err := st.Sketches(ctx)
	if err != nil {
		return sum, fmt.Errorf("ingest: load sketches: %w", err)
	}
	ix := ingest.NewIndex()
	ix.Load(sketches)
	seen := map[string]bool{}
	var batch []*news.Article
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := st.PutArticles(ctx, batch)
		if err != nil {
			return fmt.Errorf("ingest: store %d articles: %w", len(batch), err)
		}
		for i, r := range res {
			switch {
			case r == store.Exists:
				sum.Duplicates++
			case batch[i].DuplicateOf != "":
				sum.NearDuplicates++
			default:
				sum.Ingested++
			}
		}
		batch = batch[:0]
		if opt.Progress != nil {
			opt.Progress("ingest", sum.Ingested+sum.Duplicates+sum.NearDuplicates+sum.Failed, 0)
		}
		return nil
	}
	err = ingest.Read(ctx, inputs, opt.Read, opt.Stdin, func(a *news.Article, err error) error {
		if err != nil {
			sum.Failed++
			sum.Errors = append(sum.Errors, err)
			return nil
		}
		sum.IDs = append(sum.IDs, a.ID)
		if seen[a.ID] {
			sum.Duplicates++
			return nil
		}
		seen[a.ID] = true
		if _, stored := sketches[a.ID]; !stored {
			if orig := ix.Near(a.Sketch); orig != "" && orig != a.ID {
				a.DuplicateOf = orig
			} else {
				ix.Add(a.ID, a.Sketch)
			}
		}
		batch = append(batch, a)
		if len(batch) >= opt.Batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	if err := flush(); err != nil {
		return sum, err
	}
	return sum, nil
}
