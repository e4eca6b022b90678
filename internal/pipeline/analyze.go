package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/compare"
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/nlp/stance"
	"github.com/crosscheck/crosscheck/internal/store"
)

// Progress reports the progress of a long stage: done of total items.
// It may be nil.
type Progress func(stage string, done, total int)

// AnalyzeOptions tune AnalyzePending.
type AnalyzeOptions struct {
	Workers  int // 0: one per CPU
	Progress Progress
}

// AnalyzePending runs the language layer over every stored original article
// that has no analysis for the current pipeline version and stores the
// results. It returns how many articles it analysed. Analyses are written
// one article per transaction, so an interrupted run keeps what it finished
// and the next run picks up the rest.
func AnalyzePending(ctx context.Context, st store.Store, an *nlp.Analyzer, opt AnalyzeOptions) (int, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ids, err := st.MissingAnalysis(ctx, nlp.Version, 0)
	if err != nil {
		return 0, fmt.Errorf("analyze: list pending: %w", err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	total := len(ids)
	jobs := make(chan string)
	results := make(chan *news.Analysis, workers*2)
	errc := make(chan error, workers+1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				art, err := st.GetArticle(ctx, id)
				if err != nil {
					errc <- fmt.Errorf("analyze: article %s: %w", id, err)
					cancel()
					return
				}
				a := an.Analyze(art.ID, art.Body, articleDate(art))
				select {
				case results <- a:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, id := range ids {
			select {
			case jobs <- id:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	done := 0
	for a := range results {
		if err := st.PutAnalysis(ctx, a); err != nil {
			cancel()
			return done, fmt.Errorf("analyze: store analysis of %s: %w", a.ArticleID, err)
		}
		done++
		if opt.Progress != nil {
			opt.Progress("analyze", done, total)
		}
	}
	select {
	case err := <-errc:
		return done, err
	default:
	}
	return done, ctx.Err()
}

// articleDate is the document date the language layer resolves relative
// dates against: the publication date, else none (dates are never invented).
func articleDate(a *news.Article) string {
	if !a.HasDate() {
		return ""
	}
	if a.DatePrecision == "second" {
		return a.Published.UTC().Format("2006-01-02T15:04:05")
	}
	return a.Date()
}

// StoryOptions tune BuildStories.
type StoryOptions struct {
	Cluster  cluster.Options
	Compare  compare.Options
	Progress Progress
	// NoStance skips the stance model (which reads the other articles of a
	// story against its top findings).
	NoStance bool
}

// stanceFunc adapts the stance model to compare.StanceFunc.
func stanceFunc(m *stance.Model) compare.StanceFunc {
	return func(claim, body string) (string, float64, []news.Span) {
		r := m.Predict(claim, body)
		ev := make([]news.Span, 0, len(r.Evidence))
		for _, e := range r.Evidence {
			ev = append(ev, news.Span{Start: e.Start, End: e.End})
		}
		return r.Stance, r.Score, ev
	}
}

// BuildStories groups every stored original article into stories (in date
// order, streaming), reconciles each story, stores the stories with their
// reports, and returns them. Story IDs are stable across runs as long as a
// story's first article stays the same.
func BuildStories(ctx context.Context, st store.Store, opt StoryOptions) ([]*compare.Story, error) {
	if opt.Compare.Stance == nil && !opt.NoStance {
		m, err := stance.Load()
		if err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		opt.Compare.Stance = stanceFunc(m)
	}
	arts, err := st.ListArticles(ctx, store.ArticleQuery{IncludeDuplicates: true})
	if err != nil {
		return nil, fmt.Errorf("stories: list articles: %w", err)
	}
	var originals []*news.Article
	copies := map[string][]*news.Article{}
	for _, a := range arts {
		if a.DuplicateOf != "" {
			copies[a.DuplicateOf] = append(copies[a.DuplicateOf], a)
			continue
		}
		originals = append(originals, a)
	}
	sort.SliceStable(originals, func(i, j int) bool {
		ti, tj := originals[i].EffectiveTime(), originals[j].EffectiveTime()
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return originals[i].ID < originals[j].ID
	})
	c := cluster.New(opt.Cluster)
	for i, a := range originals {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := cluster.Doc{ID: a.ID, Time: a.EffectiveTime(), Text: titled(a)}
		an, err := st.GetAnalysis(ctx, a.ID, nlp.Version)
		switch {
		case err == nil:
			d.Entities, d.EventDates = clusterFeatures(an)
		case !errors.Is(err, store.ErrNotFound):
			return nil, fmt.Errorf("stories: analysis of %s: %w", a.ID, err)
		}
		c.Add(d)
		if opt.Progress != nil {
			opt.Progress("cluster", i+1, len(originals))
		}
	}
	assign := c.Assignments()
	members := map[string][]*news.Article{}
	var ids []string
	for _, a := range originals {
		sid := assign[a.ID]
		if sid == "" {
			sid = a.ID
		}
		if _, ok := members[sid]; !ok {
			ids = append(ids, sid)
		}
		members[sid] = append(members[sid], a)
	}
	stories := make([]*compare.Story, 0, len(ids))
	records := make([]*store.StoryRecord, 0, len(ids))
	for i, sid := range ids {
		docs := make([]compare.Doc, 0, len(members[sid]))
		for _, a := range members[sid] {
			an, err := st.GetAnalysis(ctx, a.ID, nlp.Version)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return nil, fmt.Errorf("stories: analysis of %s: %w", a.ID, err)
			}
			docs = append(docs, compare.Doc{Article: a, Analysis: an, Copies: copies[a.ID]})
		}
		s := compare.Reconcile(sid, docs, opt.Compare)
		stories = append(stories, s)
		rec, err := record(s, members[sid])
		if err != nil {
			return nil, err
		}
		records = append(records, rec)
		if opt.Progress != nil {
			opt.Progress("reconcile", i+1, len(ids))
		}
	}
	if err := st.PutStories(ctx, records); err != nil {
		return nil, fmt.Errorf("stories: store: %w", err)
	}
	return stories, nil
}

// titled is the text the clusterer sees: title and body.
func titled(a *news.Article) string {
	if a.Title == "" {
		return a.Body
	}
	return a.Title + "\n\n" + a.Body
}

// clusterFeatures are the entity keys and day-precise event dates of an analysis.
func clusterFeatures(a *news.Analysis) (keys, dates []string) {
	seen := map[string]bool{}
	for _, r := range a.Refs {
		if r.Key != "" && !seen[r.Key] {
			seen[r.Key] = true
			keys = append(keys, r.Key)
		}
	}
	seenD := map[string]bool{}
	for _, t := range a.Timexes {
		if t.Type == news.TimexDate && len(t.Value) == 10 && !seenD[t.Value] {
			seenD[t.Value] = true
			dates = append(dates, t.Value)
		}
	}
	return keys, dates
}

// record turns a reconciled story into its stored form.
func record(s *compare.Story, arts []*news.Article) (*store.StoryRecord, error) {
	rep, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("stories: encode %s: %w", s.ID, err)
	}
	sum, err := json.Marshal(s.Counts)
	if err != nil {
		return nil, fmt.Errorf("stories: encode %s: %w", s.ID, err)
	}
	r := &store.StoryRecord{ID: s.ID, Title: s.Headline, Summary: sum, Report: rep}
	for _, a := range arts {
		r.ArticleIDs = append(r.ArticleIDs, a.ID)
		t := a.EffectiveTime()
		if r.First.IsZero() || t.Before(r.First) {
			r.First = t
		}
		if t.After(r.Last) {
			r.Last = t
		}
	}
	r.Updated = r.Last
	if r.Updated.IsZero() {
		r.Updated = time.Unix(0, 0).UTC()
	}
	return r, nil
}
