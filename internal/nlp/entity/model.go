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

// Buckets is the size of the hashed feature space.
const Buckets = 1 << 18

//go:embed model.bin.gz
var modelBin []byte

// Model holds the weights: W[f*len(Labels)+l].
type Model struct {
	W []float32
}

// LoadModel decodes the embedded model; an empty file means no model.
func LoadModel() (*Model, error) {
	if len(modelBin) == 0 {
		return nil, nil
	}
	return DecodeModel(bytes.NewReader(modelBin))
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
	if len(b) != 4*nl+Buckets*nl {
		return nil, errors.New("entity: model: wrong size (retrain it)")
	}
	scales := make([]float32, nl)
	for l := range scales {
		scales[l] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*l:]))
	}
	w := make([]float32, Buckets*nl)
	q := b[4*nl:]
	for i := range w {
		w[i] = float32(int8(q[i])) * scales[i%nl]
	}
	return &Model{W: w}, nil
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

// Features returns the hashed features of token i given the two previous labels.
// words are the sentence's tokens; caps says the sentence is mostly upper case.
func Features(words []string, i int, prev, prev2 string, caps bool, out []int) []int {
	out = out[:0]
	add := func(s string) { out = append(out, int(xxhash.Sum64String(s)%Buckets)) }
	w := words[i]
	lw := strings.ToLower(w)
	at := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		if k >= len(words) {
			return "</s>"
		}
		return strings.ToLower(words[k])
	}
	sh := shape(w)
	add("b")
	add("w=" + lw)
	add("sh=" + sh)
	add("p=" + prev)
	add("pp=" + prev2 + "|" + prev)
	add("pw=" + prev + "|" + lw)
	for n := 1; n <= 4; n++ {
		if utf8.RuneCountInString(lw) > n {
			add(fmt.Sprintf("pre%d=%s", n, prefix(lw, n)))
			add(fmt.Sprintf("suf%d=%s", n, suffix(lw, n)))
		}
	}
	add("w-1=" + at(i-1))
	add("w+1=" + at(i+1))
	add("w-2=" + at(i-2))
	add("w+2=" + at(i+2))
	add("w-1w=" + at(i-1) + "|" + lw)
	add("ww+1=" + lw + "|" + at(i+1))
	if i > 0 {
		add("sh-1=" + shape(words[i-1]))
	} else {
		add("first")
		add("first|sh=" + sh)
	}
	if i+1 < len(words) {
		add("sh+1=" + shape(words[i+1]))
	}
	if caps {
		add("caps|w=" + lw)
		add("caps")
	} else {
		add("sh|p=" + sh + "|" + prev)
	}
	if places[lw] {
		add("gaz=place")
	}
	if _, ok := demonyms[lw]; ok {
		add("gaz=demonym")
	}
	if orgHeads[lw] {
		add("gaz=orghead")
	}
	if titles[lw] {
		add("gaz=title")
	}
	if i > 0 && titles[at(i-1)] {
		add("aftertitle")
	}
	return out
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
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-n:])
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

// Decode labels a sentence greedily, never starting an entity with I- of
// another type (an I- after O or another type becomes B-).
func (m *Model) Decode(words []string) []string {
	caps := mostlyCaps(words)
	out := make([]string, len(words))
	var buf []int
	nl := len(Labels)
	scores := make([]float32, nl)
	for i := range words {
		prev, prev2 := "<s>", "<s>"
		if i > 0 {
			prev = out[i-1]
		}
		if i > 1 {
			prev2 = out[i-2]
		}
		buf = Features(words, i, prev, prev2, caps, buf)
		for l := range scores {
			scores[l] = 0
		}
		for _, f := range buf {
			row := m.W[f*nl : f*nl+nl]
			for l := range scores {
				scores[l] += row[l]
			}
		}
		best := 0
		for l := range scores {
			if scores[l] > scores[best] {
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

// mostlyCaps reports whether a sentence is written in capitals (a headline).
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
