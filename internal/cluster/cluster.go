// Package cluster groups articles into stories, streaming in date order.
//
// Each article becomes a sparse TF-IDF vector over stemmed content words,
// with extra weight on proper nouns, numbers, entity keys and resolved event
// dates — the things that tell two similar events apart (two earthquakes in
// two places) — and on the lead (headline and first sentence); a leading URL
// line is skipped. It joins the open story whose centroid is most similar,
// after a time decay, or starts a new one. An article without a time needs a
// higher similarity and joins only undated stories: nothing tells it from a
// similar event years apart. Candidate stories come from an inverted index
// over each article's heaviest features with capped postings, so the cost of
// one Add does not grow with the archive. When an article matches two
// stories strongly, it is a bridge and the stories are merged.
//
// A batch caller can then call Refine, which merges whole stories by
// average-link similarity (guarded by the stories' own cohesion), e.g. the
// pieces a stream split and undated stories with their dated counterparts.
//
// IDF is estimated incrementally from the documents seen so far; processing
// is deterministic for a given input order.
package cluster

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Doc is what the clusterer needs to know about one article.
type Doc struct {
	ID   string
	Time time.Time // publication (or ingestion) time; zero when unknown
	// TimeInferred marks a Time guessed from the text (a dateline) rather
	// than given with the article.
	TimeInferred bool
	Text         string // title + body
	// Entities are normalised entity keys found in the article (may be empty).
	Entities []string
	// EventDates are resolved TIMEX DATE values mentioned in the article.
	EventDates []string
}

// Options tune the clusterer. Zero values take the defaults.
type Options struct {
	// Threshold is the similarity a dated article needs to join a story
	// (default 0.20).
	Threshold float64
	// UndatedThreshold is the similarity an article without a time needs to
	// join a story (default 0.30): no time decay can tell it from a similar
	// event years apart, so it needs more evidence. Undated articles only
	// join undated stories while streaming; Refine links them to dated ones.
	UndatedThreshold float64
	// MergeThreshold is the similarity to a second story that makes an
	// article a bridge between the two (default 0.40).
	MergeThreshold float64
	// HalfLife is the time gap that halves similarity (default 10 days).
	HalfLife time.Duration
	// MaxFeatures caps a story centroid's features (default 400).
	MaxFeatures int
	// RefineThreshold is the average-link similarity (mean cosine between
	// members, after the time decay) at which Refine merges two stories
	// (default 0.12).
	RefineThreshold float64
	// RefineCohesion: Refine also requires the average-link similarity to
	// reach this fraction of the less cohesive story's own mean
	// member-to-member similarity (default 0.8), so two tight stories on
	// similar events stay apart; a single article needs only RefineThreshold.
	RefineCohesion float64
	// RefineHalfLife is the gap between two stories' spans that halves
	// their similarity in Refine (default 30 days): a whole story is
	// stronger evidence than one article, and follow-ups run for weeks.
	RefineHalfLife time.Duration
	// Postings caps the stories kept per index feature, most recent first (default 64).
	Postings int
}

func (o *Options) fill() {
	if o.Threshold == 0 {
		o.Threshold = 0.20
	}
	if o.UndatedThreshold == 0 {
		o.UndatedThreshold = 0.30
	}
	if o.MergeThreshold == 0 {
		o.MergeThreshold = 0.40
	}
	if o.HalfLife == 0 {
		o.HalfLife = 10 * 24 * time.Hour
	}
	if o.MaxFeatures == 0 {
		o.MaxFeatures = 400
	}
	if o.RefineThreshold == 0 {
		o.RefineThreshold = 0.12
	}
	if o.RefineCohesion == 0 {
		o.RefineCohesion = 0.8
	}
	if o.RefineHalfLife == 0 {
		o.RefineHalfLife = 30 * 24 * time.Hour
	}
	if o.Postings == 0 {
		o.Postings = 64
	}
}

type story struct {
	id       string
	centroid map[string]float64 // sum of member vectors
	norm     float64
	first    time.Time
	last     time.Time
	members  []string
	mergedTo *story
	seq      int
}

// Clusterer assigns documents to stories. Not safe for concurrent use.
type Clusterer struct {
	opt     Options
	df      map[string]int
	n       int
	stories []*story
	index   map[string][]*story
	assign  map[string]*story
	seq     int
	primed  bool
}

// Clone returns an independent deep copy. A long-lived caller streams into
// one clusterer and refines a clone for each view, so that what it shows is
// exactly what a batch run (stream everything, then Refine) would give.
func (c *Clusterer) Clone() *Clusterer {
	cp := *c
	old := make(map[*story]*story, len(c.stories))
	cp.stories = make([]*story, len(c.stories))
	for i, s := range c.stories {
		ns := *s
		ns.centroid = maps.Clone(s.centroid)
		ns.members = slices.Clone(s.members)
		old[s] = &ns
		cp.stories[i] = &ns
	}
	for _, ns := range cp.stories {
		if ns.mergedTo != nil {
			ns.mergedTo = old[ns.mergedTo]
		}
	}
	cp.index = make(map[string][]*story, len(c.index))
	for f, list := range c.index {
		nl := make([]*story, len(list))
		for i, s := range list {
			nl[i] = old[s]
		}
		cp.index[f] = nl
	}
	cp.assign = make(map[string]*story, len(c.assign))
	for id, s := range c.assign {
		cp.assign[id] = old[s]
	}
	cp.df = maps.Clone(c.df)
	return &cp
}

// Prime counts document frequencies over a whole batch before clustering
// it, so the first articles are weighed with the batch's IDF instead of the
// few documents seen so far. Streaming callers need not call it.
func (c *Clusterer) Prime(docs []Doc) {
	for _, d := range docs {
		c.n++
		for f := range features(d) {
			c.df[f]++
		}
	}
	c.primed = true
}

// New returns an empty clusterer.
func New(opt Options) *Clusterer {
	opt.fill()
	return &Clusterer{opt: opt, df: map[string]int{}, index: map[string][]*story{}, assign: map[string]*story{}}
}

// Add assigns d to a story and returns the story ID.
func (c *Clusterer) Add(d Doc) string {
	feats := features(d)
	if !c.primed {
		c.n++
		for f := range feats {
			c.df[f]++
		}
	}
	vec := c.weigh(feats)
	// Candidates: stories indexed under the doc's heaviest features.
	top := topFeatures(vec, 24)
	cands := map[*story]bool{}
	for _, f := range top {
		for _, s := range c.index[f] {
			cands[resolve(s)] = true
		}
	}
	type scored struct {
		s   *story
		sim float64
	}
	th := c.opt.Threshold
	if d.Time.IsZero() {
		th = c.opt.UndatedThreshold
	}
	// A cosine is at most 1, so a story whose time decay alone is below
	// both thresholds can neither take the article nor be a bridge: skip
	// it without computing the cosine (most candidates in a long archive).
	floor := math.Min(th, c.opt.MergeThreshold)
	var best []scored
	for s := range cands {
		if d.Time.IsZero() && !s.first.IsZero() {
			// Without a date the decay cannot tell a story from a similar
			// event years apart: undated articles group among themselves,
			// and Refine joins them to dated stories on whole-story evidence.
			continue
		}
		dec := c.decay(d.Time, s.last)
		if dec < floor {
			continue
		}
		best = append(best, scored{s, cosine(vec, s) * dec})
	}
	sort.Slice(best, func(i, j int) bool {
		if best[i].sim != best[j].sim {
			return best[i].sim > best[j].sim
		}
		return best[i].s.seq < best[j].s.seq
	})
	var s *story
	if len(best) > 0 && best[0].sim >= th {
		s = best[0].s
		if len(best) > 1 && best[1].sim >= c.opt.MergeThreshold {
			s = c.merge(s, best[1].s)
		}
	} else {
		c.seq++
		s = &story{id: "s-" + shortID(d.ID), centroid: map[string]float64{}, seq: c.seq}
		c.stories = append(c.stories, s)
	}
	c.addTo(s, d, vec, top)
	return s.id
}

func shortID(id string) string {
	if len(id) > 16 {
		return id[:16]
	}
	return id
}

func resolve(s *story) *story {
	for s.mergedTo != nil {
		s = s.mergedTo
	}
	return s
}

// merge folds b into a (the older story keeps its ID).
func (c *Clusterer) merge(a, b *story) *story {
	if b.seq < a.seq {
		a, b = b, a
	}
	for f, w := range b.centroid {
		a.centroid[f] += w
		c.index[f] = appendPosting(c.index[f], a, c.opt.Postings)
	}
	a.members = append(a.members, b.members...)
	if b.last.After(a.last) {
		a.last = b.last
	}
	if !b.first.IsZero() && (a.first.IsZero() || b.first.Before(a.first)) {
		a.first = b.first
	}
	b.mergedTo = a
	b.centroid = nil
	a.norm = vnorm(a.centroid)
	return a
}

func (c *Clusterer) addTo(s *story, d Doc, vec map[string]float64, top []string) {
	for f, w := range vec {
		s.centroid[f] += w
	}
	if len(s.centroid) > c.opt.MaxFeatures*2 {
		keep := topFeatures(s.centroid, c.opt.MaxFeatures)
		nc := make(map[string]float64, len(keep))
		for _, f := range keep {
			nc[f] = s.centroid[f]
		}
		s.centroid = nc
	}
	s.norm = vnorm(s.centroid)
	if d.Time.After(s.last) {
		s.last = d.Time
	}
	if !d.Time.IsZero() && (s.first.IsZero() || d.Time.Before(s.first)) {
		s.first = d.Time
	}
	s.members = append(s.members, d.ID)
	c.assign[d.ID] = s
	for _, f := range top {
		c.index[f] = appendPosting(c.index[f], s, c.opt.Postings)
	}
}

// appendPosting adds s to a posting list once, keeping the most recent cap entries.
func appendPosting(list []*story, s *story, cap int) []*story {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	list = append(list, s)
	if len(list) > cap {
		list = list[len(list)-cap:]
	}
	return list
}

// decay lowers similarity with the time gap; unknown times do not decay.
func (c *Clusterer) decay(t, last time.Time) float64 {
	if t.IsZero() || last.IsZero() {
		return 1
	}
	return halve(t.Sub(last), c.opt.HalfLife)
}

// halve is 0.5 to the power of |gap| / halfLife.
func halve(gap, halfLife time.Duration) float64 {
	if gap < 0 {
		gap = -gap
	}
	return math.Pow(0.5, float64(gap)/float64(halfLife))
}

// Assignments returns the final doc ID → story ID map, after merges.
func (c *Clusterer) Assignments() map[string]string {
	out := make(map[string]string, len(c.assign))
	for id, s := range c.assign {
		out[id] = resolve(s).id
	}
	return out
}

// weigh turns raw feature counts into a unit TF-IDF vector.
func (c *Clusterer) weigh(feats map[string]float64) map[string]float64 {
	vec := make(map[string]float64, len(feats))
	for f, tf := range feats {
		idf := math.Log(float64(c.n+1)/float64(c.df[f]+1)) + 1
		vec[f] = (1 + math.Log(tf)) * idf * boost(f)
	}
	n := vnorm(vec)
	if n > 0 {
		for f := range vec {
			vec[f] /= n
		}
	}
	return vec
}

// boost weights the kinds of features: entities, dates, proper nouns and
// numbers identify an event more than common words do.
func boost(f string) float64 {
	switch {
	case strings.HasPrefix(f, "e:"):
		return 2.0
	case strings.HasPrefix(f, "d:"):
		return 1.5
	case strings.HasPrefix(f, "p:"):
		return 1.6
	case strings.HasPrefix(f, "n:"):
		return 1.3
	}
	return 1
}

func cosine(v map[string]float64, s *story) float64 {
	if s.norm == 0 {
		return 0
	}
	dot := 0.0
	for f, w := range v {
		dot += w * s.centroid[f]
	}
	return dot / s.norm
}

func vnorm(v map[string]float64) float64 {
	sum := 0.0
	for _, w := range v {
		sum += w * w
	}
	return math.Sqrt(sum)
}

// topFeatures returns the n heaviest features, ties by name (deterministic).
func topFeatures(v map[string]float64, n int) []string {
	fs := make([]string, 0, len(v))
	for f := range v {
		fs = append(fs, f)
	}
	sort.Slice(fs, func(i, j int) bool {
		if v[fs[i]] != v[fs[j]] {
			return v[fs[i]] > v[fs[j]]
		}
		return fs[i] < fs[j]
	})
	if len(fs) > n {
		fs = fs[:n]
	}
	return fs
}

// The lead (headline and first sentence) says what the article is about;
// later paragraphs bring background, often about earlier similar events.
const (
	leadWords = 40  // words in the lead
	leadBoost = 2.0 // extra count of a lead word
)

// features counts a document's features: stemmed content words ("w:"),
// proper nouns ("p:"), numbers ("n:"), entity keys ("e:"), event dates ("d:").
func features(d Doc) map[string]float64 {
	f := map[string]float64{}
	text := d.Text
	start := true
	words := 0
	lineStart := true
	for i := 0; i < len(text); {
		if lineStart && strings.HasPrefix(text[i:], "http") {
			// A URL line (scraped articles start with one): host and path
			// tokens are boilerplate; the slug repeats the headline.
			if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
				i += j + 1
				continue
			}
			break
		}
		lineStart = false
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' {
				start = true
			}
			if r == '\n' {
				lineStart = true
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && r2 != '\'' && r2 != '-' {
				break
			}
			j += n2
		}
		w := strings.Trim(text[i:j], "'-")
		i = j
		if w == "" {
			continue
		}
		lw := strings.ToLower(w)
		first, _ := utf8.DecodeRuneInString(w)
		inc := 1.0
		if words < leadWords {
			inc += leadBoost
		}
		words++
		switch {
		case unicode.IsDigit(first):
			if len(lw) >= 2 {
				f["n:"+lw] += inc
			}
		case stopwords[lw] || len(lw) < 3:
		default:
			f["w:"+english.Stem(lw, false)] += inc
			if unicode.IsUpper(first) && !start {
				f["p:"+lw] += inc
			}
		}
		start = false
	}
	for _, e := range d.Entities {
		if e != "" {
			f["e:"+e]++
		}
	}
	for _, t := range d.EventDates {
		if t != "" {
			f["d:"+t]++
		}
	}
	return f
}

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
	before being below between both but by can could did do does doing down during each few for from further had has
	have having he her here hers herself him himself his how i if in into is it its itself just me more most my
	myself no nor not now of off on once only or other our ours ourselves out over own said same she should so some
	such than that the their theirs them themselves then there these they this those through to too under until up
	very was we were what when where which while who whom why will with would you your yours yourself yourselves
	says say told according reported report reports news one two three new year years last week day monday tuesday
	wednesday thursday friday saturday sunday mr mrs ms percent people time since like may might must get got make
	made many much well back still even first second another way going told added`) {
		m[w] = true
	}
	return m
}()

// Refine is a batch pass after streaming: it merges stories whose
// centroids are similar (after the time decay between their spans), the
// most similar pairs first, until no pair reaches RefineThreshold. The
// streaming pass decides on one article at a time against young centroids;
// here whole stories meet. Candidates come from the same inverted index, so
// the cost per story does not grow with the archive. Deterministic.
func (c *Clusterer) Refine() {
	type pair struct {
		a, b *story // a older
		sim  float64
	}
	var dirty map[*story]bool // stories merged in the last pass; nil: all
	for pass := 0; pass < 20; pass++ {
		var pairs []pair
		for _, s := range c.stories {
			if s.mergedTo != nil || s.norm == 0 || dirty != nil && !dirty[s] {
				continue
			}
			for _, t := range c.refineCandidates(s) {
				a, b := s, t
				if b.seq < a.seq {
					if dirty == nil {
						continue // first pass: each pair from its older story
					}
					a, b = b, a
				}
				sim := c.linkSim(a, b)
				if sim >= c.opt.RefineThreshold && (len(a.members) == 1 || len(b.members) == 1 || sim >= c.opt.RefineCohesion*math.Min(cohesion(a), cohesion(b))) {
					pairs = append(pairs, pair{a, b, sim})
				}
			}
		}
		if len(pairs) == 0 {
			return
		}
		// Most similar first; a pair found from both sides appears twice and
		// the copy is skipped below.
		sort.Slice(pairs, func(i, j int) bool {
			if pairs[i].sim != pairs[j].sim {
				return pairs[i].sim > pairs[j].sim
			}
			if pairs[i].a.seq != pairs[j].a.seq {
				return pairs[i].a.seq < pairs[j].a.seq
			}
			return pairs[i].b.seq < pairs[j].b.seq
		})
		// Only merged stories change, so the next pass searches from them alone.
		dirty = map[*story]bool{}
		touched := map[*story]bool{}
		for _, p := range pairs {
			if touched[p.a] || touched[p.b] {
				continue
			}
			touched[p.a], touched[p.b] = true, true
			dirty[c.merge(p.a, p.b)] = true
		}
	}
}

// refineCandidates are the stories sharing the most of s's heaviest
// features in the index (at most refineCands, ties by age).
func (c *Clusterer) refineCandidates(s *story) []*story {
	shared := map[*story]int{}
	var list []*story
	for _, f := range topFeatures(s.centroid, 24) {
		for _, t := range c.index[f] {
			t = resolve(t)
			if t == s || t.norm == 0 {
				continue
			}
			if shared[t] == 0 {
				list = append(list, t)
			}
			shared[t]++
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if shared[list[i]] != shared[list[j]] {
			return shared[list[i]] > shared[list[j]]
		}
		return list[i].seq < list[j].seq
	})
	if len(list) > refineCands {
		list = list[:refineCands]
	}
	return list
}

const refineCands = 32

// linkSim is the average-link similarity of two stories: the mean cosine
// between their members (the centroids are sums of unit vectors), after the
// time decay between their spans. Unlike the cosine of the centroids, it does
// not grow with the stories' size and coherence.
func (c *Clusterer) linkSim(a, b *story) float64 {
	return dot(a.centroid, b.centroid) / float64(len(a.members)*len(b.members)) * c.spanDecay(a, b)
}

// cohesion is the mean cosine between a story's members (1 for one member).
func cohesion(s *story) float64 {
	n := float64(len(s.members))
	if n < 2 {
		return 1
	}
	return (s.norm*s.norm - n) / (n * (n - 1))
}

// spanDecay is the time decay between two stories' spans (0 gap when they overlap).
func (c *Clusterer) spanDecay(a, b *story) float64 {
	if a.first.IsZero() || b.first.IsZero() {
		return 1
	}
	switch {
	case a.last.Before(b.first):
		return halve(b.first.Sub(a.last), c.opt.RefineHalfLife)
	case b.last.Before(a.first):
		return halve(a.first.Sub(b.last), c.opt.RefineHalfLife)
	}
	return 1
}

func dot(a, b map[string]float64) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	s := 0.0
	for f, w := range a {
		s += w * b[f]
	}
	return s
}
