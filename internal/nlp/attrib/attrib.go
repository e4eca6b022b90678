package attrib

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp/segment"
)

// Find returns the reported statements of an analysed text, ordered by cue
// offset. It reads a.Sentences (falling back to its own split when empty),
// a.Entities and a.Refs; a may be nil. Every span is a valid slice of text.
func Find(text string, a *news.Analysis) []news.Statement {
	f := newFinder(text, a)
	f.filter = true
	return f.run()
}

func newFinder(text string, a *news.Analysis) *finder {
	if a == nil {
		a = &news.Analysis{}
	}
	f := &finder{text: text, a: a, quotes: findQuotes(text)}
	f.sents = a.Sentences
	if len(f.sents) == 0 {
		f.sents = segment.Split(text)
	}
	f.mentions = append([]news.Mention(nil), a.Entities...)
	sort.SliceStable(f.mentions, func(i, j int) bool { return f.mentions[i].Start < f.mentions[j].Start })
	return f
}

func (f *finder) run() []news.Statement {
	f.units = f.makeUnits()
	for ui := range f.units {
		f.scanUnit(ui)
	}
	f.dashSigned()
	f.finish()
	return f.out
}

// unit is one or more segmenter sentences joined when the segmenter split
// inside a name ("a U.S." | "official said").
type unit struct {
	s, e  int
	first int // index of the first sentence
	last  int
	toks  []tok
}

type finder struct {
	text     string
	a        *news.Analysis
	sents    []news.Sentence
	mentions []news.Mention
	quotes   []quoteSpan
	units    []unit
	out      []news.Statement
	// filter drops candidates the statement model rejects; feats keeps
	// every candidate's features (for training) when non-nil.
	filter bool
	feats  *[][]uint32
	cands  *[]news.Statement
}

func (f *finder) makeUnits() []unit {
	var us []unit
	for i, s := range f.sents {
		if !s.Span.Valid(len(f.text)) || s.Start == s.End {
			continue
		}
		if n := len(us); n > 0 && f.continues(us[n-1].e, s.Start) {
			us[n-1].e = max(us[n-1].e, s.End)
			us[n-1].last = i
			continue
		}
		us = append(us, unit{s: s.Start, e: s.End, first: i, last: i})
	}
	for i := range us {
		us[i].toks = tokenize(f.text, us[i].s, us[i].e)
	}
	return us
}

// continues reports whether a sentence starting at next only continues the
// one ending at prevEnd: it starts with a lower-case letter in the same paragraph.
func (f *finder) continues(prevEnd, next int) bool {
	if next < prevEnd || next > len(f.text) {
		return false
	}
	if strings.Contains(f.text[prevEnd:next], "\n") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f.text[next:])
	if unicode.IsLower(r) {
		return true
	}
	// A split after an initial or a title: "Gregory W." | "Slayton said".
	prev := strings.TrimRight(f.text[:prevEnd], " ")
	if !strings.HasSuffix(prev, ".") {
		return false
	}
	k := strings.LastIndexAny(prev[:len(prev)-1], " \n\t(“\"")
	last := prev[k+1 : len(prev)-1]
	if len(last) == 1 && last[0] >= 'A' && last[0] <= 'Z' {
		return true
	}
	return titles[strings.ToLower(last)]
}

// titles are abbreviations that end with a period inside a sentence.
var titles = set("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "jr",
	"sr", "prof", "rev", "u.s", "u.n", "a.m", "p.m", "no", "vs", "adm", "capt", "maj", "cpl", "supt", "ft", "mt", "sens", "reps")

// sentenceOf returns the index of the segmenter sentence holding offset p.
func (f *finder) sentenceOf(p int) int {
	k := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].End > p })
	if k >= len(f.sents) {
		return max(len(f.sents)-1, 0)
	}
	return k
}

func (f *finder) inQuote(t tok) bool {
	q := quoteAt(f.quotes, t.s)
	return q >= 0 && f.quotes[q].closed && f.quotes[q].s != t.s && f.quotes[q].e != t.e
}

// cand is a statement under construction, in token indices of one unit.
type cand struct {
	cueS, cueE int // cue tokens [cueS, cueE)
	srcS, srcE int // source tokens, srcS == srcE when none
	conS, conE int // content byte span
	stance     string
	quote      bool
	via        []news.Via
	srcSpan    news.Span // byte span of the source (set from tokens)
	noSource   bool
}

// scanUnit finds the statements of one unit.
func (f *finder) scanUnit(ui int) {
	u := &f.units[ui]
	ts := u.toks
	start := len(f.out)
	if st := f.colonHead(ui); st != nil && f.keep(ts, 0, st) {
		f.out = append(f.out, *st)
	}
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if !t.word || f.inQuote(t) {
			continue
		}
		var st *news.Statement
		var skip int
		switch {
		case t.low == "according" && i+1 < len(ts) && ts[i+1].low == "to":
			st, skip = f.according(ui, i)
		case (t.low == "in" || t.low == "asked") && i == 0:
			st, skip = f.leadIn(ui)
		case t.low == "citing" && len(f.out) > start && citesPeople(ts, i):
			// handled by the statement before it (relay)
			continue
		default:
			st, skip = f.verbCue(ui, i)
		}
		if st != nil && f.keep(ts, i, st) {
			f.out = append(f.out, *st)
		}
		if skip > 0 {
			i += skip
		}
	}
}

// wordAt returns the lower-case word at i or "".
func wordAt(ts []tok, i int) string {
	if i < 0 || i >= len(ts) {
		return ""
	}
	return ts[i].low
}

// cueAt recognises a cue starting at token i: its end token, stance and
// whether it is a cue at all.
func cueAt(ts []tok, i int) (end int, stance string, ok bool) {
	w := ts[i].low
	switch {
	case w == "neither" && wordAt(ts, i+1) == "confirmed" && wordAt(ts, i+2) == "nor" && strings.HasPrefix(wordAt(ts, i+3), "den"):
		return i + 4, news.Neither, true
	case (w == "did" || w == "does" || w == "has" || w == "have" || w == "had" || w == "do" || w == "could" || w == "would") &&
		(wordAt(ts, i+1) == "not" || wordAt(ts, i+1) == "n't" || wordAt(ts, i+1) == "'t"):
		j := i + 2
		if wordAt(ts, j) == "immediately" {
			j++
		}
		switch wordAt(ts, j) {
		case "respond", "responded", "return", "returned", "reply", "replied":
			return j + 1, news.NoResponse, true
		case "comment", "commented":
			return j + 1, news.Decline, true
		case "confirm", "confirmed":
			return j + 1, news.Neither, true
		case "be":
			if wordAt(ts, j+1) == "reached" {
				return j + 2, news.NoResponse, true
			}
		}
		return 0, "", false
	case w == "declined" || w == "refused" || w == "declines" || w == "refuses":
		if wordAt(ts, i+1) == "to" && declineObjects[wordAt(ts, i+2)] || wordAt(ts, i+1) == "comment" {
			return i + 1, news.Decline, true
		}
		return i + 1, news.Assert, true
	case denyCues[w]:
		return i + 1, news.Deny, true
	case always[w]:
		return i + 1, news.Assert, true
	case modelCue(ts, i):
		return i + 1, news.Assert, true
	}
	return 0, "", false
}

// modelCue reports whether the cue model takes word i for a cue: a word of
// the learned vocabulary (or sharing a stem with one) above cueThreshold, or
// any other content word above oovThreshold. Cheap checks come first.
func modelCue(ts []tok, i int) bool {
	t := ts[i]
	w := t.low
	if !t.word || timeWords[w] || stopHeads[w] || notHead[w] || strings.HasSuffix(w, "ly") && w != "reportedly" {
		return false
	}
	if t.cap && !(i > 0 && titleCase(ts)) {
		return false
	}
	// A noun after a determiner and modifier ("a written message") or the
	// object of an -ing verb ("seeking comment") is no cue.
	if !lexicon[w] && (i >= 2 && determiners[ts[i-2].low] && ts[i-1].word && !ts[i-1].cap ||
		i >= 1 && strings.HasSuffix(ts[i-1].low, "ing")) {
		return false
	}
	th := cueThreshold
	if !vocab[w] && !vocab["~"+stem(w)] {
		if len(w) < 4 || t.cap {
			return false
		}
		th = oovThreshold
	}
	return model.prob(ts, i, false) >= th
}

// verbCue builds a statement around a verbal cue at token i.
func (f *finder) verbCue(ui, i int) (*news.Statement, int) {
	u := &f.units[ui]
	ts := u.toks
	cueE, stance, ok := cueAt(ts, i)
	if !ok {
		return nil, 0
	}
	// An infinitive or an adjective use is not a report of its own.
	prev := wordAt(ts, i-1)
	if prev == "to" || determiners[prev] {
		return nil, 0
	}
	if strings.HasSuffix(ts[i].low, "ing") && i > 0 && !(ts[i-1].text == "," || isCloseQuote(ts[i-1]) && i > 1 && ts[i-2].text == "," || beForms[prev] || prev == "also" || prev == "not" || prev == "been" || prev == "and" || prev == "while" || prev == "by" || prev == "after" || prev == "before" || prev == "without" || prev == "when" || pollShare(ts[f.npCore(ts, i):i])) {
		return nil, 0
	}
	c := cand{cueS: i, cueE: cueE, stance: stance}
	// Walk left over auxiliaries and adverbs.
	j := i
	passive := false
	for j > 0 {
		p := ts[j-1]
		switch {
		case preCue[p.low]:
			if beForms[p.low] {
				passive = true
			}
		case strings.HasSuffix(p.low, "ly") && !p.cap && len(p.low) > 4:
			// "then loudly asked"
		case dayWords[p.low] || months[p.low] && j >= 2 && (ts[j-2].low == "in" || ts[j-2].low == "late" || ts[j-2].low == "early" || ts[j-2].low == "mid"):
			// "Cruz on Friday played down": skip the date, keep the source.
			if j >= 2 && (ts[j-2].low == "on" || ts[j-2].low == "last" || ts[j-2].low == "this" || ts[j-2].low == "late" || ts[j-2].low == "early" || ts[j-2].low == "in" || ts[j-2].low == "mid") {
				j--
				if j >= 2 && ts[j-1].low != "in" && ts[j-2].low == "in" {
					j-- // "in late August"
				}
			}
		case (p.low == "morning" || p.low == "night" || p.low == "afternoon" || p.low == "evening") && j >= 2 && dayWords[ts[j-2].low]:
			j--
			if j >= 2 && ts[j-2].low == "on" {
				j--
			}
		default:
			goto done
		}
		j--
	}
done:
	if seemCues[ts[i].low] && wordAt(ts, i+1) == "to" && i+2 < len(ts) && (modelCue(ts, i+2) || always[ts[i+2].low]) && ts[i+2].low != "be" {
		// "he appeared to suggest …": the second verb reports, with a source.
		cueE = i + 3
		c.cueE = cueE
	} else if seemCues[ts[i].low] {
		// "X seemed to …", "X is expected to …": PolNeAR gives these no
		// source; the subject belongs to the content.
		cs := f.clauseStart(ts, j)
		if cs >= j || cueE >= len(ts) {
			return nil, 0
		}
		c.conS = ts[cs].s
		c.conE = ts[len(ts)-1].e
		if isStop(ts[len(ts)-1]) && len(ts)-1 > cueE {
			c.conE = ts[len(ts)-2].e
		}
		c.noSource = true
		return f.build(ui, &c), 0
	}
	if passive && (strings.HasSuffix(ts[i].low, "ing") || strings.HasSuffix(ts[i].low, "s") && !strings.HasSuffix(ts[i].low, "ss")) {
		passive = false // progressive ("is introducing"), not passive
	}
	if !passive && wordAt(ts, cueE) == "by" {
		return nil, 0 // reduced relative: "the officials quoted by the Times"
	}
	if stance == news.NoResponse || stance == news.Neither || (stance == news.Decline && ts[i].low != "declined" && ts[i].low != "refused" && ts[i].low != "declines" && ts[i].low != "refuses") {
		passive = false
	}
	// Passive: "CONTENT was reported by SOURCE".
	if passive {
		by := -1
		for k := cueE; k < len(ts) && k < cueE+14; k++ {
			if ts[k].low == "by" {
				by = k
				break
			}
			if !ts[k].word && !isQuoteMark(ts[k]) {
				break
			}
		}
		if by < 0 && (ts[i].low == "asked" || ts[i].low == "told" || ts[i].low == "quoted") && cueE < len(ts) {
			// "X was asked whether …": no source is given.
			r := f.skipAfterCue(ts, cueE, stance)
			if r < len(ts) && !isStop(ts[r]) && f.contentAfter(ui, r, &c) {
				c.noSource = true
				return f.build(ui, &c), 0
			}
			return nil, 0
		}
		if by < 0 || !strings.HasSuffix(ts[i].low, "ed") && ts[i].low != "told" {
			return nil, 0
		}
		srcE := f.npRight(ts, by+1)
		if srcE == by+1 {
			return nil, 0
		}
		c.srcS, c.srcE = by+1, srcE
		// Content: the clause before the be-form; a bare relative pronoun
		// stands for the noun phrase before it.
		cs := f.clauseStart(ts, j)
		if cs < j && relPron[ts[cs].low] || wordAt(ts, cs) == "that" {
			if cs > 0 && ts[cs-1].text == "," {
				cs = f.npLeft(ts, cs-1)
			}
		}
		if cs >= j || cs == j-1 && !ts[cs].word {
			cs = 0 // coordinated predicate: "The meeting … and was characterized as …"
			if j == 0 {
				return nil, 0
			}
		}
		c.conS, c.conE = ts[cs].s, ts[by-1].e
		if by-1 < cueE {
			c.conE = ts[j-1].e
		}
		return f.build(ui, &c), 0
	}
	// Source to the left.
	srcS := f.npLeft(ts, j)
	if srcS < j {
		c.srcS, c.srcE = srcS, j
	}
	// What follows the cue.
	r := f.skipAfterCue(ts, cueE, stance)
	tail := r >= len(ts) || isStop(ts[r]) || (ts[r].text == "," && f.restIsTail(ts, r))
	sepBefore := c.srcS > 0 && (ts[c.srcS-1].text == "," || isCloseQuote(ts[c.srcS-1]) || ts[c.srcS-1].text == "—" || ts[c.srcS-1].text == "–")
	if sepBefore && isCloseQuote(ts[c.srcS-1]) && c.srcS > 1 && ts[c.srcS-2].text == "." {
		sepBefore = false // the quotation ended its own sentence
	}
	if c.srcE > c.srcS && relPron[ts[c.srcS].low] {
		sepBefore = false // a relative clause reports what follows it
	}
	quoted := sepBefore && (isCloseQuote(ts[c.srcS-1]) || c.srcS > 1 && isCloseQuote(ts[c.srcS-2]))
	if tail && r > cueE && r < len(ts) && isStop(ts[r]) && !quoted && !always[ts[i].low] {
		// "X asked for quick action.": what follows the cue is its content.
		tail = false
		r = cueE
	}
	if !tail && sepBefore && r < len(ts) && !hasClause(ts[r:]) {
		// "“…,” Clinton told People." / "…, Trump said in an interview."
		if quoted || (prepositions[ts[r].low] && !contentPreps[ts[r].low] || strings.HasSuffix(ts[r].low, "ly")) && always[ts[i].low] && !adverbialOpener(ts[:c.srcS-1]) {
			tail = true
		}
	}
	if c.srcE > c.srcS && r >= len(ts) && cueE < len(ts) && ts[len(ts)-1].text == ":" {
		// "X added:" with the content in the next paragraph.
		if !f.contentNext(ui, &c) {
			return nil, 0
		}
		return f.build(ui, &c), cueE - 1 - i
	}
	if c.srcE > c.srcS && c.srcS == 0 && tail && f.quoteBefore(ui, &c) {
		// "“…?” | Clinton said.": the segmenter split after the quotation.
		return f.build(ui, &c), cueE - 1 - i
	}
	switch {
	case c.srcE > c.srcS && tail && sepBefore && (quoted || !adverbialOpener(ts[:c.srcS-1])):
		// "CONTENT, SOURCE said."
		f.contentBefore(ts, c.srcS-1, &c)
		if c.quote {
			if e := f.extendQuotes(ui, u.e); e > u.e {
				c.conE = e
			}
		} else if c.conS == ts[0].s {
			c.conS = f.extendBack(ui, c.conS)
		}
	case c.srcE == c.srcS && i > 0 && (ts[i-1].text == "," || isCloseQuote(ts[i-1])) && r < len(ts):
		// "CONTENT, said SOURCE." or "…, saying CONTENT" (participle).
		k := f.npRight(ts, cueE)
		inverted := k > cueE && (ts[cueE].cap || determiners[ts[cueE].low] || numberWords[ts[cueE].low] > 0 || hasName(ts[cueE:k])) &&
			!pronouns[ts[cueE].low] && !hasVerb(ts[cueE:k]) &&
			(k >= len(ts) || isStop(ts[k]) || ts[k].text == "," || isCloseQuote(ts[k]))
		if strings.HasSuffix(ts[i].low, "ing") || !inverted {
			if f.contentAfter(ui, r, &c) {
				c.noSource = true
				f.participleSource(ui, i, &c)
				break
			}
			return nil, 0
		}
		c.srcS, c.srcE = cueE, k
		f.contentBefore(ts, i-1, &c)
		if c.quote {
			if e := f.extendQuotes(ui, u.e); e > u.e {
				c.conE = e
			}
		}
	case r < len(ts) && !isStop(ts[r]):
		if !f.contentAfter(ui, r, &c) {
			return nil, 0
		}
		if c.srcE == c.srcS && j > 0 && (ts[j-1].low == "and" || ts[j-1].low == "but") {
			// "X criticised Y and said Z": the source is the clause's subject.
			c.noSource = true
			f.participleSource(ui, i, &c)
			if c.noSource {
				return nil, 0
			}
			break
		}
		if c.srcE == c.srcS {
			c.noSource = true
			if ts[i].low != "reportedly" && !strings.HasSuffix(ts[i].low, "ing") {
				return nil, 0
			}
			if strings.HasSuffix(ts[i].low, "ing") && ingPreps[prev] {
				// "… began by saying …": the clause's subject says it.
				f.participleSource(ui, i, &c)
			}
		}
	default:
		return nil, 0
	}
	if c.conE <= c.conS {
		return nil, 0
	}
	return f.build(ui, &c), cueE - 1 - i
}

// restIsTail reports whether the tokens from a comma at r on only add
// circumstances to a finished report ("…, the Journal reported, adding …").
func (f *finder) restIsTail(ts []tok, r int) bool {
	if r+1 >= len(ts) {
		return true
	}
	n := ts[r+1].low
	if strings.HasSuffix(n, "ing") || n == "as" || n == "in" || n == "and" || n == "but" || n == "although" || n == "though" || n == "while" || n == "who" || n == "which" || n == "according" || n == "because" {
		return true
	}
	// "said, “…" or "said, that" start content.
	return false
}

// skipAfterCue moves past what may sit between a cue and its content:
// "that", objects of "told", "in a statement", dates, commas and colons.
func (f *finder) skipAfterCue(ts []tok, r int, stance string) int {
	prevCue := wordAt(ts, r-1)
	for iter := 0; r < len(ts) && iter < 12; iter++ {
		t := ts[r]
		switch {
		case t.low == "in" && (wordAt(ts, r+1) == "a" || wordAt(ts, r+1) == "an") &&
			(wordAt(ts, r+2) == "statement" || wordAt(ts, r+2) == "interview" || wordAt(ts, r+2) == "email" || wordAt(ts, r+2) == "letter" || wordAt(ts, r+2) == "post" || wordAt(ts, r+2) == "tweet"):
			r += 3
			for r < len(ts) && ts[r].word && !(ts[r].low == "that") && (timeWords[ts[r].low] || ts[r].low == "released" || ts[r].low == "on" || ts[r].low == "to") {
				r++
			}
		case t.low == "on" && r+1 < len(ts) && timeWords[ts[r+1].low]:
			r += 2
		case timeWords[t.low] && t.low != "on" && t.low != "in" && t.low != "at" && t.low != "this" && t.low != "last":
			r++
		case t.low == "last" || t.low == "this":
			if r+1 < len(ts) && timeWords[ts[r+1].low] {
				r += 2
			} else {
				return r
			}
		case t.text == "," && wordAt(ts, r+1) == "citing":
			k := r + 2
			for k < len(ts) && !isStop(ts[k]) && ts[k].low != "that" {
				k++
			}
			if k < len(ts) && ts[k].low == "that" && ts[k-1].text == "," {
				k--
			}
			r = k
		case strings.HasSuffix(t.low, "ly") && t.low != "only" && r+1 < len(ts) && (ts[r+1].text == "," || ts[r+1].text == ":" || isOpenQuote(ts[r+1]) || ts[r+1].low == "that"):
			r++
		case t.text == ":" || (t.text == "," && r+1 < len(ts) && (isOpenQuote(ts[r+1]) || ts[r+1].low == "that")):
			r++
		case t.low == "that" && (prevCue == "" || true):
			return r + 1
		case (prevCue == "told" || prevCue == "tells" || prevCue == "telling" || prevCue == "informed" || prevCue == "assured" || prevCue == "reminded" || prevCue == "warned" || prevCue == "urged" || prevCue == "asked") && t.word && !isOpenQuote(t):
			// Object of "told": skip to "that" or the end of the object phrase.
			k := r
			for k < len(ts) && k < r+8 && ts[k].low != "that" && ts[k].word {
				k++
			}
			if k < len(ts) && ts[k].low == "that" {
				return k + 1
			}
			if k < len(ts) && ts[k].text == "," || k < len(ts) && ts[k].text == ":" {
				return k + 1
			}
			if k >= len(ts) || isStop(ts[k]) {
				return k
			}
			if obj := wordAt(ts, r); obj == "reporters" || obj == "him" || obj == "her" || obj == "them" || obj == "me" || obj == "us" {
				return r + 1
			}
			return r
		default:
			return r
		}
	}
	return r
}

// contentAfter sets the content from token r to the end of the unit, or of
// the quotation it opens.
func (f *finder) contentAfter(ui, r int, c *cand) bool {
	u := &f.units[ui]
	ts := u.toks
	if r >= len(ts) {
		return false
	}
	end := ts[len(ts)-1].e
	if isOpenQuote(ts[r]) {
		c.quote = true
		if q := quoteAt(f.quotes, ts[r].s); q >= 0 {
			qe := f.quotes[q].e
			if qe > end {
				end = f.extendQuotes(ui, qe)
			} else if f.quotes[q].closed && endsSentence(f.text[f.quotes[q].s:qe]) {
				end = f.extendQuotes(ui, qe)
			}
		}
	}
	// Trim final punctuation outside quotes.
	for k := len(ts) - 1; k > r && ts[k].e == end && isStop(ts[k]); k-- {
		end = ts[k].s
	}
	c.conS, c.conE = ts[r].s, end
	return c.conE > c.conS
}

// contentBefore sets the content from the start of the unit (or the opening
// of the quotation that ends there) to the separator token sep.
func (f *finder) contentBefore(ts []tok, sep int, c *cand) {
	if sep <= 0 {
		return
	}
	end := ts[sep].s
	if isCloseQuote(ts[sep]) {
		end = ts[sep].e
		c.quote = true
	} else if sep > 0 && isCloseQuote(ts[sep-1]) {
		end = ts[sep-1].e
		c.quote = true
	}
	first := 0
	// Skip a seed header ("date 2024-11-15") and a dateline ("WASHINGTON —").
	if len(ts) > 2 && ts[0].low == "date" && ts[1].word && ts[1].low[0] >= '0' && ts[1].low[0] <= '9' {
		first = 2
	}
	for k := first; k < sep && k < first+4; k++ {
		if ts[k].text == "—" || ts[k].text == "--" {
			if strings.ToUpper(f.text[ts[first].s:ts[k].s]) == f.text[ts[first].s:ts[k].s] {
				first = k + 1
			}
			break
		}
	}
	if first >= sep {
		first = 0
	}
	start := ts[first].s
	if c.quote {
		if q := quoteAt(f.quotes, end-1); q >= 0 && f.quotes[q].s < end {
			start = min(start, f.quotes[q].s)
			if f.quotes[q].s > ts[0].s {
				start = f.quotes[q].s
			}
		}
	} else {
		// The content clause starts after a leading adverbial ("However, …").
		k := first
		for k < sep && ts[k].text != "," {
			k++
		}
		if k < sep && k-first <= 3 && k+1 < sep && (npStop[ts[first].low] || timeWords[ts[first].low] || strings.HasSuffix(ts[first].low, "ly") || ts[first].low == "still" || ts[first].low == "instead") {
			start = ts[k+1].s
		}
	}
	c.conS, c.conE = start, end
}

// extendQuotes joins the quote-only units that follow unit ui (a multi-
// sentence quote after "…,” she said.") to a statement ending at end.
func (f *finder) extendQuotes(ui, end int) int {
	for k := ui + 1; k < len(f.units); k++ {
		u := &f.units[k]
		if len(u.toks) == 0 || u.s < end {
			if len(u.toks) > 0 && u.e > end && u.s < end {
				end = u.e
			}
			continue
		}
		if strings.Contains(f.text[end:u.s], "\n\n") {
			if q := quoteAt(f.quotes, end-1); q < 0 || f.quotes[q].closed {
				break
			}
		}
		if !isOpenQuote(u.toks[0]) {
			break
		}
		q := quoteAt(f.quotes, u.toks[0].s)
		if q < 0 || f.quotes[q].e < u.e-2 {
			break // a quote followed by its own attribution
		}
		end = f.quotes[q].e
	}
	return end
}

// clauseStart returns the first token of the clause ending before token j.
func (f *finder) clauseStart(ts []tok, j int) int {
	k := j
	for k > 0 {
		p := ts[k-1]
		if p.text == "," || p.text == ";" || p.text == ":" || isQuoteMark(p) || p.text == "—" || p.low == "that" || p.low == "and" {
			break
		}
		k--
	}
	return k
}

// npLeft returns the first token of the source noun phrase that ends before
// token j (j itself when there is none). It takes in one appositive or
// relative clause set off by commas.
func (f *finder) npLeft(ts []tok, j int) int {
	k := f.npCore(ts, j)
	if k < j {
		// "X, who …," / "X, a spokeswoman for Y," : the comma-delimited part is
		// inside the scanned core only if npCore stopped at it; handle below.
		return k
	}
	// Empty core: maybe appositives close right before the cue
	// ("Marley Anderson, 21, a junior from Las Vegas, said").
	end := j - 1
	for n := 0; n < 3 && end > 0 && ts[end].text == ","; n++ {
		open := -1
		for m := end - 1; m >= 0 && m >= end-30; m-- {
			if ts[m].text == "," {
				open = m
				break
			}
			if isQuoteMark(ts[m]) || ts[m].text == ";" || ts[m].text == ":" {
				break
			}
		}
		if open <= 0 || open+1 >= end {
			return j
		}
		seg := ts[open+1 : end]
		first := seg[0]
		if !(relPron[first.low] || determiners[first.low] || numberWords[first.low] > 0 || isNumber(first) || hasRole(seg[:min(4, len(seg))]) || allCap(seg)) {
			return j
		}
		h := f.npCore(ts, open)
		if h < open && hasName(ts[h:open]) {
			return h
		}
		if relPron[first.low] && n == 0 {
			return open + 1
		}
		end = open
	}
	return j
}

func isNumber(t tok) bool { return t.word && t.low[0] >= '0' && t.low[0] <= '9' }

// allCap reports whether every word of a phrase is capitalised (a name).
func allCap(ts []tok) bool {
	for _, t := range ts {
		if t.word && !t.cap {
			return false
		}
	}
	return len(ts) > 0
}

// npCore scans a noun phrase leftwards from before token j.
func (f *finder) npCore(ts []tok, j int) int {
	k := j
	for k > 0 && j-k < 14 {
		p := ts[k-1]
		if p.word {
			if npStop[p.low] && !(p.low == "and" && k-2 >= 0 && ts[k-2].cap && k < j && ts[k].cap) &&
				!(p.low == "to" && k-2 >= 0 && (ts[k-2].low == "mission" || ts[k-2].low == "ambassador" || ts[k-2].low == "envoy" || ts[k-2].low == "close")) &&
				!(p.low == "with" && k-2 >= 0 && ts[k-2].low == "familiar") &&
				// "Officials in Springfield", "a spokesman for the ministry".
				!((p.low == "in" || p.low == "at" || p.low == "for" || p.low == "of" || p.low == "from") && k < j && k-2 >= 0 && (anonRoles[ts[k-2].low] || roleNouns[ts[k-2].low])) &&
				!(p.low == "by" && k-2 >= 0 && (ts[k-2].low == "quoted" || ts[k-2].low == "cited" || ts[k-2].low == "interviewed")) {
				break
			}
			if (lexicon[p.low] || denyCues[p.low]) && p.low != "quoted" && p.low != "cited" && p.low != "briefed" && !p.cap {
				break
			}
			if relPron[p.low] {
				k--
				break
			}
			k--
			continue
		}
		if p.low == "'s" || p.low == "'" || p.text == "-" || p.text == "&" || p.text == "%" || p.text == "." && k-2 >= 0 && ts[k-2].cap {
			k--
			continue
		}
		if p.text == ")" {
			// A parenthesised tag: "Rep. Paul Ryan (R-WI) said".
			m := k - 2
			for m >= 0 && m >= k-8 && ts[m].text != "(" {
				m--
			}
			if m > 0 && ts[m].text == "(" {
				k = m
				continue
			}
		}
		break
	}
	// Drop a leading conjunction or stray word that cannot start a phrase.
	for k < j && (ts[k].low == "and" || ts[k].low == "but" || ts[k].low == "'s") {
		k++
	}
	return k
}

// npRight returns the end token of a noun phrase starting at r (r when none).
func (f *finder) npRight(ts []tok, r int) int {
	k := r
	for k < len(ts) && k-r < 14 {
		t := ts[k]
		if t.word {
			if k > r && (t.low == "that" || t.low == "who" || t.low == "which" || t.low == "on" && k+1 < len(ts) && timeWords[ts[k+1].low] || t.low == "in" && wordAt(ts, k+1) == "a") {
				break
			}
			if k > r && (lexicon[t.low] || denyCues[t.low]) && !t.cap && t.low != "briefed" {
				break
			}
			k++
			continue
		}
		if t.low == "'s" || t.low == "'" || t.text == "-" || t.text == "&" || t.text == "/" && k > r && isNumber(ts[k-1]) {
			k++
			continue
		}
		break
	}
	return k
}

// according handles "according to SOURCE" before or after its content.
func (f *finder) according(ui, i int) (*news.Statement, int) {
	ts := f.units[ui].toks
	c := cand{cueS: i, cueE: i + 2, stance: news.Assert}
	srcE := i + 2
	for srcE < len(ts) && ts[srcE].text != "," && !isStop(ts[srcE]) && ts[srcE].text != ";" && ts[srcE].text != ":" &&
		ts[srcE].text != "—" && ts[srcE].text != "–" && ts[srcE].low != "that" && !isQuoteMark(ts[srcE]) {
		srcE++
	}
	if srcE == i+2 {
		return nil, 1
	}
	c.srcS, c.srcE = i+2, srcE
	// Leading: "According to X, CONTENT."
	lead := true
	for k := 0; k < i; k++ {
		if ts[k].word && !timeWords[ts[k].low] && ts[k].low != "but" && ts[k].low != "and" && ts[k].low != "yet" {
			lead = false
			break
		}
	}
	if lead {
		r := srcE
		if r < len(ts) && ts[r].text == "," {
			r++
		}
		if !f.contentAfter(ui, r, &c) {
			return nil, 1
		}
	} else {
		sep := i - 1
		if sep < 1 {
			return nil, 1
		}
		if ts[sep].text != "," && ts[sep].text != "—" && !isCloseQuote(ts[sep]) {
			sep = i
		}
		f.contentBefore(ts, sep, &c)
		if sep == i {
			c.conE = ts[i-1].e
		}
	}
	if c.conE <= c.conS {
		return nil, 1
	}
	return f.build(ui, &c), srcE - i - 1
}

// participleSource gives "…, saying X" the source of the clause it hangs on:
// the source of the unit's previous statement, else the unit's first phrase.
func (f *finder) participleSource(ui, i int, c *cand) {
	u := &f.units[ui]
	for k := len(f.out) - 1; k >= 0; k-- {
		st := f.out[k]
		if st.Cue.Start < u.s {
			break
		}
		if st.Source != nil && st.Source.End > st.Source.Start {
			c.srcSpan = st.Source.Span
			c.noSource = false
			return
		}
	}
	ts := u.toks
	k := 0
	// Skip an opening adverbial: "In 2018, Trump …".
	if len(ts) > 0 && npStop[ts[0].low] {
		for k < i && ts[k].text != "," {
			k++
		}
		k++
	}
	k0 := k
	for k < i && k-k0 < 8 && ts[k].word && !npStop[ts[k].low] && !beForms[ts[k].low] && !preCue[ts[k].low] &&
		!(k > k0 && !ts[k].cap && (vocab[ts[k].low] || strings.HasSuffix(ts[k].low, "ed"))) || k < i && ts[k].low == "'s" {
		k++
	}
	if k > k0 && k < i {
		c.srcSpan = news.Span{Start: ts[k0].s, End: ts[k-1].e}
		c.noSource = false
	}
}

// cueThreshold is the cue model probability above which a word is a cue.
var cueThreshold = 0.25

// determiners and possessives before a word make it a noun ("the final say").
var determiners = set("the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "final",
	"no", "this", "that", "these", "those", "latest", "new")

// hasRole reports whether tokens hold a role noun or a lower-case word, the
// mark of an appositive description ("Trump's communications director").
func hasRole(ts []tok) bool {
	for _, t := range ts {
		if roleNouns[t.low] || anonRoles[t.low] || t.word && !t.cap && t.low != "'s" {
			return true
		}
	}
	return false
}

// endsSentence reports whether a quotation ends with sentence-final
// punctuation inside its closing mark ("… did not occur.”").
func endsSentence(q string) bool {
	q = strings.TrimRight(q, "”\"' ")
	return strings.HasSuffix(q, ".") || strings.HasSuffix(q, "!") || strings.HasSuffix(q, "?")
}

// hasName reports whether a phrase holds a capitalised word or a role noun,
// as the head of "X, a spokeswoman for Y," must.
func hasName(ts []tok) bool {
	for _, t := range ts {
		if t.cap || roleNouns[t.low] || anonRoles[t.low] || pronouns[t.low] {
			return true
		}
	}
	return false
}

// prepositions that start a circumstance after a cue ("said in an interview").
// contentPreps introduce what a cue is about rather than its circumstances.
var contentPreps = set("to", "of", "for", "about", "as")

var prepositions = set("in", "at", "during", "on", "to", "of", "after", "before", "while", "when",
	"from", "with", "for", "via", "through", "outside", "inside", "last", "this", "earlier", "later", "as")

// hasClause reports whether tokens after a cue hold reported content: a
// "that", an opening quotation mark or a colon.
func hasClause(ts []tok) bool {
	if len(ts) > 0 && ts[0].low == "that" {
		return true
	}
	for k, t := range ts {
		if isStop(t) {
			break // a later sentence of the unit (a continuing quote)
		}
		if t.text == ":" || isOpenQuote(t) && !isCloseQuote(t) && !(k > 0 && titlePrep[ts[k-1].low]) {
			return true
		}
	}
	return false
}

// titlePrep precede a quoted title rather than a quotation: "said on “Face
// the Nation”", "told Fox News’s “Fox and Friends”".
var titlePrep = set("on", "'s", "in", "to")

// extendBack widens unquoted content that opens its sentence to the
// sentences before it in the same paragraph that report nothing themselves
// ("A. B, X said in a statement." attributes both A and B to X).
func (f *finder) extendBack(ui, start int) int {
	for k := ui - 1; k >= 0 && k >= ui-3; k-- {
		u := &f.units[k]
		if strings.Contains(f.text[u.e:start], "\n") || len(u.toks) == 0 {
			break
		}
		if n := len(f.out); n > 0 && f.out[n-1].Cue.Start >= u.s {
			break
		}
		if isQuoteMark(u.toks[0]) {
			break
		}
		start = u.s
	}
	return start
}

// dayWords are dates that may sit between a source and its cue.
var dayWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "week", "month", "year", "weekend", "night", "earlier", "later")

// seemCues report an impression without a source ("seemed", "is expected").
var seemCues = set("seemed", "seems", "seem", "appears", "appeared", "appear", "expected")

// citesPeople reports whether "citing" at i cites people or a named body
// (a relay) rather than reasons ("citing low growth").
func citesPeople(ts []tok, i int) bool {
	e := i + 1
	for e < len(ts) && ts[e].text != "," && !isStop(ts[e]) && ts[e].low != "that" {
		e++
	}
	return e > i+1 && isPeopleNP(ts[i+1:e])
}

// colonHead finds a headline-style attribution "Clinton camp: Trump's
// rhetoric threatens security" — a short name, a colon, then the content.
func (f *finder) colonHead(ui int) *news.Statement {
	ts := f.units[ui].toks
	k := 0
	for k < len(ts) && k < 6 && ts[k].text != ":" {
		if !ts[k].word && ts[k].low != "'s" {
			return nil
		}
		k++
	}
	if k == 0 || k >= len(ts)-2 || ts[k].text != ":" || !ts[0].cap || !ts[k+1].word && !isOpenQuote(ts[k+1]) {
		return nil
	}
	single := k == 1 && f.speakerLabel(ui)
	if k < 2 && !single || hasVerb(ts[:k]) {
		return nil // "Breaking:", "Wow:"
	}
	for _, t := range ts[:k] {
		if vocab[t.low] && !t.cap || timeWords[t.low] || isNumber(t) || !t.cap && t.low != "'s" && !roleNouns[t.low] && !anonRoles[t.low] && t.low != "camp" {
			return nil
		}
	}
	if !single && strings.ToUpper(f.text[ts[0].s:ts[k-1].e]) == f.text[ts[0].s:ts[k-1].e] {
		return nil // a dateline or label ("WASHINGTON:", "UPDATE:")
	}
	c := cand{cueS: k, cueE: k + 1, srcS: 0, srcE: k, stance: news.Assert}
	if !f.contentAfter(ui, k+1, &c) {
		return nil
	}
	if !c.quote {
		// A speaker's turn or a headline runs to the end of its paragraph.
		for n := ui + 1; n < len(f.units); n++ {
			nu := &f.units[n]
			if len(nu.toks) == 0 || strings.Contains(f.text[c.conE:nu.s], "\n") || nu.s < c.conE {
				break
			}
			c.conE = nu.e
			if last := nu.toks[len(nu.toks)-1]; isStop(last) && len(nu.toks) > 1 {
				c.conE = last.s
			}
		}
	}
	return f.build(ui, &c)
}

// hasVerb reports an auxiliary or a finite "be" in a phrase, which makes it a
// clause ("the attack was bad") rather than a name.
func hasVerb(ts []tok) bool {
	for _, t := range ts {
		if beForms[t.low] || t.low == "has" || t.low == "have" || t.low == "had" || t.low == "will" ||
			t.low == "would" || t.low == "could" || t.low == "should" || t.low == "can" || t.low == "did" || t.low == "does" {
			return true
		}
	}
	return false
}

// docNouns head the documents and events a report can come from ("In a new
// poll, …", "In a statement, …").
var docNouns = set("poll", "survey", "study", "report", "interview", "statement", "letter", "op-ed",
	"memo", "tweet", "post", "speech", "filing", "complaint", "analysis", "column", "editorial", "book",
	"essay", "email", "video", "ad", "release", "lawsuit", "testimony", "remarks", "message", "memoir")

// leadIn handles sentence openers that attribute what follows: "In a new
// poll by X, CONTENT" and "Asked whether CONTENT, …".
func (f *finder) leadIn(ui int) (*news.Statement, int) {
	ts := f.units[ui].toks
	comma := -1
	for k := 1; k < len(ts) && k < 16; k++ {
		if ts[k].text == "," {
			comma = k
			break
		}
	}
	if comma < 2 || comma+1 >= len(ts) {
		return nil, 0
	}
	if ts[0].low == "asked" {
		r := f.skipAfterCue(ts, 1, news.Assert)
		if r >= comma {
			return nil, 0
		}
		c := cand{cueS: 0, cueE: 1, stance: news.Assert, noSource: true, conS: ts[r].s, conE: ts[comma-1].e}
		return f.build(ui, &c), 0
	}
	doc := false
	for k := 1; k < comma; k++ {
		if docNouns[ts[k].low] {
			doc = true
		}
	}
	if !doc {
		return nil, 0
	}
	c := cand{cueS: 0, cueE: 1, srcS: 1, srcE: comma, stance: news.Assert}
	if !f.contentAfter(ui, comma+1, &c) {
		return nil, 0
	}
	return f.build(ui, &c), 0
}

// titleCase reports a headline in Title Case ("Ben Carson Slams Hillary"),
// where capitals do not mark names.
func titleCase(ts []tok) bool {
	words, caps := 0, 0
	for _, t := range ts {
		if t.word && len(t.low) > 3 {
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words >= 3 && caps*10 >= words*8
}

// adverbialOpener reports whether the tokens before a source are only an
// opening adverbial ("In virtually every policy realm", "Earlier") rather
// than reported content.
func adverbialOpener(ts []tok) bool {
	if len(ts) == 0 || len(ts) > 8 {
		return false
	}
	first := ts[0].low
	if (first == "this" || first == "last" || first == "early" || first == "late") && !(len(ts) > 1 && (timeWords[ts[1].low] || dayWords[ts[1].low])) {
		return false // "This makes it hard…", not "This week"
	}
	if !(npStop[first] || timeWords[first] || strings.HasSuffix(first, "ly") || first == "earlier" || first == "later" || first == "still" || first == "instead" || first == "here" || first == "there") {
		return false
	}
	for k, t := range ts {
		if isQuoteMark(t) || beForms[t.low] || t.low == "has" || t.low == "have" || t.low == "will" || t.low == "would" {
			return false
		}
		if k == 1 && (t.low == "'s" || t.low == "'re" || t.low == "'ll") {
			return false // "There's a severe disconnect"
		}
	}
	return true
}

// oovThreshold is the cue probability a word outside the vocabulary needs.
var oovThreshold = 0.3

// contentNext sets the content to the unit after ui (and the quotation it
// opens), for a cue that ends its sentence with a colon ("He added:").
func (f *finder) contentNext(ui int, c *cand) bool {
	if ui+1 >= len(f.units) {
		return false
	}
	n := &f.units[ui+1]
	ts := n.toks
	if len(ts) == 0 {
		return false
	}
	end := n.e
	if isOpenQuote(ts[0]) {
		c.quote = true
		if q := quoteAt(f.quotes, ts[0].s); q >= 0 {
			end = f.extendQuotes(ui+1, max(end, f.quotes[q].e))
		}
	} else {
		for k := len(ts) - 1; k > 0 && ts[k].e == end && isStop(ts[k]); k-- {
			end = ts[k].s
		}
	}
	c.conS, c.conE = n.s, end
	return c.conE > c.conS
}

// quoteBefore sets the content to the quotation that ends the previous unit
// in the same paragraph, for a unit that is only "Source cue.".
func (f *finder) quoteBefore(ui int, c *cand) bool {
	if ui == 0 {
		return false
	}
	u, p := &f.units[ui], &f.units[ui-1]
	if len(p.toks) == 0 || strings.Contains(f.text[p.e:u.s], "\n") {
		return false
	}
	last := p.toks[len(p.toks)-1]
	if !isCloseQuote(last) {
		return false
	}
	q := quoteAt(f.quotes, last.s)
	if q < 0 || !f.quotes[q].closed || f.quotes[q].e != last.e {
		return false
	}
	c.quote = true
	c.conS, c.conE = f.quotes[q].s, f.extendQuotes(ui, u.e)
	if c.conE == u.e {
		c.conE = last.e
	}
	return true
}

// speakerLabel reports a one-word colon head that may name a speaker, as in
// a transcript ("PENCE: Well, look, …") or a headline ("Trump: …"): a
// capitalised word at the start of a paragraph, not a label word, followed
// by at least four words.
func (f *finder) speakerLabel(ui int) bool {
	u := &f.units[ui]
	ts := u.toks
	if len(ts) < 6 || !ts[0].cap || len(ts[0].low) < 3 || labelWords[ts[0].low] || ts[1].text != ":" {
		return false
	}
	for _, r := range ts[0].low {
		if !unicode.IsLetter(r) && r != '\'' {
			return false
		}
	}
	if ts[0].s > 0 && !strings.Contains(f.text[max(0, ts[0].s-3):ts[0].s], "\n") {
		return false
	}
	words := 0
	for _, t := range ts[2:] {
		if t.word && !isNumber(t) {
			words++
		}
	}
	return words >= 4
}

// labelWords open a line with a colon without naming a speaker.
var labelWords = set("update", "updated", "exclusive", "breaking", "busted", "boom", "look", "watch",
	"video", "photos", "photo", "question", "answer", "note", "remember", "editor", "name", "age", "city",
	"job", "email", "online", "related", "read", "follow", "warning", "wow", "here", "bottom", "why",
	"what", "result", "results", "correction", "disclosure", "transcript", "listen", "important",
	"reminder", "analysis", "opinion", "also", "see", "more", "live", "latest", "previously", "background",
	"context", "q", "a", "subscribe", "caption", "credit", "source", "via", "topics", "tags", "summary",
	"yes", "no", "now", "next", "then", "first", "second", "third", "finally", "plus", "ps", "fact",
	"facts", "verdict", "rating", "bonus", "spoiler", "confirmed", "developing", "sponsored")

// dashSigned finds quotations signed with a dash and a name at the end of
// their line ("“…” ― Carla Sanchez"), as in collected reader reactions.
func (f *finder) dashSigned() {
	for _, q := range f.quotes {
		if !q.closed {
			continue
		}
		ui := f.unitAt(q.e)
		if ui < 0 {
			continue
		}
		ts := f.units[ui].toks
		d := sort.Search(len(ts), func(k int) bool { return ts[k].s >= q.e })
		if d >= len(ts) || strings.TrimSpace(strings.ReplaceAll(f.text[q.e:ts[d].s], "\u00a0", "")) != "" ||
			!(ts[d].text == "―" || ts[d].text == "—" || ts[d].text == "–" || ts[d].text == "--") {
			continue
		}
		// The name: capitalised words (and initials) up to the end of the line.
		e := d + 1
		for e < len(ts) && e-d <= 6 && (ts[e].cap || ts[e].text == "." && e > d+1 && len(ts[e-1].text) == 1) &&
			!strings.Contains(f.text[ts[e-1].e:ts[e].s], "\n") {
			e++
		}
		if e == d+1 || e-d > 6 || !ts[d+1].cap {
			continue
		}
		end := ts[e-1].e
		if e < len(ts) && isStop(ts[e]) {
			end = ts[e].e
			e++
		}
		rest := f.text[end:]
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[:nl]
		}
		if strings.TrimSpace(strings.ReplaceAll(rest, "\u00a0", "")) != "" {
			continue
		}
		srcE := e
		if isStop(ts[srcE-1]) {
			srcE--
		}
		c := cand{cueS: d, cueE: d + 1, srcS: d + 1, srcE: srcE, stance: news.Assert, quote: true, conS: q.s, conE: q.e}
		f.out = append(f.out, *f.build(ui, &c))
	}
}

// unitAt returns the index of the unit holding byte offset p, or -1.
func (f *finder) unitAt(p int) int {
	k := sort.Search(len(f.units), func(i int) bool { return f.units[i].e > p })
	if k < len(f.units) && f.units[k].s <= p {
		return k
	}
	return -1
}

// pollShare reports a share of poll respondents ("47 percent of Cuban
// Americans"), which reports with a participle: "with 47 percent saying …".
func pollShare(ts []tok) bool {
	for _, t := range ts {
		if t.low == "percent" || t.text == "%" {
			return true
		}
	}
	return false
}

// ingPreps introduce a participle cue whose source is the clause's subject
// ("by saying", "after saying").
var ingPreps = set("by", "after", "before", "from", "for", "without", "while", "when")

// months may date a cue: "a poll released in late August found".
var months = set("january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december")
