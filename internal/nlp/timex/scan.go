package timex

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file makes the pattern scan cheap without changing what it finds.
//
// regexp.FindAllStringSubmatchIndex over a window tries a match at every
// byte: the patterns start with \b or a class, so Go's literal-prefix
// search does not apply, and the larger ones (numbers × units) exceed the
// backtracker's program limit and run on the slow NFA. Most positions cannot
// start a match anyway. A matcher therefore derives from each pattern's
// syntax tree
//
//   - the bytes each of the first startLen bytes of a match can be,
//   - whether the match must start at a word boundary, and
//   - how many spaces a match can contain at most,
//
// and runs an anchored copy of the regexp only at positions whose bytes
// fit, on a slice that ends just after the last space the match could
// reach. Leftmost-first matching from a position depends only on the text
// the match can touch and on the byte before it (for \b and ^), which the
// anchored copy sees through one extra leading character, so the matches,
// their order and their groups are exactly those of FindAll on the window.

// startLen is how many leading bytes of a match are checked against the
// pattern's byte sets before the regexp is run.
const startLen = 4

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }
func (s *byteSet) addRange(lo, hi int) { // inclusive, 0 <= lo, hi <= 255
	for b := lo; b <= hi; b++ {
		s.add(byte(b))
	}
}

// offsets is a set of byte offsets from a match start: bit i for offset i <
// startLen, bit startLen for any offset at or past startLen.
type offsets uint8

// shift moves every offset of o n bytes on.
func (o offsets) shift(n int) offsets {
	var r offsets
	for i := 0; i <= startLen; i++ {
		if o&(1<<i) != 0 {
			r |= 1 << min(i+n, startLen)
		}
	}
	return r
}

// matcher finds the matches of one pattern, as FindAllStringSubmatchIndex
// would, trying the regexp only where a match can start.
type matcher struct {
	re *regexp.Regexp
	// at[i] holds every byte a match can have at offset i (every byte
	// where the match may already have ended).
	at [startLen]byteSet
	// wordStart: the pattern begins with \b, so a match starting with an
	// ASCII word character starts a word.
	wordStart bool
	// listed: wordStart and at[0] has no ASCII non-word byte, so only the
	// window's word starts (and non-ASCII runes) need trying.
	listed bool
	// maxSpaces bounds the spaces in a match; -1 when unbounded.
	maxSpaces int
	// anch matches the pattern at the start of its input, anchCtx one
	// character later (that character gives \b and ^ their context).
	anch, anchCtx *regexp.Regexp
	// plain: the analysis does not apply (a match may be empty); use FindAll.
	plain bool
}

func newMatcher(re *regexp.Regexp) *matcher {
	m := &matcher{re: re}
	src := re.String()
	tree, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		m.plain = true
		return m
	}
	tree = tree.Simplify()
	a := &startSets{}
	ends, ok := a.walk(tree, 1)
	if !ok || ends&1 != 0 {
		m.plain = true // unknown construct, or an empty match is possible
		return m
	}
	// Past the end of a short match the text may hold anything.
	for i := 1; i < startLen; i++ {
		if ends&(1<<i) != 0 {
			for j := i; j < startLen; j++ {
				a.at[j] = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			}
			break
		}
	}
	m.at = a.at
	m.wordStart = startsWithWordBoundary(tree)
	m.listed = m.wordStart
	for b := 0; b < utf8.RuneSelf; b++ {
		if m.at[0].has(byte(b)) && !isWordByte(byte(b)) {
			m.listed = false
		}
	}
	m.maxSpaces = maxSpaces(tree)
	if m.maxSpaces >= unbounded {
		m.maxSpaces = -1
	}
	m.anch = regexp.MustCompile(`^(?:` + src + `)`)
	m.anchCtx = regexp.MustCompile(`^(?s:.)(?:` + src + `)`)
	return m
}

// startSets collects, over all paths through a pattern, the bytes at each
// of the first startLen offsets of a match.
type startSets struct {
	at [startLen]byteSet
}

var allHigh = func() (s byteSet) { s.addRange(utf8.RuneSelf, 255); return }()

// walk records the bytes n can match when it starts at any offset of
// starts, and returns the offsets where it can end. ok is false for a
// construct it does not know.
func (a *startSets) walk(n *syntax.Regexp, starts offsets) (ends offsets, ok bool) {
	if starts == 0 {
		return 0, true
	}
	switch n.Op {
	case syntax.OpNoMatch:
		return 0, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return starts, true
	case syntax.OpLiteral:
		cur := starts
		for _, r := range n.Rune {
			var next offsets
			for _, v := range foldOrbit(r, n.Flags&syntax.FoldCase != 0) {
				next |= a.rune(cur, v)
			}
			cur = next
		}
		return cur, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(n.Rune); i += 2 {
			ends |= a.runeRange(starts, n.Rune[i], n.Rune[i+1])
		}
		return ends, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return a.runeRange(starts, 0, unicode.MaxRune), true
	case syntax.OpCapture:
		return a.walk(n.Sub[0], starts)
	case syntax.OpConcat:
		cur := starts
		for _, sub := range n.Sub {
			if cur, ok = a.walk(sub, cur); !ok {
				return 0, false
			}
		}
		return cur, true
	case syntax.OpAlternate:
		for _, sub := range n.Sub {
			e, ok := a.walk(sub, starts)
			if !ok {
				return 0, false
			}
			ends |= e
		}
		return ends, true
	case syntax.OpQuest:
		e, ok := a.walk(n.Sub[0], starts)
		return starts | e, ok
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		// Any number of repetitions (a superset for {n,m}), at least one for +.
		cur := starts
		if n.Op == syntax.OpPlus {
			if cur, ok = a.walk(n.Sub[0], starts); !ok {
				return 0, false
			}
		}
		for {
			e, ok := a.walk(n.Sub[0], cur)
			if !ok {
				return 0, false
			}
			if cur|e == cur {
				return cur, true
			}
			cur |= e
		}
	}
	return 0, false
}

// rune records rune r at the offsets of starts.
func (a *startSets) rune(starts offsets, r rune) offsets {
	if r < utf8.RuneSelf {
		for i := 0; i < startLen; i++ {
			if starts&(1<<i) != 0 {
				a.at[i].add(byte(r))
			}
		}
		return starts.shift(1)
	}
	if r == utf8.RuneError {
		// Also matches any invalid byte.
		return a.runeRange(starts, r, r)
	}
	var buf [utf8.UTFMax]byte
	enc := buf[:utf8.EncodeRune(buf[:], r)]
	for i := 0; i < startLen; i++ {
		if starts&(1<<i) != 0 {
			for j, b := range enc {
				if i+j < startLen {
					a.at[i+j].add(b)
				}
			}
		}
	}
	return starts.shift(len(enc))
}

// runeRange records the runes lo..hi at the offsets of starts. Non-ASCII
// runes are covered loosely: any high byte, one to four of them.
func (a *startSets) runeRange(starts offsets, lo, hi rune) offsets {
	var ends offsets
	if lo < utf8.RuneSelf {
		top := min(hi, utf8.RuneSelf-1)
		for i := 0; i < startLen; i++ {
			if starts&(1<<i) != 0 {
				a.at[i].addRange(int(lo), int(top))
			}
		}
		ends |= starts.shift(1)
	}
	if hi >= utf8.RuneSelf {
		for i := 0; i < startLen; i++ {
			if starts&(1<<i) != 0 {
				for j := i; j < min(i+utf8.UTFMax, startLen); j++ {
					for k := range a.at[j] {
						a.at[j][k] |= allHigh[k]
					}
				}
			}
		}
		for w := 1; w <= utf8.UTFMax; w++ {
			ends |= starts.shift(w)
		}
	}
	return ends
}

// foldOrbit returns r and, when fold is set, the runes that match it case-insensitively.
func foldOrbit(r rune, fold bool) []rune {
	out := []rune{r}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			out = append(out, f)
		}
	}
	return out
}

// startsWithWordBoundary reports whether every match of n begins with \b.
func startsWithWordBoundary(n *syntax.Regexp) bool {
	switch n.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpCapture:
		return startsWithWordBoundary(n.Sub[0])
	case syntax.OpConcat:
		return len(n.Sub) > 0 && startsWithWordBoundary(n.Sub[0])
	}
	return false
}

const unbounded = 1 << 20

// maxSpaces returns the most spaces a match of n can contain (unbounded or more when any number).
func maxSpaces(n *syntax.Regexp) int {
	switch n.Op {
	case syntax.OpLiteral:
		c := 0
		for _, r := range n.Rune {
			if r == ' ' { // ' ' folds to nothing else
				c++
			}
		}
		return c
	case syntax.OpCharClass:
		for i := 0; i+1 < len(n.Rune); i += 2 {
			if n.Rune[i] <= ' ' && ' ' <= n.Rune[i+1] {
				return 1
			}
		}
		return 0
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxSpaces(n.Sub[0])
	case syntax.OpConcat:
		s := 0
		for _, sub := range n.Sub {
			s = min(s+maxSpaces(sub), unbounded)
		}
		return s
	case syntax.OpAlternate:
		s := 0
		for _, sub := range n.Sub {
			s = max(s, maxSpaces(sub))
		}
		return s
	case syntax.OpStar, syntax.OpPlus:
		if maxSpaces(n.Sub[0]) > 0 {
			return unbounded
		}
		return 0
	case syntax.OpRepeat:
		s := maxSpaces(n.Sub[0])
		if s == 0 {
			return 0
		}
		if n.Max < 0 {
			return unbounded
		}
		return min(s*n.Max, unbounded)
	}
	return 0 // empty-width assertions, empty match, no match
}

func isWordByte(b byte) bool {
	return b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// runeStart reports whether decoding text[lo:hi] from lo steps onto q, as
// regexp does (an invalid byte is a one-byte rune).
func runeStart(text string, lo, hi, q int) bool {
	if b := text[q]; b < utf8.RuneSelf || b >= 0xC0 {
		return true // ASCII and lead bytes never continue a rune
	}
	for i := 1; i <= utf8.UTFMax-1 && q-i >= lo; i++ {
		c := text[q-i]
		if c < utf8.RuneSelf {
			return true
		}
		if c >= 0xC0 {
			_, size := utf8.DecodeRuneInString(text[q-i : hi])
			return size <= i
		}
	}
	return true
}

// wordStarts returns the positions of text[lo:hi] where a word of ASCII
// word characters begins, and where a non-ASCII rune begins: the only
// places a listed matcher needs to try.
func wordStarts(dst []int, text string, lo, hi int) []int {
	prevWord := false
	for q := lo; q < hi; q++ {
		b := text[q]
		w := isWordByte(b)
		if w && !prevWord || b >= utf8.RuneSelf && runeStart(text, lo, hi, q) {
			dst = append(dst, q)
		}
		prevWord = w
	}
	return dst
}

// findAll appends to dst the matches of m in text[lo:hi], with absolute
// indices, exactly as m.re.FindAllStringSubmatchIndex(text[lo:hi], -1)
// finds them. starts are the window's wordStarts.
func (m *matcher) findAll(dst [][]int, text string, lo, hi int, starts []int) [][]int {
	if m.plain {
		for _, mt := range m.re.FindAllStringSubmatchIndex(text[lo:hi], -1) {
			for i := range mt {
				if mt[i] >= 0 {
					mt[i] += lo
				}
			}
			dst = append(dst, mt)
		}
		return dst
	}
	pos := lo
	if m.listed {
		for _, q := range starts {
			if q < pos {
				continue
			}
			if mt := m.matchAt(text, lo, hi, q); mt != nil {
				dst = append(dst, mt)
				pos = mt[1]
			}
		}
		return dst
	}
	for q := lo; q < hi; q++ {
		if q < pos || !m.at[0].has(text[q]) {
			continue
		}
		if mt := m.matchAt(text, lo, hi, q); mt != nil {
			dst = append(dst, mt)
			pos = mt[1]
		}
	}
	return dst
}

// matchAt returns the leftmost-first match of m starting at q in the window
// text[lo:hi], with absolute indices, or nil.
func (m *matcher) matchAt(text string, lo, hi, q int) []int {
	for i := 0; i < startLen && q+i < hi; i++ {
		if !m.at[i].has(text[q+i]) {
			return nil
		}
	}
	b := text[q]
	if m.wordStart && isWordByte(b) && q > lo && isWordByte(text[q-1]) {
		return nil // no \b before q
	}
	if b >= 0x80 && b < 0xC0 && !runeStart(text, lo, hi, q) {
		return nil // inside a rune: FindAll never starts here
	}
	// A match holds at most maxSpaces spaces, so it ends before the next
	// space after those; one byte beyond keeps \b and $ as in the window.
	end := hi
	if m.maxSpaces >= 0 {
		k := q
		for n := 0; n <= m.maxSpaces; n++ {
			i := strings.IndexByte(text[k:hi], ' ')
			if i < 0 {
				k = -1
				break
			}
			k += i + 1
		}
		if k >= 0 {
			end = k
		}
	}
	var mt []int
	base := q
	if q == lo {
		mt = m.anch.FindStringSubmatchIndex(text[q:end])
	} else {
		base = q - 1
		mt = m.anchCtx.FindStringSubmatchIndex(text[q-1 : end])
	}
	if mt == nil {
		return nil
	}
	for i := range mt {
		if mt[i] >= 0 {
			mt[i] += base
		}
	}
	mt[0] = q
	return mt
}

// wordSet tests a string for several lower-case words at once: at each
// byte it compares only the words that begin with that byte, instead of
// running strings.Contains once per word over the whole string.
type wordSet struct {
	words   []string
	byFirst [256][]uint8 // indices into words
}

func newWordSet(words []string) *wordSet {
	ws := &wordSet{}
	for _, w := range words {
		if slices.Contains(ws.words, w) {
			continue
		}
		if len(ws.words) == maxWords {
			panic("timex: too many words in a wordSet")
		}
		ws.byFirst[w[0]] = append(ws.byFirst[w[0]], uint8(len(ws.words)))
		ws.words = append(ws.words, w)
	}
	return ws
}

// maxWords is the capacity of a wordMask.
const maxWords = 128

// wordMask is a set of indices into a wordSet's words.
type wordMask [maxWords / 64]uint64

func (m *wordMask) set(i int) { m[i>>6] |= 1 << (i & 63) }
func (m *wordMask) hasAny(o *wordMask) bool {
	for i := range m {
		if m[i]&o[i] != 0 {
			return true
		}
	}
	return false
}

// mask returns the indices of words (which must be in ws).
func (ws *wordSet) mask(words []string) wordMask {
	var m wordMask
	for _, w := range words {
		m.set(slices.Index(ws.words, w))
	}
	return m
}

// containsAny reports whether s contains one of the words.
func (ws *wordSet) containsAny(s string) bool {
	for i := 0; i < len(s); i++ {
		for _, k := range ws.byFirst[s[i]] {
			if strings.HasPrefix(s[i:], ws.words[k]) {
				return true
			}
		}
	}
	return false
}

// contained returns the set of words that s contains.
func (ws *wordSet) contained(s string) wordMask {
	var m wordMask
	for i := 0; i < len(s); i++ {
		for _, k := range ws.byFirst[s[i]] {
			if m[k>>6]&(1<<(k&63)) == 0 && strings.HasPrefix(s[i:], ws.words[k]) {
				m.set(int(k))
			}
		}
	}
	return m
}
