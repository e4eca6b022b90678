package attrib

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// The cue model is a logistic regression over hashed context features that
// says whether a word is a reporting cue here: "said" almost always is, but
// "support", "think" or "found" are cues only in some contexts ("19 percent
// of students support Clinton", "polls found that …"). It is trained by
// TrainCues from PolNeAR train (see ./train) and embedded gzip'd.

const modelBits = 18

//go:embed cuemodel.bin.gz
var cueModelGz []byte

// model is the read-only embedded cue model (nil weights when absent).
var model = loadModel(cueModelGz)

type cueModel struct{ w []float32 }

func loadModel(gz []byte) *cueModel {
	m := &cueModel{}
	if len(gz) == 0 {
		return m
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return m
	}
	raw, err := io.ReadAll(zr)
	if err != nil || len(raw) != 4<<modelBits {
		return m
	}
	m.w = make([]float32, 1<<modelBits)
	for i := range m.w {
		m.w[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
	}
	return m
}

// hash is FNV-1a over a feature kind and one or two strings.
func hash(kind byte, a, b string) uint32 {
	h := uint32(2166136261)
	h = (h ^ uint32(kind)) * 16777619
	for i := 0; i < len(a); i++ {
		h = (h ^ uint32(a[i])) * 16777619
	}
	h = (h ^ 0xff) * 16777619
	for i := 0; i < len(b); i++ {
		h = (h ^ uint32(b[i])) * 16777619
	}
	return h & (1<<modelBits - 1)
}

func shape(t tok) string {
	switch {
	case !t.word:
		return t.text
	case t.cap:
		return "C"
	case isNumber(t):
		return "9"
	}
	return "x"
}

// features appends the hashed features of token i to buf.
func features(ts []tok, i int, inQuote bool, buf []uint32) []uint32 {
	w := ts[i].low
	at := func(k int) string {
		if k < 0 || k >= len(ts) {
			return "<s>"
		}
		return ts[k].low
	}
	sh := func(k int) string {
		if k < 0 || k >= len(ts) {
			return "<s>"
		}
		return shape(ts[k])
	}
	suf := w
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	q := "0"
	if inQuote {
		q = "1"
	}
	return append(buf,
		hash(0, "", ""),
		hash(1, w, ""),
		hash(2, at(i-1), ""),
		hash(3, at(i+1), ""),
		hash(4, w, at(i+1)),
		hash(5, at(i-1), w),
		hash(6, at(i-2), at(i-1)),
		hash(7, at(i+1), at(i+2)),
		hash(8, suf, sh(i+1)),
		hash(9, w, sh(i-1)),
		hash(10, w, sh(i+1)),
		hash(11, w, q),
		hash(12, sh(i-1), sh(i+1)),
		hash(13, suf, ""),
		hash(14, w, at(i+2)),
		hash(15, stem(w), ""),
		hash(16, stem(w), at(i+1)),
		hash(17, stem(w), sh(i-1)),
		hash(18, w, near(ts, i)),
		hash(19, stem(w), at(i-1)),
	)
}

// prob returns the model's probability that token i is a cue word.
func (m *cueModel) prob(ts []tok, i int, inQuote bool) float64 {
	if m.w == nil {
		return 0
	}
	var buf [24]uint32
	var z float32
	for _, h := range features(ts, i, inQuote, buf[:0]) {
		z += m.w[h]
	}
	return 1 / (1 + math.Exp(-float64(z)))
}

// TrainDoc is one training text with its gold cue spans (byte offsets).
type TrainDoc struct {
	Text string
	Cues []news.Span
}

// TrainCues fits the cue model on docs with stochastic gradient descent and
// returns it gzip'd, ready to be written to cuemodel.bin.gz. Deterministic:
// examples are visited in document order.
func TrainCues(docs []TrainDoc, epochs int, rate float64) ([]byte, error) {
	var exs []example
	for _, d := range docs {
		ts := tokenize(d.Text, 0, len(d.Text))
		qs := findQuotes(d.Text)
		cues := append([]news.Span(nil), d.Cues...)
		sort.Slice(cues, func(i, j int) bool { return cues[i].Start < cues[j].Start })
		for i, t := range ts {
			if !t.word {
				continue
			}
			y := float32(0)
			for _, c := range cues {
				if c.Start > t.s {
					break
				}
				if c.Overlaps(news.Span{Start: t.s, End: t.e}) {
					y = 1
					break
				}
			}
			q := quoteAt(qs, t.s)
			inq := q >= 0 && qs[q].s != t.s
			exs = append(exs, example{features(ts, i, inq, nil), y})
		}
	}
	gz, err := fit(exs, epochs, rate)
	if err != nil {
		return nil, fmt.Errorf("attrib: train cues: %w", err)
	}
	return gz, nil
}

// example is one training instance: hashed features and a 0/1 label.
type example struct {
	f []uint32
	y float32
}

// l2 is the weight decay applied to the features of each example.
const l2 = 0.1

// fit trains a logistic regression by SGD and returns its weights gzip'd.
func fit(exs []example, epochs int, rate float64) ([]byte, error) {
	w := make([]float32, 1<<modelBits)
	for ep := 0; ep < epochs; ep++ {
		lr := float32(rate / (1 + float64(ep)))
		for _, e := range exs {
			var z float32
			for _, h := range e.f {
				z += w[h]
			}
			p := float32(1 / (1 + math.Exp(-float64(z))))
			g := (e.y - p) * lr
			for _, h := range e.f {
				w[h] += g - lr*l2*w[h]
			}
		}
	}
	raw := make([]byte, 4<<modelBits)
	for i, v := range w {
		binary.LittleEndian.PutUint32(raw[4*i:], math.Float32bits(v))
	}
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	return b.Bytes(), nil
}

// stem strips the common verb endings so that rare forms share weights with
// frequent ones ("acknowledges", "acknowledged" → "acknowledg").
func stem(w string) string {
	for _, suf := range []string{"ing", "ied", "ies", "ed", "es", "s", "e", "d"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// near summarises what surrounds a candidate cue: a "that" or an opening
// quotation mark just after it, a closing mark or comma just before it.
func near(ts []tok, i int) string {
	b := []byte("----")
	for k := i + 1; k < len(ts) && k <= i+3; k++ {
		if ts[k].low == "that" {
			b[0] = 't'
		}
		if isOpenQuote(ts[k]) || ts[k].text == ":" {
			b[1] = 'q'
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if isCloseQuote(ts[k]) {
			b[2] = 'q'
		}
		if ts[k].text == "," {
			b[3] = ','
		}
	}
	return string(b)
}
