// Package timex finds temporal expressions (TimeML TIMEX3: DATE, TIME,
// DURATION, SET) and normalises them against the document creation time.
//
// It is a small rule tagger in the style of HeidelTime: precompiled patterns
// for absolute dates, months, years, decades, quarters, seasons, weekdays,
// deictic words (yesterday, today, now), relative periods ("last week", "this
// month"), offsets ("three years ago"), durations ("over an hour", "six
// months"), clock times ("3 p.m.") and sets ("every week", "annually").
// Extents follow TimeBank (te3_train): prepositions stay outside ("on Monday"
// → "Monday"), determiners and modifiers inside ("last week", "the past
// three years"). Weekdays resolve to the most recent such day on or before
// the DCT, or to the next one when the sentence speaks of the future ("will",
// "next", "scheduled"). Anaphoric expressions ("a year earlier", "that day",
// "the following month") are anchored on the reference time, the last date
// mentioned before them (or the DCT). Without a DCT, expressions that need one are still
// found but get a TimeML placeholder value (years "XXXX", weeks "XXXX-WXX") so
// nothing is invented.
package timex

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Find returns the temporal expressions of text in order, with values
// resolved against docDate ("YYYY-MM-DD", "YYYY-MM-DDThh:mm[:ss]" or "").
// sents may be nil; they are only used to bound the tense look-around.
func Find(text string, sents []news.Sentence, docDate string) []news.Timex {
	dct, hasDCT := parseDCT(docDate)
	if len(text) == 0 {
		return nil
	}
	c := ctx{text: text, dct: dct, has: hasDCT, sents: sents}
	var cands []cand
	for _, w := range windows(text) {
		cands = c.match(cands, w[0], w[1])
	}
	return c.resolve(cands)
}

// match runs every pattern over text[lo:hi] (a window cut at whitespace, so
// \b and ^/$ behave as on the whole text) and appends the candidates.
func (c *ctx) match(cands []cand, lo, hi int) []cand {
	text := c.text
	found := needWords.contained(strings.ToLower(text[lo:hi]))
	starts := wordStarts(nil, text, lo, hi)
	var ms [][]int
	for pi, p := range patterns {
		if pi < len(needs) && needs[pi] != nil && !found.hasAny(&needMasks[pi]) {
			continue // none of the words the pattern requires is in the window
		}
		ms = matchers[pi].findAll(ms[:0], text, lo, hi, starts)
		for _, m := range ms {
			s, e := m[2], m[3] // group 1 is the extent
			if s < 0 || e <= s {
				continue
			}
			c.rel, c.relN, c.relUnit = relNone, 0, ""
			typ, val, approx, ok := p.fn(c, text, m, s, e)
			if !ok {
				continue
			}
			cands = append(cands, cand{s: s, e: e, typ: typ, val: val, approx: approx, prio: pi, rel: c.rel, n: c.relN, unit: c.relUnit})
		}
	}
	return cands
}

// resolve keeps the longest leftmost of overlapping candidates and anchors
// the anaphoric ones ("a year earlier", "that day") on the reference time.
func (c *ctx) resolve(cands []cand) []news.Timex {
	text := c.text
	// Longest leftmost wins; ties go to the earlier pattern.
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].e-cands[i].s, cands[j].e-cands[j].s
		if li != lj {
			return li > lj
		}
		if cands[i].s != cands[j].s {
			return cands[i].s < cands[j].s
		}
		return cands[i].prio < cands[j].prio
	})
	var kept []cand
	for _, cd := range cands {
		clash := false
		for _, k := range kept {
			if cd.s < k.e && k.s < cd.e {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, cd)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].s < kept[j].s })
	c.anchor(kept)
	out := make([]news.Timex, 0, len(kept))
	for _, k := range kept {
		out = append(out, news.Timex{Span: news.Span{Start: k.s, End: k.e}, Text: text[k.s:k.e], Type: k.typ, Value: k.val, Approx: k.approx})
	}
	return out
}

// windowReach is how many whitespace-separated chunks a pattern can extend
// either side of its trigger word ("more than a couple of years ago").
const windowReach = 8

// triggerStems are lower-case substrings of which every timex contains at
// least one (digits aside). A superset is harmless: it only widens windows.
var triggerStems = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	"mon", "tue", "wed", "thu", "fri", "sat", "sun", "sec", "min", "hour", "day", "week", "month", "year", "decade",
	"centur", "quarter", "tomorrow", "tonight", "now", "current", "recent", "former", "past", "future", "present",
	"spring", "summer", "fall", "autumn", "winter", "fiscal", "nineteen", "thousand", "fy", "noon", "midday", "midnight", "christmas",
	"thanksgiving", "election", "independence", "halloween", "veterans", "valentine", "annual", "daily", "morning",
	"afternoon", "evening", "night"}

// windows returns the merged byte ranges, cut at whitespace, around chunks
// that may hold a timex. Running the patterns only there keeps Find fast on
// long text, where most words cannot start a timex.
func windows(text string) [][2]int {
	type chunk struct{ s, e int }
	var chunks []chunk
	var trig []int
	for i := 0; i < len(text); {
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		if i >= len(text) {
			break
		}
		j := i
		for j < len(text) && !isSpace(text[j]) {
			j++
		}
		if isTrigger(text[i:j]) {
			trig = append(trig, len(chunks))
		}
		chunks = append(chunks, chunk{i, j})
		i = j
	}
	var out [][2]int
	for _, k := range trig {
		a, b := max(0, k-windowReach), min(len(chunks)-1, k+windowReach)
		lo, hi := chunks[a].s, chunks[b].e
		if n := len(out); n > 0 && lo <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], hi)
			continue
		}
		out = append(out, [2]int{lo, hi})
	}
	return out
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}

func isTrigger(w string) bool {
	var buf [64]byte
	if len(w) > len(buf) {
		w = w[:len(buf)]
	}
	l := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		ch := w[i]
		if ch >= '0' && ch <= '9' {
			return true
		}
		if ch >= 'A' && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		l[i] = ch
	}
	return triggers.containsAny(string(l))
}

// triggers holds triggerStems for isTrigger, which runs on every chunk of the text.
var triggers = newWordSet(triggerStems)

// weekdayAhead is how many days ahead a bare weekday may lie (chosen on te3 dev).
var weekdayAhead = 1

type cand struct {
	s, e   int
	typ    string
	val    string
	approx bool
	prio   int
	// rel marks an anaphoric expression, valued in anchor from the
	// reference time (the last date mentioned before it): relKeep shifts the
	// reference by n units at its own granularity ("a year earlier" after
	// "the third quarter" is that quarter a year before), relUnit renders
	// the shifted reference at the unit's granularity ("that year").
	rel  int8
	n    int
	unit string
}

const (
	relNone int8 = iota
	relKeep
	relUnit
)

type ctx struct {
	text  string
	dct   time.Time
	has   bool
	sents []news.Sentence
	// Set by a handler that matched an anaphoric expression (see cand.rel).
	rel     int8
	relN    int
	relUnit string
}

// anaphor marks the current match as anaphoric: n units from the reference time.
func (c *ctx) anaphor(kind int8, n int, unit string) {
	c.rel, c.relN, c.relUnit = kind, n, strings.ToLower(unit)
}

// anchor values the anaphoric candidates of kept (in text order) from the
// reference time: the last DATE or TIME before them with a calendar value,
// or the DCT. Without a DCT or a fitting reference the handler's value stays.
func (c *ctx) anchor(kept []cand) {
	ref := ""
	if c.has {
		ref = ymd(c.dct)
	}
	for i := range kept {
		k := &kept[i]
		if k.rel != relNone && ref != "" {
			v, ok := shiftRef(ref, k.n, k.unit, k.rel == relKeep)
			if !ok && c.has {
				v, ok = shiftRef(ymd(c.dct), k.n, k.unit, k.rel == relKeep)
			}
			if ok {
				k.val = v
			}
		}
		// A comparison ("a year earlier") does not move the narrative's time.
		if k.rel != relKeep && (k.typ == news.TimexDate || k.typ == news.TimexTime) && calendarValue(k.val) {
			ref = k.val
		}
	}
}

// calendarValue reports whether v names a calendar period ("1998", "1998-Q3",
// "1998-10-23T10:00"), as opposed to a placeholder or reference word.
func calendarValue(v string) bool {
	if len(v) < 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return len(v) == 4 || v[4] == '-'
}

// shiftRef moves the reference value ref by n units. keep renders the result
// at ref's own granularity when that is finer than the unit; otherwise it is
// rendered at the unit's. ok is false when ref is too coarse for the unit.
func shiftRef(ref string, n int, unit string, keep bool) (string, bool) {
	if i := strings.IndexByte(ref, 'T'); i > 0 {
		ref = ref[:i]
	}
	y, err := strconv.Atoi(ref[:4])
	if err != nil {
		return "", false
	}
	rest := ref[4:]
	var mo, d, q int
	switch {
	case len(rest) == 0:
	case len(rest) == 3 && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4':
		q = int(rest[2] - '0')
	case len(rest) == 3 && rest[1] >= '0' && rest[1] <= '9':
		mo, _ = strconv.Atoi(rest[1:])
	case len(rest) == 6 && rest[3] == '-':
		mo, _ = strconv.Atoi(rest[1:3])
		d, _ = strconv.Atoi(rest[4:])
	case len(rest) == 3: // season ("-SU")
		if strings.HasPrefix(unit, "year") {
			if keep {
				return fmt.Sprintf("%04d%s", y+n, rest), true
			}
			return strconv.Itoa(y + n), true
		}
		return "", false
	default:
		return "", false
	}
	if mo != 0 && (mo < 1 || mo > 12) {
		return "", false
	}
	if q == 0 && mo > 0 {
		q = (mo-1)/3 + 1
	}
	day := func(t time.Time) string { return ymd(t) }
	switch {
	case strings.HasPrefix(unit, "year"), strings.HasPrefix(unit, "decade"):
		if strings.HasPrefix(unit, "decade") {
			n *= 10
		}
		y += n
		if !keep {
			return strconv.Itoa(y), true
		}
		switch {
		case d > 0:
			if !validDay(y, mo, d) {
				d = 28
			}
			return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), true
		case mo > 0:
			return fmt.Sprintf("%04d-%02d", y, mo), true
		case q > 0:
			return fmt.Sprintf("%04d-Q%d", y, q), true
		}
		return strconv.Itoa(y), true
	case strings.HasPrefix(unit, "quarter"):
		if q == 0 {
			return "", false
		}
		if keep && mo > 0 {
			t := time.Date(y, time.Month(mo), max(d, 1), 0, 0, 0, 0, time.UTC).AddDate(0, 3*n, 0)
			if d > 0 {
				return day(t), true
			}
			return t.Format("2006-01"), true
		}
		qi := y*4 + q - 1 + n
		return fmt.Sprintf("%04d-Q%d", qi/4, qi%4+1), true
	case strings.HasPrefix(unit, "month"):
		if mo == 0 {
			return "", false
		}
		t := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		if keep && d > 0 {
			dd := d
			if !validDay(t.Year(), int(t.Month()), dd) {
				dd = 28
			}
			return fmt.Sprintf("%s-%02d", t.Format("2006-01"), dd), true
		}
		return t.Format("2006-01"), true
	case strings.HasPrefix(unit, "week"):
		if d == 0 {
			return "", false
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*n)
		if keep {
			return day(t), true
		}
		return isoWeek(t), true
	default: // day and parts of a day
		if d == 0 {
			return "", false
		}
		return day(time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)), true
	}
}

func parseDCT(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// nearYear picks the year for a month-day given without one: the next
// occurrence when the sentence looks ahead, otherwise the previous one unless
// the next is much closer (news mentions near upcoming dates: "Jan. 14" in an
// article of Jan. 7 is that January, "Nov. 25" in one of Jan. 15 is last year's).
func (c *ctx) nearYear(mo, d, s, e int) int {
	if d > 28 {
		d = 28
	}
	y := c.dct.Year()
	this := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	var past, next time.Time
	if this.After(c.dct) {
		next, past = this, this.AddDate(-1, 0, 0)
	} else {
		past, next = this, this.AddDate(1, 0, 0)
	}
	fwd, back := next.Sub(c.dct), c.dct.Sub(past)
	if back < 24*time.Hour*20 && !this.After(c.dct) {
		return past.Year()
	}
	if c.future(s, e) || fwd < back/2 {
		return next.Year()
	}
	return past.Year()
}

// weekday resolves a weekday named at [s,e) with modifier mod ("last",
// "next", "this" or ""): the most recent such day on or before the DCT, or
// the coming one when the sentence looks ahead. News reports the past, but
// "Tuesday" in a Monday article is usually tomorrow: a bare weekday up to
// weekdayAhead days ahead counts as coming when the article is from a
// weekday (weekend articles look back on the week).
func (c *ctx) weekday(wd time.Weekday, mod string, s, e int) time.Time {
	diff := int(wd) - int(c.dct.Weekday())
	fwd := (diff + 7) % 7
	fut := mod == "next" || (mod != "last" && (c.future(s, e) || (mod == "" && fwd > 0 && fwd <= weekdayAhead && c.dct.Weekday() != time.Sunday && c.dct.Weekday() != time.Saturday)))
	if fut {
		if diff < 0 || (diff == 0 && mod == "next") {
			diff += 7
		}
	} else if diff > 0 || (diff == 0 && mod == "last") {
		diff -= 7 // "last Wednesday" in a Wednesday article is a week ago
	}
	return c.dct.AddDate(0, 0, diff)
}

// future reports whether the words around [s,e) point to the future.
func (c *ctx) future(s, e int) bool {
	// A narrow window: tense words further away usually belong to another clause.
	lo, hi := s-40, e+15
	for _, st := range c.sents {
		if st.Start <= s && e <= st.End {
			lo, hi = max(lo, st.Start), min(hi, st.End)
			break
		}
	}
	if lo < 0 {
		lo = 0
	}
	if hi > len(c.text) {
		hi = len(c.text)
	}
	w := strings.ToLower(c.text[lo:s] + " " + c.text[e:hi])
	return reFuture.MatchString(w)
}

var reFuture = regexp.MustCompile(`\b(will|won't|'ll|shall|going to|scheduled|plans? to|planned|planning to|intends? to|postponed|delayed|expected to|next|upcoming|due to|set to)\b`)

type handler func(c *ctx, text string, m []int, s, e int) (typ, val string, approx, ok bool)

// matchers scan for patterns[i] (see scan.go).
var matchers = func() []*matcher {
	ms := make([]*matcher, len(patterns))
	for i, p := range patterns {
		ms[i] = newMatcher(p.re)
	}
	return ms
}()

type pattern struct {
	re *regexp.Regexp
	fn handler
}

func g(text string, m []int, i int) string {
	if 2*i+1 >= len(m) || m[2*i] < 0 {
		return ""
	}
	return text[m[2*i]:m[2*i+1]]
}

const (
	monthRe = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	dayRe   = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	numW    = `(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|a few|few|several|a couple of|a|an|\d+ 1/2|\d+(?:\.\d+)?|twenty[- ](?:one|two|three|four|five|six|seven|eight|nine))`
	unitRe  = `(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|quarters?)`
	approxW = `(?:(?:about|around|almost|nearly|over|more than|less than|at least|some|roughly|approximately|just over|up to|only|the (?:past|last|next|first|coming|previous)) )?`
)

var monthNum = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

func month(s string) int { return monthNum[strings.ToLower(s)[:3]] }

var weekdayNum = map[string]time.Weekday{"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday}

var numWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "a": 1, "an": 1, "a few": -1, "few": -1, "several": -1, "a couple of": 2}

func number(s string) (float64, bool) {
	s = strings.ToLower(s)
	if v, ok := numWords[s]; ok {
		return v, v > 0
	}
	if strings.HasPrefix(s, "twenty") && len(s) > 7 {
		if v, ok := numWords[s[7:]]; ok {
			return 20 + v, true
		}
	}
	half := 0.0
	if strings.HasSuffix(s, " 1/2") {
		s, half = s[:len(s)-4], 0.5
	}
	v, err := strconv.ParseFloat(s, 64)
	return v + half, err == nil
}

func ymd(t time.Time) string { return t.Format("2006-01-02") }

func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	// TimeBank writes weeks unpadded ("2000-W7").
	return fmt.Sprintf("%04d-W%d", y, w)
}

func fmtNum(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// durValue renders n units as an ISO 8601 duration ("PT1H", "P3Y"); n<0 means unknown ("PXY").
func durValue(n float64, unit string) string {
	u := strings.ToLower(unit)
	num := "X"
	if n >= 0 {
		num = fmtNum(n)
	}
	// Halves go to the next smaller unit, as TimeBank writes them ("P2Y6M", "PT5H30M").
	if whole := float64(int64(n)); n > 0 && n-whole == 0.5 {
		w := ""
		if whole > 0 {
			w = fmtNum(whole)
		}
		switch {
		case strings.HasPrefix(u, "year"):
			return "P" + w + map[bool]string{true: "Y", false: ""}[w != ""] + "6M"
		case strings.HasPrefix(u, "hour"):
			return "PT" + w + map[bool]string{true: "H", false: ""}[w != ""] + "30M"
		case strings.HasPrefix(u, "min"):
			return "PT" + w + map[bool]string{true: "M", false: ""}[w != ""] + "30S"
		case strings.HasPrefix(u, "day"):
			return "P" + w + map[bool]string{true: "D", false: ""}[w != ""] + "T12H"
		}
	}
	switch {
	case strings.HasPrefix(u, "sec"):
		return "PT" + num + "S"
	case strings.HasPrefix(u, "min"):
		return "PT" + num + "M"
	case strings.HasPrefix(u, "hour"):
		return "PT" + num + "H"
	case strings.HasPrefix(u, "day"):
		return "P" + num + "D"
	case strings.HasPrefix(u, "week"):
		return "P" + num + "W"
	case strings.HasPrefix(u, "month"):
		return "P" + num + "M"
	case strings.HasPrefix(u, "year"):
		return "P" + num + "Y"
	case strings.HasPrefix(u, "decade"):
		if n >= 0 {
			return "P" + fmtNum(n*10) + "Y"
		}
		return "P" + num + "DE"
	case strings.HasPrefix(u, "centur"):
		if n >= 0 {
			return "P" + fmtNum(n*100) + "Y"
		}
		return "P" + num + "CE"
	case strings.HasPrefix(u, "quarter"):
		return "P" + num + "Q"
	}
	return "P" + num + "D"
}

// shift moves t by n units (negative = back) and renders it at the unit's granularity.
func shift(t time.Time, n int, unit string) string {
	u := strings.ToLower(unit)
	switch {
	case strings.HasPrefix(u, "day"):
		return ymd(t.AddDate(0, 0, n))
	case strings.HasPrefix(u, "week"):
		return isoWeek(t.AddDate(0, 0, 7*n))
	case strings.HasPrefix(u, "month"):
		return t.AddDate(0, n, 0).Format("2006-01")
	case strings.HasPrefix(u, "quarter"):
		tt := t.AddDate(0, 3*n, 0)
		return fmt.Sprintf("%04d-Q%d", tt.Year(), (int(tt.Month())-1)/3+1)
	case strings.HasPrefix(u, "year"):
		return strconv.Itoa(t.Year() + n)
	case strings.HasPrefix(u, "decade"):
		// TimeBank gives "a decade ago" year precision.
		return strconv.Itoa(t.Year() + 10*n)
	case strings.HasPrefix(u, "hour"), strings.HasPrefix(u, "min"), strings.HasPrefix(u, "sec"):
		return ymd(t)
	}
	return strconv.Itoa(t.Year() + n)
}

func year2(s string) int {
	y, _ := strconv.Atoi(s)
	if len(s) == 2 {
		if y < 30 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

func validDay(y, mo, d int) bool {
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

var patterns = []pattern{
	// Month day, year ("October 14, 2024", "Oct. 14").
	{regexp.MustCompile(`\b(` + monthRe + ` (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		mo := month(g(t, m, 2))
		d, _ := strconv.Atoi(g(t, m, 3))
		ys := g(t, m, 4)
		if ys != "" {
			y, _ := strconv.Atoi(ys)
			if !validDay(y, mo, d) {
				return "", "", false, false
			}
			return news.TimexDate, fmt.Sprintf("%04d-%02d-%02d", y, mo, d), false, true
		}
		if !c.has {
			return news.TimexDate, fmt.Sprintf("XXXX-%02d-%02d", mo, d), false, mo > 0 && d >= 1 && d <= 31
		}
		y := c.dct.Year()
		if !validDay(y, mo, d) {
			return "", "", false, false
		}
		y = c.nearYear(mo, d, s, e)
		if !validDay(y, mo, d) {
			return "", "", false, false
		}
		return news.TimexDate, fmt.Sprintf("%04d-%02d-%02d", y, mo, d), false, true
	}},
	// Day month year ("14 October 2024").
	{regexp.MustCompile(`\b((\d{1,2}) ` + monthRe + `(?:,? (\d{4}))?)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		d, _ := strconv.Atoi(g(t, m, 2))
		mo := month(g(t, m, 3))
		y := c.dct.Year()
		if ys := g(t, m, 4); ys != "" {
			y, _ = strconv.Atoi(ys)
		} else if !c.has {
			return news.TimexDate, fmt.Sprintf("XXXX-%02d-%02d", mo, d), false, d >= 1 && d <= 31
		}
		if !validDay(y, mo, d) {
			return "", "", false, false
		}
		return news.TimexDate, fmt.Sprintf("%04d-%02d-%02d", y, mo, d), false, true
	}},
	// Month year ("March 1996", "September of 1995").
	{regexp.MustCompile(`\b(` + monthRe + `,? (?:of )?(\d{4}))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		return news.TimexDate, fmt.Sprintf("%s-%02d", g(t, m, 3), month(g(t, m, 2))), false, true
	}},
	// Bare month ("in September", "August"); "May" only after a preposition.
	{regexp.MustCompile(`\b((?:early |late |mid-|last |next |this )?` + monthRe + `(?: (this|last|next) year)?)(?:[^\w]|$)`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		name := g(t, m, 2)
		if reDayAfter.MatchString(t[e:min(len(t), e+4)]) {
			return "", "", false, false // "last Oct. 23": the month-day pattern takes "Oct. 23"
		}
		if yr := g(t, m, 3); yr != "" {
			// "October this year", "June last year"
			if !c.has {
				return news.TimexDate, fmt.Sprintf("XXXX-%02d", month(name)), false, true
			}
			y := c.dct.Year() + map[string]int{"last": -1, "next": 1}[yr]
			return news.TimexDate, fmt.Sprintf("%04d-%02d", y, month(name)), false, true
		}
		if name == "May" && s == m[4] {
			prev := strings.Fields(strings.ToLower(t[max(0, s-8):s]))
			if len(prev) == 0 || !mayPrep[prev[len(prev)-1]] {
				return "", "", false, false
			}
		}
		mo := month(name)
		if !c.has {
			return news.TimexDate, fmt.Sprintf("XXXX-%02d", mo), false, true
		}
		y := c.dct.Year()
		ext := strings.ToLower(g(t, m, 1))
		switch {
		case strings.HasPrefix(ext, "last "):
			if mo >= int(c.dct.Month()) {
				y--
			}
		case strings.HasPrefix(ext, "next "):
			if mo <= int(c.dct.Month()) {
				y++
			}
		case strings.HasPrefix(ext, "this "):
		default:
			y = c.nearYear(mo, 15, s, e)
		}
		return news.TimexDate, fmt.Sprintf("%04d-%02d", y, mo), false, true
	}},
	// Numeric dates: ISO and US m/d/y.
	{regexp.MustCompile(`\b((\d{4})-(\d{2})-(\d{2}))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		y, _ := strconv.Atoi(g(t, m, 2))
		mo, _ := strconv.Atoi(g(t, m, 3))
		d, _ := strconv.Atoi(g(t, m, 4))
		return news.TimexDate, g(t, m, 1), false, validDay(y, mo, d)
	}},
	{regexp.MustCompile(`\b((\d{1,2})/(\d{1,2})/(\d{2}|\d{4}))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		mo, _ := strconv.Atoi(g(t, m, 2))
		d, _ := strconv.Atoi(g(t, m, 3))
		y := year2(g(t, m, 4))
		return news.TimexDate, fmt.Sprintf("%04d-%02d-%02d", y, mo, d), false, validDay(y, mo, d)
	}},
	// Fiscal years.
	{regexp.MustCompile(`(?i)\b((?:fiscal(?: year)?|FY) ?'?(\d{4}|\d{2}))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		// TimeBank gives "fiscal 1989" the plain year.
		return news.TimexDate, fmt.Sprintf("%04d", year2(g(t, m, 2))), false, true
	}},
	// Quarters ("the third quarter", "the first quarter of 1998").
	{regexp.MustCompile(`(?i)\b((?:the )?(?:(\d{4}) )?(first|second|third|fourth|1st|2nd|3rd|4th|last|latest|current)[- ](?:fiscal )?quarter(?: of (\d{4}))?)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		q := map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[strings.ToLower(g(t, m, 3))]
		y := c.dct.Year()
		cur := (int(c.dct.Month())-1)/3 + 1
		ys := g(t, m, 4)
		if ys == "" && q > 0 {
			ys = g(t, m, 2) // "the 1988 third quarter"
		}
		if ys != "" {
			y, _ = strconv.Atoi(ys)
		} else if !c.has {
			if q == 0 {
				return news.TimexDate, "XXXX-QX", false, true
			}
			return news.TimexDate, fmt.Sprintf("XXXX-Q%d", q), false, true
		}
		switch q {
		case 0:
			q = cur
			if w := strings.ToLower(g(t, m, 3)); w == "last" || w == "latest" {
				q--
				if q == 0 {
					q, y = 4, y-1
				}
			}
		default:
			if ys == "" && q > cur && !c.future(s, e) {
				y--
			}
		}
		return news.TimexDate, fmt.Sprintf("%04d-Q%d", y, q), false, true
	}},
	// Decades ("the 1990s", "the '80s").
	{regexp.MustCompile(`\b((?:the )?(?:(?:early|mid|late)[- ])?(1[0-9]|20)?(\d)0'?s)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		cent := g(t, m, 2)
		if cent == "" {
			if !strings.HasPrefix(strings.ToLower(t[s:e]), "the") {
				return "", "", false, false
			}
			cent = "19"
		}
		return news.TimexDate, cent + g(t, m, 3) + "X", false, true
	}},
	// Years ("1998", "in 2018"), not parts of larger numbers.
	{regexp.MustCompile(`(?:^|[^\d,.$])((1[5-9]\d\d|20\d\d))(?:[^\d,%]|[,.]\D|[,.]?$)`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		return news.TimexDate, g(t, m, 2), false, true
	}},
	// Seasons ("last summer", "the spring of 1998", "in the fall").
	{regexp.MustCompile(`(?i)\b((?:(last|this|next|early|late|the|the early|the late|this past) )?(spring|summer|fall|autumn|winter)(?: of (\d{4}))?)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		name := strings.ToLower(g(t, m, 3))
		code := map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}[name]
		mod := strings.ToLower(g(t, m, 2))
		if ys := g(t, m, 4); ys != "" {
			return news.TimexDate, ys + "-" + code, false, true
		}
		if mod == "" || strings.HasPrefix(mod, "the") {
			// "fall" and "spring" are mostly verbs and nouns; "the fall of
			// Rome" is no season. Without a modifier they need a preposition.
			if strings.HasPrefix(strings.ToLower(t[e:]), " of ") {
				return "", "", false, false
			}
			if (mod == "" || mod == "the") && (name == "fall" || name == "spring") && !seasonPrep[prevWord(t, s)] {
				return "", "", false, false
			}
		}
		if !c.has {
			return news.TimexDate, "XXXX-" + code, false, true
		}
		y := c.dct.Year()
		seasonStart := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
		switch mod {
		case "last":
			if seasonStart > int(c.dct.Month()) {
				y--
			}
		case "next":
			if seasonStart <= int(c.dct.Month()) {
				y++
			}
		case "the", "the early", "the late":
			if seasonStart > int(c.dct.Month())+1 && !c.future(s, e) {
				y--
			}
		}
		return news.TimexDate, fmt.Sprintf("%04d-%s", y, code), false, true
	}},
	// Weekday, optionally with a part of day or clock ("Monday night", "Friday morning").
	{regexp.MustCompile(`\b((?:(last|next|this|early|late) )?` + dayRe + `(?:,? ` + monthRe + ` (\d{1,2}))?(?: (morning|afternoon|evening|night))?)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		wd := weekdayNum[strings.ToLower(g(t, m, 3)[:3])]
		// TimeBank mostly annotates "Monday night" and "Friday morning" with
		// the bare date value, but "Thursday evening" with the part of day.
		part, typ := "", news.TimexDate
		if strings.EqualFold(g(t, m, 6), "evening") {
			part, typ = "TEV", news.TimexTime
		}
		if g(t, m, 4) != "" {
			mo := month(g(t, m, 4))
			d, _ := strconv.Atoi(g(t, m, 5))
			y := c.dct.Year()
			if !c.has || !validDay(y, mo, d) {
				return typ, fmt.Sprintf("XXXX-%02d-%02d", mo, d) + part, false, d >= 1 && d <= 31
			}
			return typ, fmt.Sprintf("%04d-%02d-%02d", y, mo, d) + part, false, true
		}
		if !c.has {
			return typ, "XXXX-WXX-" + strconv.Itoa((int(wd)+6)%7+1) + part, false, true
		}
		return typ, ymd(c.weekday(wd, strings.ToLower(g(t, m, 2)), s, e)) + part, false, true
	}},
	// Clock times ("3 p.m.", "10:30 a.m. Wednesday", "5 p.m. EST Nov. 9", "noon").
	{regexp.MustCompile(`(?i)\b((\d{1,2})(?::(\d{2}))? ?([ap])\.?m\b\.?(?: (?:[ECMP][SD]T|GMT|UTC)\b)?(?:,? ` + dayRe + `)?(?:,? ` + monthRe + ` (\d{1,2})\b)?|(noon|midday|midnight)(?: ` + dayRe + `)?)`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		h, mi := 12, 0
		day := g(t, m, 5)
		if w := strings.ToLower(g(t, m, 8)); w != "" {
			if w == "midnight" {
				h = 24
			}
			day = g(t, m, 9)
		} else {
			h, _ = strconv.Atoi(g(t, m, 2))
			mi, _ = strconv.Atoi(g(t, m, 3))
			if h < 1 || h > 12 || mi > 59 {
				return "", "", false, false
			}
			pm := strings.ToLower(g(t, m, 4)) == "p"
			if pm && h < 12 {
				h += 12
			} else if !pm && h == 12 {
				h = 0
			}
		}
		if mn := g(t, m, 6); mn != "" {
			mo := month(mn)
			d, _ := strconv.Atoi(g(t, m, 7))
			if !c.has {
				return news.TimexTime, fmt.Sprintf("XXXX-%02d-%02dT%02d:%02d", mo, d, h, mi), false, d >= 1 && d <= 31
			}
			y := c.nearYear(mo, d, s, e)
			if !validDay(y, mo, d) {
				return "", "", false, false
			}
			return news.TimexTime, fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi), false, true
		}
		if !c.has {
			return news.TimexTime, fmt.Sprintf("XXXX-XX-XXT%02d:%02d", h, mi), false, true
		}
		d := c.dct
		if day != "" {
			d = c.weekday(weekdayNum[strings.ToLower(day[:3])], "", s, e)
		}
		return news.TimexTime, fmt.Sprintf("%sT%02d:%02d", ymd(d), h, mi), false, true
	}},
	// Deictic days and parts of today.
	{regexp.MustCompile(`(?i)\b(yesterday|today|tomorrow|tonight|(?:this|yesterday|tomorrow) (?:morning|afternoon|evening)|last night)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		w := strings.ToLower(g(t, m, 1))
		if !c.has {
			if w == "today" {
				return news.TimexDate, "PRESENT_REF", false, true
			}
			return "", "", false, false
		}
		d := c.dct
		switch {
		case strings.HasPrefix(w, "yesterday"), w == "last night":
			d = d.AddDate(0, 0, -1)
		case strings.HasPrefix(w, "tomorrow"):
			d = d.AddDate(0, 0, 1)
		}
		part := ""
		switch {
		case strings.HasSuffix(w, "morning"):
			part = "TMO"
		case strings.HasSuffix(w, "afternoon"):
			part = "TAF"
		case strings.HasSuffix(w, "evening"):
			part = "TEV"
		case strings.HasSuffix(w, "night"):
			part = "TNI"
		}
		if part != "" {
			return news.TimexTime, ymd(d) + part, false, true
		}
		return news.TimexDate, ymd(d), false, true
	}},
	// Relative periods ("last week", "this month", "earlier this year", "next year").
	{regexp.MustCompile(`(?i)\b((?:earlier |later )?(last|next|this|past|coming|previous|current|the past|the coming|the previous|the current|the same) (week|month|year|quarter|decade|weekend))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		mod := strings.ToLower(g(t, m, 2))
		unit := strings.ToLower(g(t, m, 3))
		if mod == "the same" {
			return "", "", false, false
		}
		if strings.HasPrefix(mod, "the past") || strings.HasPrefix(mod, "the coming") || mod == "past" || mod == "coming" {
			if unit == "weekend" {
				return "", "", false, false
			}
			if mod == "coming" || mod == "the coming" {
				// "the coming year" is the next one.
				if !c.has {
					return news.TimexDate, "FUTURE_REF", false, true
				}
				return news.TimexDate, shift(c.dct, 1, unit), false, true
			}
			return news.TimexDuration, durValue(1, unit), false, true
		}
		n := 0
		switch mod {
		case "last", "previous", "the previous":
			n = -1
		case "next":
			n = 1
		}
		if !c.has {
			return news.TimexDate, map[int]string{-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[n], false, true
		}
		if unit == "weekend" {
			return news.TimexDate, isoWeek(c.dct.AddDate(0, 0, 7*n)) + "-WE", false, true
		}
		return news.TimexDate, shift(c.dct, n, unit), false, true
	}},
	// Offsets ("three years ago", "two days later", "a week earlier").
	{regexp.MustCompile(`(?i)\b(` + approxW + numW + `[- ]` + unitRe + `(?: or so)? (ago|later|earlier|from now|hence))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		n, ok := number(g(t, m, 2))
		unit := g(t, m, 3)
		dir := strings.ToLower(g(t, m, 4))
		approx := approxRe.MatchString(strings.ToLower(t[s:e]))
		if dir == "before" || dir == "after" {
			return news.TimexDuration, durValue(nOr(n, ok), unit), approx, true
		}
		if u := strings.ToLower(unit); ok && n == float64(int(n)) && (dir == "later" || dir == "earlier") &&
			!strings.HasPrefix(u, "hour") && !strings.HasPrefix(u, "min") && !strings.HasPrefix(u, "sec") {
			// Anchored on the narrative's reference time, not the DCT
			// ("profit rose from $5 million a year earlier").
			k := int(n)
			if dir == "earlier" {
				k = -k
			}
			c.anaphor(relKeep, k, unit)
			if !c.has {
				return news.TimexDate, map[bool]string{true: "FUTURE_REF", false: "PAST_REF"}[k > 0], approx, true
			}
			return news.TimexDate, shift(c.dct, k, unit), approx, true
		}
		if !ok || !c.has || dir == "later" || dir == "earlier" {
			// "later"/"earlier" anchor on a narrated event, not the DCT.
			if !c.has {
				return news.TimexDate, "PAST_REF", approx, true
			}
			if dir == "later" || dir == "earlier" {
				return news.TimexDuration, durValue(nOr(n, ok), unit), approx, true
			}
			return news.TimexDate, "PAST_REF", approx, true
		}
		k := int(n)
		if dir == "ago" {
			k = -k
		}
		return news.TimexDate, shift(c.dct, k, unit), approx, true
	}},
	// Durations ("over an hour", "six months", "two-year", "the past three years", "24 hours").
	{regexp.MustCompile(`(?i)\b(` + approxW + numW + `[- ](?:more |additional |extra )?` + unitRe + `(?: and a half)?(?: long)?)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		if rest := t[e:]; strings.HasPrefix(rest, "-old") || strings.HasPrefix(rest, " old") {
			return "", "", false, false // ages are not timexes in TimeBank
		}
		n, ok := number(g(t, m, 2))
		unit := g(t, m, 3)
		if len(g(t, m, 2)) == 4 && n >= 1000 {
			return "", "", false, false // a year, not a count: "the 1988 quarter"
		}
		if unit[0] >= 'A' && unit[0] <= 'Z' && !(g(t, m, 2)[0] >= 'A' && g(t, m, 2)[0] <= 'Z') {
			return "", "", false, false // a title ("60 Minutes")
		}
		if strings.EqualFold(unit, "second") && n == 1 && len(t) > e+1 && t[e] == ' ' && (t[e+1] >= 'a' && t[e+1] <= 'z') && !reAfterSecond.MatchString(t[e:min(len(t), e+12)]) {
			return "", "", false, false // the ordinal: "a second term"
		}
		if strings.EqualFold(unit, "quarters") || strings.EqualFold(unit, "quarter") {
			if !ok || n == 1 {
				return "", "", false, false
			}
		}
		if strings.HasSuffix(strings.ToLower(t[s:e]), "and a half") && ok {
			n += 0.5
		}
		approx := approxRe.MatchString(strings.ToLower(t[s:e]))
		return news.TimexDuration, durValue(nOr(n, ok), unit), approx, true
	}},
	// Plural units without a number ("years", "months") as vague durations, only with "for".
	{regexp.MustCompile(`(?i)\bfor ((?:many |several |a few )?(years|months|weeks|decades|days|hours))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		return news.TimexDuration, durValue(-1, g(t, m, 2)), false, true
	}},
	// "the quarter" (earnings reports: the last completed one) and "the weekend".
	{regexp.MustCompile(`(?i)\b(the (quarter|weekend))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		if !c.has {
			return "", "", false, false
		}
		if strings.EqualFold(g(t, m, 2), "quarter") {
			return news.TimexDate, shift(c.dct, -1, "quarter"), false, true
		}
		back := (int(c.dct.Weekday()) - int(time.Saturday) + 7) % 7
		sat := c.dct.AddDate(0, 0, -back)
		if c.future(s, e) {
			sat = c.dct.AddDate(0, 0, (int(time.Saturday)-int(c.dct.Weekday())+7)%7)
		}
		y, w := sat.ISOWeek()
		return news.TimexDate, fmt.Sprintf("%04d-W%02d-WE", y, w), false, true
	}},
	// Holidays with a fixed or computable date.
	{regexp.MustCompile(`\b((?:(last|next|this) )?(Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)|Thanksgiving(?: Day)?|Election Day|Independence Day|Halloween|Veterans Day|Valentine's Day))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		name := strings.ToLower(g(t, m, 3))
		var mo, d int
		switch {
		case strings.HasPrefix(name, "christmas eve"):
			mo, d = 12, 24
		case strings.HasPrefix(name, "christmas"):
			mo, d = 12, 25
		case name == "new year's eve":
			mo, d = 12, 31
		case strings.HasPrefix(name, "new year"):
			mo, d = 1, 1
		case strings.HasPrefix(name, "thanksgiving"), name == "election day":
			mo, d = 11, 0
		case name == "independence day":
			mo, d = 7, 4
		case name == "halloween":
			mo, d = 10, 31
		case name == "veterans day":
			mo, d = 11, 11
		case name == "valentine's day":
			mo, d = 2, 14
		}
		if !c.has {
			if d == 0 {
				return news.TimexDate, "XXXX-11-XX", false, true
			}
			return news.TimexDate, fmt.Sprintf("XXXX-%02d-%02d", mo, d), false, true
		}
		y := c.nearYear(mo, max(d, 25), s, e)
		switch g(t, m, 2) {
		case "last":
			if time.Date(y, time.Month(mo), max(d, 25), 0, 0, 0, 0, time.UTC).After(c.dct) {
				y--
			}
		case "next":
			if !time.Date(y, time.Month(mo), max(d, 1), 0, 0, 0, 0, time.UTC).After(c.dct) {
				y++
			}
		}
		if d == 0 {
			first := time.Date(y, 11, 1, 0, 0, 0, 0, time.UTC)
			if name == "election day" { // the Tuesday after the first Monday
				off := (int(time.Monday) - int(first.Weekday()) + 7) % 7
				d = 1 + off + 1
			} else { // the fourth Thursday
				off := (int(time.Thursday) - int(first.Weekday()) + 7) % 7
				d = 1 + off + 21
			}
		}
		return news.TimexDate, fmt.Sprintf("%04d-%02d-%02d", y, mo, d), false, true
	}},
	// Anaphoric dates ("that day", "later that year", "the following month",
	// "the next morning"), valued from the reference time.
	{regexp.MustCompile(`(?i)\b((?:(?:earlier|later) )?(that|the same|the following|the next|the previous|the prior) (day|week|month|year|quarter|morning|afternoon|evening|night))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		det, unit := strings.ToLower(g(t, m, 2)), strings.ToLower(g(t, m, 3))
		n := 0
		switch det {
		case "the following", "the next":
			n = 1
		case "the previous", "the prior":
			n = -1
		}
		day := unit == "day" || unit == "morning" || unit == "afternoon" || unit == "evening" || unit == "night"
		if (det == "the next" || det == "the previous" || det == "the prior") && !day {
			return "", "", false, false // "over the next year" is a span of time from now
		}
		if day {
			unit = "day"
		}
		c.anaphor(relUnit, n, unit)
		if !c.has {
			return news.TimexDate, "PAST_REF", false, true
		}
		return news.TimexDate, shift(c.dct, n, unit), false, true
	}},
	// "year-earlier" / "year-ago" figures: the reference period a year before.
	{regexp.MustCompile(`(?i)\b((?:the )?(?:comparable |corresponding )?year-(?:earlier|ago)(?: (?:(?:first|second|third|fourth) )?(?:quarter|period))?)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		c.anaphor(relKeep, -1, "year")
		if !c.has {
			return news.TimexDate, "PAST_REF", false, true
		}
		return news.TimexDate, shift(c.dct, -1, "year"), false, true
	}},
	// Spelled-out years, as in broadcast transcripts ("nineteen ninety-six",
	// "January nineteen ninety-seven", "the year two thousand").
	{regexp.MustCompile(`\b((?:` + monthRe + ` )?(?i:(?:the year )?(nineteen[- ](?:hundred|(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?)|two thousand)))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		y := 2000
		if strings.HasPrefix(strings.ToLower(g(t, m, 3)), "nineteen") {
			y = 1900
			if teen := strings.ToLower(g(t, m, 4)); teen != "" {
				v, _ := number(teen)
				y += int(v)
			} else if tens := strings.ToLower(g(t, m, 5)); tens != "" {
				y += map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}[tens]
				v, _ := number(g(t, m, 6))
				y += int(v)
			}
		} else if !strings.Contains(strings.ToLower(t[s:e]), "year") {
			return "", "", false, false // "two thousand" alone is a number
		}
		if mn := g(t, m, 2); mn != "" {
			return news.TimexDate, fmt.Sprintf("%04d-%02d", y, month(mn)), false, true
		}
		return news.TimexDate, strconv.Itoa(y), false, true
	}},
	// Ordinal centuries ("the 20th century", "the nineteenth century").
	{regexp.MustCompile(`(?i)\b((?:the )?(\d{1,2}(?:st|nd|rd|th)|eighteenth|nineteenth|twentieth|twenty-first)[- ]century)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		w := strings.ToLower(g(t, m, 2))
		n := map[string]int{"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}[w]
		if n == 0 {
			n, _ = strconv.Atoi(strings.TrimRight(w, "stndrh"))
		}
		if n < 1 {
			return "", "", false, false
		}
		return news.TimexDate, fmt.Sprintf("%02d", n-1), false, true
	}},
	// Recurring weekdays ("every Monday", "each Thursday", "Tuesday nights").
	{regexp.MustCompile(`\b((?:[Ee]very|[Ee]ach) ` + dayRe + `(?: (morning|afternoon|evening|night))?|` + dayRe + `s(?: (morning|afternoon|evening|night)s)?|` + dayRe + ` (morning|afternoon|evening|night)s)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		day, part := g(t, m, 2), g(t, m, 3)
		if day == "" {
			day, part = g(t, m, 4), g(t, m, 5)
		}
		if day == "" {
			day, part = g(t, m, 6), g(t, m, 7)
		}
		wd := weekdayNum[strings.ToLower(day[:3])]
		code := map[string]string{"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}[strings.ToLower(part)]
		return news.TimexSet, "XXXX-WXX-" + strconv.Itoa((int(wd)+6)%7+1) + code, false, true
	}},
	// Sets.
	{regexp.MustCompile(`(?i)\b((?:every|each|per|a) (day|week|month|year|quarter)|annually|yearly|daily|weekly|monthly|hourly)\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		w := strings.ToLower(g(t, m, 1))
		unit := strings.ToLower(g(t, m, 2))
		if unit == "" {
			switch w {
			case "annually", "yearly":
				unit = "year"
			case "daily":
				unit = "day"
			case "weekly":
				unit = "week"
			case "monthly":
				unit = "month"
			case "quarterly":
				unit = "quarter"
			case "hourly":
				unit = "hour"
			}
		}
		return news.TimexSet, durValue(1, unit), false, true
	}},
	// Vague references.
	{regexp.MustCompile(`(?i)\b(now|currently|recently|formerly|previously|the past|the future|current|nowadays|these days|at present|once|soon|recent (?:years|months|weeks|days))\b`), func(c *ctx, t string, m []int, s, e int) (string, string, bool, bool) {
		w := strings.ToLower(g(t, m, 1))
		if w == "now" && strings.HasPrefix(t[e:], ",") && sentenceStart(t, s) {
			return "", "", false, false // the discourse marker: "Now, he says..."
		}
		switch w {
		case "recent days", "recent weeks", "recent months":
			// TimeBank reads these as vague spans of time.
			return news.TimexDuration, durValue(-1, w[7:]), false, true
		}
		switch w {
		case "now", "currently", "nowadays", "these days", "at present", "current":
			return news.TimexDate, "PRESENT_REF", false, true
		case "recently", "formerly", "previously", "the past", "once", "recent years", "recent months", "recent weeks", "recent days":
			w := strings.ToLower(g(t, m, 1))
			if w == "once" || w == "previously" {
				return "", "", false, false
			}
			return news.TimexDate, "PAST_REF", false, true
		case "the future", "soon":
			if strings.EqualFold(g(t, m, 1), "soon") {
				return "", "", false, false
			}
			return news.TimexDate, "FUTURE_REF", false, true
		}
		return "", "", false, false
	}},
}

var seasonPrep = map[string]bool{"in": true, "during": true, "since": true, "until": true, "till": true, "by": true, "over": true, "through": true, "throughout": true, "before": true, "after": true, "into": true, "this": true, "last": true, "next": true, "early": true, "late": true}

// sentenceStart reports whether only blanks, quotes or nothing stand between
// the previous sentence end (or the text start) and s.
func sentenceStart(t string, s int) bool {
	for i := s - 1; i >= 0; i-- {
		switch t[i] {
		case ' ', '\t', '\n', '\r', '"', '\'', '`':
			continue
		case '.', '!', '?', ':', ';':
			return true
		}
		return false
	}
	return true
}

// prevWord returns the lower-cased word before byte offset s.
func prevWord(t string, s int) string {
	f := strings.Fields(strings.ToLower(t[max(0, s-16):s]))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",;:\"'`(")
}

var reAfterSecond = regexp.MustCompile(`^ (or|and|to|ago|later|before|after|earlier)\b`)

var reDayAfter = regexp.MustCompile(`^ \d{1,2}\b`)

var mayPrep = map[string]bool{"in": true, "since": true, "until": true, "by": true, "of": true, "early": true, "late": true, "mid-": true, "last": true, "next": true, "this": true}

var approxRe = regexp.MustCompile(`^(about|around|almost|nearly|over|more than|less than|at least|some|roughly|approximately|just over|up to)\b`)

func nOr(n float64, ok bool) float64 {
	if !ok {
		return -1
	}
	return n
}

// needs lists, per pattern (same order as patterns), lower-case strings of
// which a window must contain at least one for the pattern to have a
// chance; nil means always try. Skipping hopeless regexps doubles speed.
var needs = func() [][]string {
	months := []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	digits := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	n := [][]string{
		months, months, months, months, // month day year; day month; month year; bare month
		{"-"}, {"/"}, // ISO, m/d/y
		{"fiscal", "fy"}, {"quarter"}, {"0s", "0's", "0’s"}, digits,
		{"spring", "summer", "fall", "autumn", "winter"},
		{"day"},
		{"am", "pm", "a.m", "p.m", "noon", "midday", "midnight"},
		{"yesterday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"},
		{"week", "month", "year", "quarter", "decade"},
		{"ago", "later", "earlier", "from now", "hence"},
		{"second", "minute", "hour", "day", "week", "month", "year", "decade", "centur"},
		{"for "},
		{"quarter", "weekend"},
		{"christmas", "new year", "thanksgiving", "election day", "independence", "halloween", "veterans", "valentine"},
		{"that ", "the same ", "the following ", "the next ", "the previous ", "the prior "},
		{"year-"},
		{"nineteen", "two thousand"},
		{"century"},
		{"every", "each", "days", "mornings", "afternoons", "evenings", "nights"},
		nil, nil, // sets, references
	}
	return n
}()

// needWords holds all the words of needs, so that one pass over a window
// tells which are there; needMasks[i] are the words of needs[i].
var needWords, needMasks = func() (*wordSet, []wordMask) {
	ws := newWordSet(slices.Concat(needs...))
	masks := make([]wordMask, len(needs))
	for i, n := range needs {
		masks[i] = ws.mask(n)
	}
	return ws, masks
}()
