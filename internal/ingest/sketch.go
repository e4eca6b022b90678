package ingest

import (
	"math/bits"
	"sort"
	"strings"
	"unicode"

	"github.com/cespare/xxhash/v2"
)

// Sketch is the 64-bit SimHash of a text's word 3-shingles (lower-cased
// letters and digits). Light edits flip few bits; different articles
// differ in about half. xxhash is stable across processes, so stored
// sketches stay comparable.
func Sketch(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var v [64]int
	add := func(s string) {
		h := xxhash.Sum64String(s)
		for i := 0; i < 64; i++ {
			if h&(1<<uint(i)) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	switch {
	case len(words) == 0:
		return 0
	case len(words) < 3:
		add(strings.Join(words, " "))
	default:
		for i := 0; i+3 <= len(words); i++ {
			add(words[i] + " " + words[i+1] + " " + words[i+2])
		}
	}
	var h uint64
	for i := 0; i < 64; i++ {
		if v[i] > 0 {
			h |= 1 << uint(i)
		}
	}
	return h
}

// MaxDistance is the Hamming distance up to which two sketches are
// near-duplicates. A syndicated copy of a 130-word article with a changed
// byline and one added line measures 6; unrelated articles measure about
// 32 ± 4 (independent bits), so 7 leaves a wide margin. With 8 bands of 8
// bits, any two sketches within 7 bits share at least one band exactly
// (pigeonhole), so exact band lookups find every candidate.
const MaxDistance = 7

const nBands = 8

// Index finds near-duplicate sketches through eight band tables of 8 bits:
// a lookup compares against the 1/256 of the corpus in each of 8 buckets
// (about N/32 popcounts), not against every stored sketch.
type Index struct {
	bands [nBands]map[uint8][]entry
}

type entry struct {
	id     string
	sketch uint64
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	ix := &Index{}
	for i := range ix.bands {
		ix.bands[i] = map[uint8][]entry{}
	}
	return ix
}

// Add records a sketch for an original article.
func (ix *Index) Add(id string, sketch uint64) {
	if sketch == 0 {
		return
	}
	for b := 0; b < nBands; b++ {
		k := uint8(sketch >> (8 * b))
		ix.bands[b][k] = append(ix.bands[b][k], entry{id, sketch})
	}
}

// Near returns the ID of the closest stored sketch within MaxDistance of
// sketch (ties broken by ID), or "" when there is none.
func (ix *Index) Near(sketch uint64) string {
	if sketch == 0 {
		return ""
	}
	best, bestD := "", MaxDistance+1
	for b := 0; b < nBands; b++ {
		for _, e := range ix.bands[b][uint8(sketch>>(8*b))] {
			d := bits.OnesCount64(e.sketch ^ sketch)
			if d < bestD || (d == bestD && e.id < best) {
				best, bestD = e.id, d
			}
		}
	}
	return best
}

// Load adds every sketch of m, in ID order (deterministic).
func (ix *Index) Load(m map[string]uint64) {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		ix.Add(id, m[id])
	}
}
