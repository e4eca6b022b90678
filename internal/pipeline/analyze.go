package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	// Clock, when set, gives Compare.Now at each build (a server's builder
	// lives for days).
	Clock func() time.Time
	// Rebuild reconciles every story, even those whose fingerprint says the
	// stored report is current.
	Rebuild bool
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

// StorySet is the outcome of BuildStories: every story's ID and members,
// with the stories rebuilt by this run at hand and the others in the store.
type StorySet struct {
	// IDs are every story, in clustering order.
	IDs []string
	// Members are each story's original articles and their copies.
	Members map[string][]string
	// Built are the stories whose report this run rebuilt (new or changed
	// membership, or a new pipeline version); Kept counts the others.
	Built map[string]*compare.Story
	Kept  int
	st    store.Store
}

// Load returns the stories with the given IDs: rebuilt ones as built, the
// others decoded from their stored reports.
func (s *StorySet) Load(ctx context.Context, ids []string) ([]*compare.Story, error) {
	out := make([]*compare.Story, 0, len(ids))
	for _, id := range ids {
		if b := s.Built[id]; b != nil {
			out = append(out, b)
			continue
		}
		rec, err := s.st.GetStory(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		var c compare.Story
		if err := json.Unmarshal(rec.Report, &c); err != nil {
			return nil, fmt.Errorf("stories: stored report of %s: %w", id, err)
		}
		out = append(out, &c)
	}
	return out, nil
}

// All loads every story.
func (s *StorySet) All(ctx context.Context) ([]*compare.Story, error) { return s.Load(ctx, s.IDs) }

// BuildStories groups every stored original article into stories (in date
// order, streaming), reconciles each story whose membership or pipeline
// version changed since it was stored, and stores the changes in one
// transaction. Story IDs are stable across runs as long as a story's first
// article stays the same. It is a one-shot StoryBuilder.
func BuildStories(ctx context.Context, st store.Store, opt StoryOptions) (*StorySet, error) {
	b := NewStoryBuilder(opt)
	b.keep = false // nothing follows: refine in place, no copy
	return b.Build(ctx, st)
}

// StoryBuilder builds stories again and again over a growing store (a
// server's): it keeps its clusterer between builds, so articles that come
// after everything it has seen are only added, and an unchanged story is
// neither reconciled nor rewritten. An article that sorts before what it has
// seen (late, or backdated) makes it start over, so its stories are always
// those of a full build in date order. Safe for concurrent use; builds run
// one at a time.
type StoryBuilder struct {
	opt      StoryOptions
	keep     bool // the clusterer serves later builds
	mu       sync.Mutex
	c        *cluster.Clusterer
	seen     map[string]bool
	lastTime time.Time
	lastID   string
}

// NewStoryBuilder returns a builder with no state.
func NewStoryBuilder(opt StoryOptions) *StoryBuilder { return &StoryBuilder{opt: opt, keep: true} }

// Build brings the stored stories up to date with the stored articles.
//
// Clustering reads each article's digest (entity keys and dates, indexed at
// analysis time), not its whole analysis.
func (b *StoryBuilder) Build(ctx context.Context, st store.Store) (*StorySet, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	opt := b.opt
	if opt.Compare.Stance == nil && !opt.NoStance {
		m, err := stance.Load()
		if err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		b.opt.Compare.Stance = stanceFunc(m)
		opt = b.opt
	}
	if opt.Clock != nil {
		opt.Compare.Now = opt.Clock()
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
	// Only what is new, if all of it sorts after what the clusterer has seen.
	todo := originals
	if b.c != nil {
		todo = nil
		for _, a := range originals {
			if b.seen[a.ID] {
				continue
			}
			t := a.EffectiveTime()
			if t.Before(b.lastTime) || t.Equal(b.lastTime) && a.ID < b.lastID {
				todo = originals // out of order: start over
				b.c = nil
				break
			}
			todo = append(todo, a)
		}
	}
	if b.c == nil {
		b.c, b.seen, b.lastTime, b.lastID = cluster.New(opt.Cluster), map[string]bool{}, time.Time{}, ""
	}
	if len(todo) > 0 {
		digests, err := st.Digests(ctx, nlp.Version)
		if err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		for i, a := range todo {
			if err := ctx.Err(); err != nil {
				b.c = nil // half-fed: start over next time
				return nil, err
			}
			dg := digests[a.ID]
			b.c.Add(cluster.Doc{ID: a.ID, Time: a.EffectiveTime(), Text: titled(a), Entities: dg.Keys, EventDates: dg.Dates})
			b.seen[a.ID] = true
			b.lastTime, b.lastID = a.EffectiveTime(), a.ID
			if opt.Progress != nil {
				opt.Progress("cluster", i+1, len(todo))
			}
		}
	}
	// Refine merges whole stories after streaming. It changes the
	// clusterer, so a builder that keeps streaming refines a copy: what it
	// shows is always what a batch run over the same articles gives.
	view := b.c
	if b.keep {
		view = b.c.Clone()
	}
	view.Refine()
	set, err := reconcileChanged(ctx, st, view.Assignments(), originals, copies, opt)
	if err != nil || !b.keep {
		b.c = nil
	}
	return set, err
}

// reconcileChanged groups originals by story, reconciles the stories whose
// fingerprint changed, and stores the changes.
func reconcileChanged(ctx context.Context, st store.Store, assign map[string]string, originals []*news.Article,
	copies map[string][]*news.Article, opt StoryOptions) (*StorySet, error) {
	set := &StorySet{Members: map[string][]string{}, Built: map[string]*compare.Story{}, st: st}
	members := map[string][]*news.Article{}
	for _, a := range originals {
		sid := assign[a.ID]
		if sid == "" {
			sid = a.ID
		}
		if _, ok := members[sid]; !ok {
			set.IDs = append(set.IDs, sid)
		}
		members[sid] = append(members[sid], a)
		set.Members[sid] = append(set.Members[sid], a.ID)
		for _, cp := range copies[a.ID] {
			set.Members[sid] = append(set.Members[sid], cp.ID)
		}
	}
	stored, err := st.ListStories(ctx, store.StoryQuery{})
	if err != nil {
		return nil, fmt.Errorf("stories: list stored: %w", err)
	}
	have := make(map[string]string, len(stored))
	for _, r := range stored {
		have[r.ID] = r.Fingerprint
	}
	var keep []string
	var records []*store.StoryRecord
	for i, sid := range set.IDs {
		fp := fingerprint(set.Members[sid], opt)
		if have[sid] == fp && !opt.Rebuild {
			keep = append(keep, sid)
			set.Kept++
			continue
		}
		docs := make([]compare.Doc, 0, len(members[sid]))
		for _, a := range members[sid] {
			an, err := st.GetAnalysis(ctx, a.ID, nlp.Version)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return nil, fmt.Errorf("stories: analysis of %s: %w", a.ID, err)
			}
			docs = append(docs, compare.Doc{Article: a, Analysis: an, Copies: copies[a.ID]})
		}
		s := compare.Reconcile(sid, docs, opt.Compare)
		set.Built[sid] = s
		rec, err := record(s, members[sid])
		if err != nil {
			return nil, err
		}
		rec.Fingerprint = fp
		records = append(records, rec)
		if opt.Progress != nil {
			opt.Progress("reconcile", i+1, len(set.IDs))
		}
	}
	if err := st.UpdateStories(ctx, records, keep); err != nil {
		return nil, fmt.Errorf("stories: store: %w", err)
	}
	return set, nil
}

// fingerprint names what a story's report is built from: its members and
// their copies, the language layer's and the reconciler's versions, and
// the stance model read (if any). Equal fingerprints mean an equal report (up to
// Compare.Now, which only flags articles dated in the future).
func fingerprint(members []string, opt StoryOptions) string {
	h := sha256.New()
	stanceModel := "none"
	if opt.Compare.Stance != nil {
		stanceModel = stance.ModelID()
	}
	fmt.Fprintf(h, "nlp %s\ncompare %s\nstance %s\n", nlp.Version, compare.Version, stanceModel)
	for _, id := range members {
		io.WriteString(h, id)
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// titled is the text the clusterer sees: title and body.
func titled(a *news.Article) string {
	if a.Title == "" {
		return a.Body
	}
	return a.Title + "\n\n" + a.Body
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
