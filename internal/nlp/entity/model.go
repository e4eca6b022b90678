package entity

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
)

// The sequence model: a greedy averaged perceptron over BIO labels for the
// CoNLL-2003 types, with hashed features (word, shape, affixes, neighbours,
// previous labels, gazetteers), trained in Go on CoNLL-2003 train by
// ./train. Weights are quantised to int8 per label and embedded.

// Labels of the sequence model.
var Labels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// DefaultBuckets is the size of the hashed feature space the trainer uses.
const DefaultBuckets = 1 << 20

//go:embed model.bin.gz
var modelBin []byte

//go:embed model1.bin.gz
var model1Bin []byte

// Model holds the weights of one pass: row (h % Buckets) of len(Labels)
// weights per feature hash h, as floats while training (W) or int8 with a
// scale per label once loaded (Q, Scale: a quarter of the memory).
type Model struct {
	W       []float32
	Q       []int8
	Scale   []float32
	Buckets int
	// First is the first-pass model whose labels give the document's
	// prediction history; nil for a one-pass model.
	First *Model
}

// NewModel wraps float weights (the trainer's).
func NewModel(w []float32) *Model { return &Model{W: w, Buckets: len(w) / len(Labels)} }

// LoadModel decodes the embedded two-pass model; an empty file means no model.
func LoadModel() (*Model, error) {
	if len(modelBin) == 0 {
		return nil, nil
	}
	m, err := DecodeModel(bytes.NewReader(modelBin))
	if err != nil || len(model1Bin) == 0 {
		return m, err
	}
	if m.First, err = DecodeModel(bytes.NewReader(model1Bin)); err != nil {
		return nil, err
	}
	return m, nil
}

// DecodeModel reads a model: per label a float32 scale, then int8 weights.
func DecodeModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("entity: model: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("entity: model: %w", err)
	}
	nl := len(Labels)
	if len(b) <= 4*nl || (len(b)-4*nl)%nl != 0 {
		return nil, errors.New("entity: model: wrong size (retrain it)")
	}
	m := &Model{Scale: make([]float32, nl), Buckets: (len(b) - 4*nl) / nl}
	for l := range m.Scale {
		m.Scale[l] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*l:]))
	}
	q := b[4*nl:]
	m.Q = make([]int8, len(q))
	for i, x := range q {
		m.Q[i] = int8(x)
	}
	return m, nil
}

// EncodeModel writes w quantised to int8 per label.
func EncodeModel(out io.Writer, w []float32) error {
	nl := len(Labels)
	scales := make([]float32, nl)
	for i, v := range w {
		if a := float32(math.Abs(float64(v))); a > scales[i%nl] {
			scales[i%nl] = a
		}
	}
	var buf bytes.Buffer
	for l := range scales {
		scales[l] /= 127
		if scales[l] == 0 {
			scales[l] = 1
		}
		binary.Write(&buf, binary.LittleEndian, math.Float32bits(scales[l]))
	}
	q := make([]byte, len(w))
	for i, v := range w {
		x := math.Round(float64(v / scales[i%nl]))
		q[i] = byte(int8(math.Max(-127, math.Min(127, x))))
	}
	buf.Write(q)
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// Doc holds what the rest of a document says about its words, which one
// sentence cannot: "Lotte" capitalised mid-sentence elsewhere is a name even
// at the start of a sentence; "Musk" after "Elon Musk" is the same person's
// surname. Built once per document by NewDoc; nil means no context.
type Doc struct {
	lower    map[string]bool // seen in lower case
	capMid   map[string]bool // seen capitalised, not first in its sentence
	titled   map[string]bool // seen right after a title ("Mr.", "President")
	surname  map[string]bool // seen as the last word of a capitalised run of two or more
	forename map[string]bool // seen as the first word of such a run
	orgTail  map[string]bool // seen in a run that ends in an organisation word
	// hist is the type a first pass gave the word in most of its entity
	// mentions in this document (Ratinov and Roth's prediction history).
	hist map[string]string
}

// SetHistory records, per word, the entity type first-pass labels gave it
// most often in the document (ties go to the alphabetically first type).
func (d *Doc) SetHistory(sents, labels [][]string) {
	counts := map[string]map[string]int{}
	for k, ws := range sents {
		for i, w := range ws {
			l := labels[k][i]
			if l == "O" || !capitalised(w) {
				continue
			}
			lw := strings.ToLower(w)
			if counts[lw] == nil {
				counts[lw] = map[string]int{}
			}
			counts[lw][l[2:]]++
		}
	}
	d.hist = make(map[string]string, len(counts))
	for w, c := range counts {
		best, bn := "", 0
		for _, t := range []string{"LOC", "MISC", "ORG", "PER"} {
			if c[t] > bn {
				best, bn = t, c[t]
			}
		}
		d.hist[w] = best
	}
}

// NewDoc gathers the document context of sentences given as words.
func NewDoc(sents [][]string) *Doc {
	d := &Doc{lower: map[string]bool{}, capMid: map[string]bool{}, titled: map[string]bool{},
		surname: map[string]bool{}, forename: map[string]bool{}, orgTail: map[string]bool{}}
	for _, ws := range sents {
		caps := mostlyCaps(ws)
		for i := 0; i < len(ws); i++ {
			w := ws[i]
			lw := strings.ToLower(w)
			if !capitalised(w) {
				if w == lw && hasLetter(w) {
					d.lower[lw] = true
				}
				continue
			}
			if caps {
				continue // a headline in capitals says nothing about case
			}
			if i > 0 {
				d.capMid[lw] = true
				if titles[strings.ToLower(ws[i-1])] {
					d.titled[lw] = true
				}
			}
			j := i
			for j < len(ws) && capitalised(ws[j]) {
				j++
			}
			if j-i >= 2 && j-i <= 4 {
				d.forename[lw] = true
				d.surname[strings.ToLower(ws[j-1])] = true
				if orgHeads[strings.ToLower(ws[j-1])] {
					for _, x := range ws[i:j] {
						d.orgTail[strings.ToLower(x)] = true
					}
				}
			}
		}
	}
	return d
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Sentence is one sentence's words with what every feature reads from them,
// computed once.
type Sentence struct {
	Words, Low, Shape []string
	Caps              bool // mostly upper case (a headline)
}

// NewSentence prepares words for feature extraction.
func NewSentence(words []string) *Sentence {
	s := &Sentence{Words: words, Low: make([]string, len(words)), Shape: make([]string, len(words)), Caps: mostlyCaps(words)}
	for i, w := range words {
		s.Low[i] = strings.ToLower(w)
		s.Shape[i] = shape(w)
	}
	return s
}

// Featurizer hashes features without allocating; one per goroutine.
type Featurizer struct {
	b   []byte
	out []uint64
}

func (f *Featurizer) add(parts ...string) {
	f.b = f.b[:0]
	for k, p := range parts {
		if k > 0 {
			f.b = append(f.b, 0)
		}
		f.b = append(f.b, p...)
	}
	f.out = append(f.out, xxhash.Sum64(f.b))
}

var affixNames = [...][2]string{{"pre1", "suf1"}, {"pre2", "suf2"}, {"pre3", "suf3"}, {"pre4", "suf4"}}

// Features returns the feature hashes of token i of s given the two
// previous labels and the document context (may be nil). The slice is
// reused by the next call.
func (f *Featurizer) Features(s *Sentence, i int, prev, prev2 string, doc *Doc) []uint64 {
	f.out = f.out[:0]
	f.static(s, i, doc)
	f.dynamic(s, i, prev, prev2, doc)
	return f.out
}

// Static returns the hashes of the features of token i that depend on
// neither the labels before it nor the first pass: computed once per token
// and shared by both passes.
func (f *Featurizer) Static(s *Sentence, i int, doc *Doc) []uint64 {
	f.out = f.out[:0]
	f.static(s, i, doc)
	return append([]uint64(nil), f.out...)
}

// WithStatic returns static followed by the label- and history-dependent
// features of token i; the slice is reused by the next call.
func (f *Featurizer) WithStatic(static []uint64, s *Sentence, i int, prev, prev2 string, doc *Doc) []uint64 {
	f.out = append(f.out[:0], static...)
	f.dynamic(s, i, prev, prev2, doc)
	return f.out
}

func lowAt(s *Sentence, k int) string {
	if k < 0 {
		return "<s>"
	}
	if k >= len(s.Words) {
		return "</s>"
	}
	return s.Low[k]
}

func shapeAt(s *Sentence, k int) string {
	if k < 0 {
		return "<s>"
	}
	if k >= len(s.Words) {
		return "</s>"
	}
	return s.Shape[k]
}

func (f *Featurizer) static(s *Sentence, i int, doc *Doc) {
	w, lw, sh := s.Words[i], s.Low[i], s.Shape[i]
	at := func(k int) string { return lowAt(s, k) }
	shAt := func(k int) string { return shapeAt(s, k) }
	f.add("b")
	f.add("w", lw)
	f.add("sh", sh)
	n := utf8.RuneCountInString(lw)
	for k := 1; k <= 4 && n > k; k++ {
		f.add(affixNames[k-1][0], prefix(lw, k))
		f.add(affixNames[k-1][1], suffix(lw, k))
	}
	f.add("w-1", at(i-1))
	f.add("w+1", at(i+1))
	f.add("w-2", at(i-2))
	f.add("w+2", at(i+2))
	f.add("w-1w", at(i-1), lw)
	f.add("ww+1", lw, at(i+1))
	if i == 0 {
		f.add("first")
		f.add("first|sh", sh)
	}
	f.add("sh-1", shAt(i-1))
	f.add("sh+1", shAt(i+1))
	f.add("sh3", shAt(i-1), sh, shAt(i+1))
	f.add("w-1w+1", at(i-1), at(i+1))
	f.add("suf3-1", suffix(at(i-1), 3))
	f.add("suf3+1", suffix(at(i+1), 3))
	if s.Caps {
		f.add("caps|w", lw)
		f.add("caps")
	}
	if places[lw] {
		f.add("gaz=place")
	}
	if _, ok := demonyms[lw]; ok {
		f.add("gaz=demonym")
	}
	if orgHeads[lw] {
		f.add("gaz=orghead")
	}
	if titles[lw] {
		f.add("gaz=title")
	}
	if i > 0 && titles[at(i-1)] {
		f.add("aftertitle")
	}
	if doc != nil && hasLetter(w) && (capitalised(w) || s.Caps) {
		// What the rest of the document says about this word.
		if doc.lower[lw] {
			f.add("doc=lower")
		}
		if doc.capMid[lw] {
			f.add("doc=capmid")
		}
		if doc.titled[lw] {
			f.add("doc=titled")
		}
		if doc.surname[lw] {
			f.add("doc=surname")
		}
		if doc.forename[lw] {
			f.add("doc=forename")
		}
		if doc.orgTail[lw] {
			f.add("doc=orgtail")
		}
		if s.Caps || i == 0 {
			f.add("doc|first", strconv.FormatBool(doc.lower[lw]), strconv.FormatBool(doc.capMid[lw]))
		}
	}
}

// dynamic adds the features that depend on the previous labels or on the
// first pass's history.
func (f *Featurizer) dynamic(s *Sentence, i int, prev, prev2 string, doc *Doc) {
	w, lw, sh := s.Words[i], s.Low[i], s.Shape[i]
	f.add("p", prev)
	f.add("pp", prev2, prev)
	f.add("pw", prev, lw)
	if !s.Caps {
		f.add("sh|p", sh, prev)
	}
	if doc == nil {
		return
	}
	if hasLetter(w) && (capitalised(w) || s.Caps) {
		if doc.surname[lw] {
			f.add("doc=surname|p", prev)
		}
		if t := doc.hist[lw]; t != "" {
			f.add("hist", t)
			f.add("hist|p", t, prev)
			f.add("hist|sh", t, sh)
		}
	}
	if doc.hist != nil {
		if t := doc.hist[lowAt(s, i+1)]; t != "" {
			f.add("hist+1", t)
		}
		if t := doc.hist[lowAt(s, i-1)]; t != "" {
			f.add("hist-1", t)
		}
	}
}

func prefix(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// shape maps a word to its character classes, collapsing repeats: "Musk" → "Xx", "U.S." → "X.X.", "2015" → "d".
func shape(w string) string {
	var b strings.Builder
	last := rune(0)
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// Decode labels one sentence on its own.
func (m *Model) Decode(words []string) []string {
	return m.DecodeDoc([][]string{words})[0]
}

// DecodeDoc labels the sentences of one document, each with the context of
// the whole document.
func (m *Model) DecodeDoc(sents [][]string) [][]string {
	out, _ := m.DecodeDocContext(sents)
	return out
}

// DecodeDocContext is DecodeDoc that also returns the document context,
// for decoding variants of its sentences.
func (m *Model) DecodeDocContext(sents [][]string) ([][]string, *Doc) {
	doc := NewDoc(sents)
	out := make([][]string, len(sents))
	prepared := make([]*Sentence, len(sents))
	static := make([][][]uint64, len(sents))
	var f Featurizer
	for k, ws := range sents {
		prepared[k] = NewSentence(ws)
		static[k] = make([][]uint64, len(ws))
		for i := range ws {
			static[k][i] = f.Static(prepared[k], i, doc)
		}
	}
	if m.First != nil {
		for k := range sents {
			out[k] = m.First.decode(prepared[k], static[k], doc)
		}
		doc.SetHistory(sents, out)
	}
	for k := range sents {
		out[k] = m.decode(prepared[k], static[k], doc)
	}
	return out, doc
}

// Score sets scores (len(Labels)) to the sum of the weights of features fs.
func (m *Model) Score(fs []uint64, scores []float32) {
	nl := len(Labels)
	if m.Q != nil {
		var acc [16]int32
		for _, h := range fs {
			f := int(h % uint64(m.Buckets))
			row := m.Q[f*nl : f*nl+nl]
			for l, x := range row {
				acc[l] += int32(x)
			}
		}
		for l := range scores {
			scores[l] = float32(acc[l]) * m.Scale[l]
		}
		return
	}
	for l := range scores {
		scores[l] = 0
	}
	for _, h := range fs {
		f := int(h % uint64(m.Buckets))
		row := m.W[f*nl : f*nl+nl]
		for l := range scores {
			scores[l] += row[l]
		}
	}
}

// DecodeIn labels a sentence greedily in a document context (nil: none),, never starting an entity with I- of
// another type (an I- after O or another type becomes B-).
func (m *Model) DecodeIn(words []string, doc *Doc) []string {
	return m.decode(NewSentence(words), nil, doc)
}

// decode labels a prepared sentence; static holds its tokens' static
// feature hashes (nil: computed here).
func (m *Model) decode(s *Sentence, static [][]uint64, doc *Doc) []string {
	out := make([]string, len(s.Words))
	var f Featurizer
	var scores [16]float32
	sc := scores[:len(Labels)]
	for i := range s.Words {
		prev, prev2 := "<s>", "<s>"
		if i > 0 {
			prev = out[i-1]
		}
		if i > 1 {
			prev2 = out[i-2]
		}
		var fs []uint64
		if static != nil {
			fs = f.WithStatic(static[i], s, i, prev, prev2, doc)
		} else {
			fs = f.Features(s, i, prev, prev2, doc)
		}
		m.Score(fs, sc)
		best := 0
		for l := range sc {
			if sc[l] > sc[best] {
				best = l
			}
		}
		lab := Labels[best]
		if strings.HasPrefix(lab, "I-") && (prev == "<s>" || prev == "O" || prev[2:] != lab[2:]) {
			lab = "B-" + lab[2:]
		}
		out[i] = lab
	}
	return out
}

// MostlyCaps reports whether a sentence is written in capitals (a headline).
func MostlyCaps(words []string) bool { return mostlyCaps(words) }

func mostlyCaps(words []string) bool {
	up, letters := 0, 0
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					up++
				}
			}
		}
	}
	return letters >= 8 && up*10 >= letters*8
}

// LoadModelFile reads a model file (for the trainer's check).
func LoadModelFile(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return DecodeModel(bytes.NewReader(b))
}
