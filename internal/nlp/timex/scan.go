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
//   - the prefixes a match can begin with (up to 64 sequences of byte
//     sets, each up to startLen bytes long: "now", "the p", "[0-9] ",
//     ...), indexed by first byte,
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
// pattern's prefixes before the regexp is run.
const startLen = 8

// maxPrefixes bounds the prefixes kept per pattern; past it they are merged.
const maxPrefixes = 64

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }
func (s *byteSet) union(o *byteSet) {
	for i := range s {
		s[i] |= o[i]
	}
}

var allHigh = func() (s byteSet) {
	for b := utf8.RuneSelf; b < 256; b++ {
		s.add(byte(b))
	}
	return
}()

// prefix describes the first bytes of some of a pattern's matches: byte i
// is in b[i] for i < n; after that anything may follow when open (or when
// n is startLen), and otherwise the pattern has yet to say.
type prefix struct {
	b    [startLen]byteSet
	n    int
	open bool
}

func (p *prefix) done() bool { return p.open || p.n == startLen }

// fits reports whether text[q:hi] can begin with p.
func (p *prefix) fits(text string, q, hi int) bool {
	for i := 0; i < p.n && q+i < hi; i++ {
		if !p.b[i].has(text[q+i]) {
			return false
		}
	}
	return true
}

// matcher finds the matches of one pattern, as FindAllStringSubmatchIndex
// would, trying the regexp only where a match can start.
type matcher struct {
	re *regexp.Regexp
	// Every match begins with one of prefixes; byFirst[c] lists those
	// that can begin with byte c.
	prefixes []prefix
	byFirst  [256][]uint8
	// wordStart: the pattern begins with \b, so a match starting with an
	// ASCII word character starts a word.
	wordStart bool
	// listed: wordStart and no match begins with an ASCII non-word byte,
	// so only the window's word starts (and non-ASCII runes) need trying.
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
	pre, ok := prefixes(tree, []prefix{{}})
	if !ok {
		m.plain = true // a construct prefixes does not know
		return m
	}
	for i := range pre {
		if pre[i].n == 0 {
			m.plain = true // an empty match is possible
			return m
		}
		pre[i].open = true // what follows a whole match is free
	}
	m.prefixes = pre
	m.wordStart = startsWithWordBoundary(tree)
	m.listed = m.wordStart
	for c := 0; c < 256; c++ {
		for i := range pre {
			if pre[i].b[0].has(byte(c)) {
				m.byFirst[c] = append(m.byFirst[c], uint8(i))
				if c < utf8.RuneSelf && !isWordByte(byte(c)) {
					m.listed = false
				}
			}
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

// prefixes extends each of in by what n can match next, up to startLen
// bytes. ok is false for a construct it does not know.
func prefixes(n *syntax.Regexp, in []prefix) (out []prefix, ok bool) {
	switch n.Op {
	case syntax.OpNoMatch:
		return nil, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return in, true
	case syntax.OpLiteral:
		out = in
		for _, r := range n.Rune {
			var set byteSet
			high := false
			for _, v := range foldOrbit(r, n.Flags&syntax.FoldCase != 0) {
				if v < utf8.RuneSelf {
					set.add(byte(v))
				} else {
					high = true
				}
			}
			out = appendByte(out, set, high)
		}
		return out, true
	case syntax.OpCharClass:
		var set byteSet
		high := false
		for i := 0; i+1 < len(n.Rune); i += 2 {
			for c := n.Rune[i]; c <= n.Rune[i+1] && c < utf8.RuneSelf; c++ {
				set.add(byte(c))
			}
			high = high || n.Rune[i+1] >= utf8.RuneSelf
		}
		return appendByte(in, set, high), true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		var set byteSet
		for c := 0; c < utf8.RuneSelf; c++ {
			set.add(byte(c))
		}
		return appendByte(in, set, true), true
	case syntax.OpCapture:
		return prefixes(n.Sub[0], in)
	case syntax.OpConcat:
		out = in
		for _, sub := range n.Sub {
			if out, ok = prefixes(sub, out); !ok {
				return nil, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		for _, sub := range n.Sub {
			o, ok := prefixes(sub, in)
			if !ok {
				return nil, false
			}
			out = append(out, o...)
		}
		return merge(out), true
	case syntax.OpQuest:
		o, ok := prefixes(n.Sub[0], in)
		return merge(append(slices.Clone(in), o...)), ok
	case syntax.OpStar:
		return opened(in), true // open covers any repetition
	case syntax.OpPlus, syntax.OpRepeat:
		if n.Op == syntax.OpRepeat && n.Min == 0 {
			return opened(in), true
		}
		o, ok := prefixes(n.Sub[0], in)
		return merge(opened(o)), ok
	}
	return nil, false
}

// appendByte extends the unfinished prefixes of in by one character: an
// ASCII byte of set or, when high, a non-ASCII rune or invalid byte. As
// those take one to four bytes, a prefix ends open after one.
func appendByte(in []prefix, set byteSet, high bool) []prefix {
	out := make([]prefix, 0, len(in))
	for _, p := range in {
		if p.done() {
			out = append(out, p)
			continue
		}
		if set != (byteSet{}) {
			q := p
			q.b[q.n] = set
			q.n++
			out = append(out, q)
		}
		if high {
			p.b[p.n] = allHigh
			p.n++
			p.open = true
			out = append(out, p)
		}
	}
	return merge(out)
}

func opened(in []prefix) []prefix {
	out := make([]prefix, len(in))
	for i, p := range in {
		p.open = true
		out[i] = p
	}
	return out
}

// merge drops duplicate prefixes and, past maxPrefixes, unites those that
// agree on their first bytes (on fewer and fewer of them until few enough
// remain). A united prefix admits what any of its parts admits.
func merge(in []prefix) []prefix {
	out := unite(in, startLen)
	for g := startLen - 1; len(out) > maxPrefixes && g >= 0; g-- {
		out = unite(out, g)
	}
	return out
}

// unite unites the prefixes of in that agree on their first g bytes.
func unite(in []prefix, g int) []prefix {
	type key struct {
		b [startLen]byteSet
		n int
	}
	var out []prefix
	at := map[key]int{}
	for _, p := range in {
		k := key{n: min(p.n, g)}
		copy(k.b[:k.n], p.b[:k.n])
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, p)
			continue
		}
		u := &out[i]
		if *u == p {
			continue
		}
		n := min(u.n, p.n)
		for j := 0; j < n; j++ {
			u.b[j].union(&p.b[j])
		}
		for j := n; j < startLen; j++ {
			u.b[j] = byteSet{}
		}
		u.n, u.open = n, true
	}
	return out
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
		if q < pos || m.byFirst[text[q]] == nil {
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
	b := text[q]
	fit := false
	for _, k := range m.byFirst[b] {
		if m.prefixes[k].fits(text, q, hi) {
			fit = true
			break
		}
	}
	if !fit {
		return nil
	}
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
