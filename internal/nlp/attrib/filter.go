package attrib

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// The statement model is a second logistic regression that scores each
// candidate statement as a whole (its cue, how sure the cue model is, whether
// a source was found and of which kind, where the content lies and how long
// it is) and drops the unlikely ones. It is trained by TrainFilter on the
// candidates the rules produce over PolNeAR train, labelled by whether they
// match a gold attribution, and embedded gzip'd.

//go:embed stmtmodel.bin.gz
var stmtModelGz []byte

// stmtModel is the read-only embedded statement model.
var stmtModel = loadModel(stmtModelGz)

// stmtThreshold is the statement model probability below which a candidate
// is dropped.
var stmtThreshold = 0.45

// keep records a candidate for training and tells whether it passes the
// statement model. i is the cue's token index in ts.
func (f *finder) keep(ts []tok, i int, st *news.Statement) bool {
	if !f.filter && f.feats == nil {
		return true
	}
	fs := stmtFeatures(f.text, ts, i, st)
	if f.feats != nil {
		*f.feats = append(*f.feats, fs)
		*f.cands = append(*f.cands, *st)
	}
	if !f.filter || stmtModel.w == nil {
		return true
	}
	// Refusals, denials and non-answers are what crosscheck most needs to
	// keep; PolNeAR annotates them unevenly, so the model does not judge them.
	if st.Stance != news.Assert {
		return true
	}
	// So are reports from anonymous officials ("two Iranian officials said").
	if i < len(ts) && always[ts[i].low] && st.Source != nil && st.Source.Anonymous {
		return true
	}
	var z float32
	for _, h := range fs {
		z += stmtModel.w[h]
	}
	return 1/(1+math.Exp(-float64(z))) >= stmtThreshold
}

func bucket(n int, edges ...int) string {
	for k, e := range edges {
		if n <= e {
			return strconv.Itoa(k)
		}
	}
	return strconv.Itoa(len(edges))
}

// stmtFeatures are the hashed features of a candidate statement.
func stmtFeatures(text string, ts []tok, i int, st *news.Statement) []uint32 {
	cue := strings.ToLower(st.Cue.Text)
	head := ""
	if i < len(ts) {
		head = ts[i].low
	}
	p := 0.0
	if i < len(ts) && ts[i].word {
		p = model.prob(ts, i, false)
	}
	pb := strconv.Itoa(int(p * 10))
	src, kind, sfirst, slen := "nosrc", "", "", "0"
	if st.Source != nil {
		src = "src"
		kind = st.Source.Kind
		words := strings.Fields(strings.ToLower(st.Source.Text))
		if len(words) > 0 {
			sfirst = words[0]
		}
		slen = bucket(len(words), 1, 2, 4, 8)
		if st.Source.Anonymous {
			kind += "-anon"
		}
	}
	where := "after"
	if st.Start < st.Cue.Start {
		where = "before"
	}
	clen := bucket((st.End-st.Start)/6, 3, 8, 20, 40)
	q := "0"
	if st.Quote {
		q = "1"
	}
	prev, next := "<s>", "<s>"
	if i > 0 && i <= len(ts) {
		prev = ts[i-1].low
	}
	if e := i + 1; e < len(ts) {
		next = ts[e].low
	}
	al := "0"
	if always[head] {
		al = "1"
	}
	// The first word of the content: "to" (an intention), "that", a quote.
	cfirst := "<none>"
	if st.End > st.Start {
		// Usually a token of the cue's unit; tokenise only when it is not.
		var c []tok
		if k := sort.Search(len(ts), func(k int) bool { return ts[k].s >= st.Start }); k < len(ts) && ts[k].s == st.Start {
			c = ts[k : k+1]
		} else {
			c = tokenize(text, st.Start, min(st.End, st.Start+40))
		}
		if len(c) > 0 {
			cfirst = c[0].low
			if c[0].cap {
				cfirst = "C"
			}
		}
	}
	slast := ""
	if st.Source != nil {
		words := strings.Fields(strings.ToLower(st.Source.Text))
		if len(words) > 0 {
			slast = words[len(words)-1]
		}
	}
	return []uint32{
		hash(59, slast, ""),
		hash(60, where, cfirst),
		hash(57, cfirst, ""),
		hash(58, stem(head), cfirst),
		hash(40, "", ""),
		hash(41, cue, ""),
		hash(42, stem(head), ""),
		hash(43, pb, ""),
		hash(44, src, kind),
		hash(45, sfirst, ""),
		hash(46, slen, src),
		hash(47, where, q),
		hash(48, clen, where),
		hash(49, st.Stance, ""),
		hash(50, prev, ""),
		hash(51, next, ""),
		hash(52, al, pb),
		hash(53, head, src),
		hash(54, head, where),
		hash(55, pb, src),
		hash(56, kind, where),
	}
}

// FilterDoc is one training text with its gold attributions (byte offsets).
type FilterDoc struct {
	Text         string
	Attributions []GoldAttribution
}

// GoldAttribution is one gold attribution: its source (empty when none),
// cue and content spans.
type GoldAttribution struct {
	Source, Cue, Content []news.Span
}

// TrainFilter fits the statement model on the rule candidates over docs (a
// candidate is positive when its cue, content and source each overlap one
// gold attribution's, the evaluation's criterion) and returns it gzip'd.
func TrainFilter(docs []FilterDoc, epochs int, rate float64) ([]byte, error) {
	var exs []example
	for _, d := range docs {
		var feats [][]uint32
		var cands []news.Statement
		f := newFinder(d.Text, nil)
		f.feats, f.cands = &feats, &cands
		f.run()
		for k, st := range cands {
			y := float32(0)
			if matchesGold(st, d.Attributions) {
				y = 1
			}
			exs = append(exs, example{feats[k], y})
		}
	}
	gz, err := fit(exs, epochs, rate)
	if err != nil {
		return nil, fmt.Errorf("attrib: train filter: %w", err)
	}
	return gz, nil
}

func overlapsAny(a news.Span, bs []news.Span) bool {
	for _, b := range bs {
		if a.Overlaps(b) {
			return true
		}
	}
	return false
}

// matchesGold reports whether a candidate overlaps a gold attribution in cue,
// content and source.
func matchesGold(st news.Statement, golds []GoldAttribution) bool {
	for _, g := range golds {
		if !overlapsAny(st.Cue.Span, g.Cue) || !overlapsAny(st.Span, g.Content) {
			continue
		}
		if st.Source == nil && len(g.Source) == 0 || st.Source != nil && overlapsAny(st.Source.Span, g.Source) {
			return true
		}
	}
	return false
}
