// Package cluster groups articles into stories, streaming in date order.
//
// Each article becomes a sparse TF-IDF vector over stemmed content words,
// with extra weight on proper nouns, numbers, entity keys and resolved event
// dates — the things that tell two similar events apart (two earthquakes in
// two places). It joins the open story whose centroid is most similar, after
// a time decay, or starts a new one. Candidate stories come from an inverted
// index over each article's heaviest features with capped postings, so the
// cost of one Add does not grow with the archive. When an article matches two
// stories strongly, it is a bridge and the stories are merged.
//
// IDF is estimated incrementally from the documents seen so far; processing
// is deterministic for a given input order.
package cluster

import (
	"math"
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
	Text string    // title + body
	// Entities are normalised entity keys found in the article (may be empty).
	Entities []string
	// EventDates are resolved TIMEX DATE values mentioned in the article.
	EventDates []string
}

// Options tune the clusterer. Zero values take the defaults.
type Options struct {
	// Threshold is the similarity an article needs to join a story (default 0.30).
	Threshold float64
	// MergeThreshold is the similarity to a second story that makes an
	// article a bridge between the two (default 0.40).
	MergeThreshold float64
	// HalfLife is the time gap that halves similarity (default 10 days).
	HalfLife time.Duration
	// MaxFeatures caps a story centroid's features (default 400).
	MaxFeatures int
	// Postings caps the stories kept per index feature, most recent first (default 64).
	Postings int
}

func (o *Options) fill() {
	if o.Threshold == 0 {
		o.Threshold = 0.30
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
	if o.Postings == 0 {
		o.Postings = 64
	}
}

type story struct {
	id       string
	centroid map[string]float64 // sum of member vectors
	norm     float64
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
	var best []scored
	for s := range cands {
		sim := cosine(vec, s) * c.decay(d.Time, s.last)
		best = append(best, scored{s, sim})
	}
	sort.Slice(best, func(i, j int) bool {
		if best[i].sim != best[j].sim {
			return best[i].sim > best[j].sim
		}
		return best[i].s.seq < best[j].s.seq
	})
	var s *story
	if len(best) > 0 && best[0].sim >= c.opt.Threshold {
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
	gap := t.Sub(last)
	if gap < 0 {
		gap = -gap
	}
	return math.Pow(0.5, float64(gap)/float64(c.opt.HalfLife))
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

// features counts a document's features: stemmed content words ("w:"),
// proper nouns ("p:"), numbers ("n:"), entity keys ("e:"), event dates ("d:").
func features(d Doc) map[string]float64 {
	f := map[string]float64{}
	text := d.Text
	start := true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if r == '.' || r == '!' || r == '?' || r == '\n' {
				start = true
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
		switch {
		case unicode.IsDigit(first):
			if len(lw) >= 2 {
				f["n:"+lw]++
			}
		case stopwords[lw] || len(lw) < 3:
		default:
			f["w:"+english.Stem(lw, false)]++
			if unicode.IsUpper(first) && !start {
				f["p:"+lw]++
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
