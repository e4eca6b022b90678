// Package claim turns statements and sentences into small propositions —
// who did what to whom, when, where, with which polarity — so that claims
// from different articles can be lined up (package compare).
//
// The extractor is deliberately shallow: it finds a predicate trigger in each
// clause (a verb or event noun from a lexicon of news predicates grouped into
// classes, or an unknown verb by its morphology), the subject as the nearest
// entity mention before the trigger outside prepositional phrases and
// relative clauses, the theme after it, and the place, time, numbers,
// negation and hedges inside the clause. Predicates are normalised to classes
// ("requested", "were seeking" → "request") so paraphrases align. Event nouns
// with light verbs become aspects of the event: "the meeting took place at a
// confidential location" is the place of "meet", not a claim about "take".
package claim

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Extract returns the claims of an analysed text, sorted by offset. It uses
// a.Sentences (with tokens), a.Entities, a.Refs, a.Timexes and a.Statements.
func Extract(text string, a *news.Analysis) []news.Claim {
	x := newExtractor(text, a)
	var out []news.Claim
	for _, u := range x.units() {
		prevEvent := ""
		for _, cl := range x.clauses(u.toks) {
			c, ok := x.parse(cl, u, prevEvent)
			if ok {
				if c.Predicate != "" {
					prevEvent = eventOf(c)
				}
				out = append(out, c)
			}
			out = append(out, x.relatives(cl, u, prevEvent)...)
		}
	}
	x.markBackground(out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End < out[j].End
	})
	return out
}

// eventOf is the event class a claim talks about, for resolving "it" and
// "the location" in the next clause.
func eventOf(c news.Claim) string {
	if c.Aspect != "" {
		return c.Predicate
	}
	for _, k := range c.ObjectKeys {
		if strings.HasPrefix(k, "#") {
			return k[1:]
		}
	}
	return c.Predicate
}

type extractor struct {
	text     string
	a        *news.Analysis
	toks     []tok
	mentions []news.Mention
	keys     map[string]string // ref → key
	types    map[string]string // ref → type
	docDate  string
	cueOrder []int // statement indexes by cue offset
}

// tok is a token with the sentence that holds it.
type tok struct {
	news.Token
	sent  int
	lower string
	ment  int // index into mentions, or -1
}

func newExtractor(text string, a *news.Analysis) *extractor {
	x := &extractor{text: text, a: a, keys: map[string]string{}, types: map[string]string{}, docDate: a.Date}
	for _, r := range a.Refs {
		x.keys[r.ID] = r.Key
		x.types[r.ID] = r.Type
	}
	x.mentions = append([]news.Mention(nil), a.Entities...)
	sort.SliceStable(x.mentions, func(i, j int) bool { return x.mentions[i].Start < x.mentions[j].Start })
	mi := 0
	for si, s := range a.Sentences {
		for _, t := range s.Tokens {
			if !t.Span.Valid(len(text)) || t.Len() == 0 {
				continue
			}
			for mi < len(x.mentions) && x.mentions[mi].End <= t.Start {
				mi++
			}
			m := -1
			if mi < len(x.mentions) && x.mentions[mi].Start <= t.Start && t.End <= x.mentions[mi].End {
				m = mi
			}
			x.toks = append(x.toks, tok{Token: t, sent: si, lower: strings.ToLower(t.Text), ment: m})
		}
	}
	return x
}

// unit is a span whose clauses yield claims: a statement's content, or a
// sentence the article asserts in its own voice.
type unit struct {
	span news.Span
	stmt int
	st   *news.Statement
	toks []tok
}

func (x *extractor) tokensIn(sp news.Span) []tok {
	i := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].Start >= sp.Start })
	j := i
	for j < len(x.toks) && x.toks[j].End <= sp.End {
		j++
	}
	return x.toks[i:j]
}

func (x *extractor) units() []unit {
	var us []unit
	var covered []news.Span
	for i := range x.a.Statements {
		st := &x.a.Statements[i]
		if !Communicative(st.Cue.Text) {
			// "Trump withdrew the United States from the deal": an
			// attribution in PolNeAR's broad sense, but the verb is the
			// event itself; the sentence is the article's own claim.
			continue
		}
		covered = append(covered, st.Span, st.Cue.Span)
		if st.Source != nil {
			covered = append(covered, st.Source.Span)
		}
		switch st.Stance {
		case news.Decline, news.NoResponse, news.Neither:
			continue // non-answers are reported from the statement itself
		}
		if !st.Span.Valid(len(x.text)) || st.Len() == 0 {
			continue
		}
		span := st.Span
		if cut := x.nestedStart(i); cut >= 0 {
			// "IRNA reported that Baghaei denied that …": the inner
			// statement carries its own claim (with IRNA as its relay);
			// the outer keeps only what comes before it ("denied that A
			// and said B" keeps A).
			span.End = cut
		}
		toks := x.tokensIn(span)
		if len(trimPunct(toks)) < 2 {
			continue
		}
		us = append(us, unit{span: span, stmt: i, st: st, toks: toks})
	}
	sort.Slice(covered, func(i, j int) bool { return covered[i].Start < covered[j].Start })
	// maxEnd[i] is the largest End among covered[:i+1], so one binary search
	// tells whether any covered span overlaps a sentence.
	maxEnd := make([]int, len(covered))
	for i, c := range covered {
		maxEnd[i] = c.End
		if i > 0 && maxEnd[i-1] > maxEnd[i] {
			maxEnd[i] = maxEnd[i-1]
		}
	}
	overlaps := func(sp news.Span) bool {
		i := sort.Search(len(covered), func(i int) bool { return covered[i].Start >= sp.End }) - 1
		for ; i >= 0; i-- {
			if maxEnd[i] <= sp.Start {
				return false
			}
			if c := covered[i]; c.Len() > 0 && c.Overlaps(sp) {
				return true
			}
		}
		return false
	}
	for _, s := range x.a.Sentences {
		if overlaps(s.Span) {
			continue
		}
		us = append(us, unit{span: s.Span, stmt: -1, toks: x.tokensIn(s.Span)})
	}
	sort.SliceStable(us, func(i, j int) bool { return us[i].span.Start < us[j].span.Start })
	return us
}

// clauses splits a unit at semicolons and at conjunctions that start a new
// clause (", and that", ", with X -ing", ", while").
func (x *extractor) clauses(ts []tok) [][]tok {
	var out [][]tok
	start := 0
	for i := 0; i < len(ts); i++ {
		cut := false
		switch ts[i].lower {
		case ";":
			cut = true
		case ",":
			if i+1 < len(ts) {
				switch ts[i+1].lower {
				case "while", "whereas", "but":
					cut = true
				case "and":
					cut = i+2 < len(ts) && (ts[i+2].lower == "that" || x.startsClause(ts[i+2:]))
				case "with":
					// ", with Iravani selecting the location"
					for k := i + 2; k < len(ts) && k < i+7; k++ {
						if strings.HasSuffix(ts[k].lower, "ing") && ts[k].ment < 0 {
							cut = true
							break
						}
					}
				}
			}
		case "and":
			cut = i+1 < len(ts) && ts[i+1].lower == "that"
		}
		if cut {
			if i > start {
				out = append(out, ts[start:i])
			}
			start = i + 1
			for start < len(ts) && (ts[start].lower == "and" || ts[start].lower == "that" || ts[start].lower == "with" || ts[start].lower == "while" || ts[start].lower == "but" || ts[start].lower == "whereas") {
				start++
			}
			i = start - 1
		}
	}
	if start < len(ts) {
		out = append(out, ts[start:])
	}
	return out
}

// startsClause guesses whether ts begins with a subject followed by a verb.
func (x *extractor) startsClause(ts []tok) bool {
	for k := 0; k < len(ts) && k < 6; k++ {
		if _, known := Class(ts[k].lower); known && !x.nounish(ts, k) {
			return k > 0
		}
	}
	return false
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "its": true, "his": true, "her": true, "their": true, "our": true, "any": true, "no": true, "'s": true, "’s": true, "further": true, "new": true, "first": true, "second": true, "such": true, "private": true, "public": true, "secret": true, "direct": true, "confidential": true}

// nounish reports whether ts[k] is used as a noun (after a determiner or
// possessive, or a known event noun ending in -ion/-ment/-ing after "of").
func (x *extractor) nounish(ts []tok, k int) bool {
	w := ts[k].lower
	if k > 0 {
		p := ts[k-1].lower
		if determiners[p] {
			return true
		}
		if p == "of" || p == "for" || p == "about" || p == "on" {
			return true
		}
	}
	switch {
	case strings.HasSuffix(w, "tion"), strings.HasSuffix(w, "ment"), strings.HasSuffix(w, "ings"),
		w == "talks", w == "session", w == "meeting", w == "summit", w == "plot", w == "deal", w == "sanctions",
		w == "death", w == "attack", w == "election":
		return true
	}
	return false
}

var auxiliaries = map[string]bool{"was": true, "were": true, "been": true, "be": true, "is": true, "are": true, "being": true, "got": true}

var placeNouns = map[string]bool{"location": true, "venue": true, "site": true, "place": true, "spot": true}
var timeNouns = map[string]bool{"date": true, "timing": true}

// modals introduce a bare verb: "the bridge would close".
var modals = map[string]bool{"will": true, "would": true, "could": true, "can": true, "may": true, "might": true,
	"shall": true, "should": true, "must": true, "did": true, "does": true, "do": true, "to": false}

// copulas link a subject to a state: "the bridge was unsafe".
var copulas = map[string]bool{"is": true, "was": true, "are": true, "were": true, "be": true, "been": true,
	"remains": true, "remained": true, "seems": true, "seemed": true}

// plainVerb finds the predicate of a clause whose verb is not in the
// lexicon: a bare verb after a modal ("would close" → close), a verb in
// -ing after an auxiliary ("is closing" → close), or a copula with an
// adjective ("was unsafe" → "be unsafe"). It returns -1 when there is none.
func (x *extractor) plainVerb(ts []tok, aside []bool) (int, string) {
	for k := 1; k < len(ts); k++ {
		t := ts[k]
		if t.ment >= 0 || aside[k] || !isWord(t.Text) || isCapitalized(t.Text) || stop[t.lower] || negators[t.lower] ||
			modals[t.lower] || copulas[t.lower] || reportingVerbs[Lemma(t.lower)] {
			continue
		}
		j := k - 1
		for j > 0 && (negators[ts[j].lower] || ts[j].lower == "also" || ts[j].lower == "still" || ts[j].lower == "be" || ts[j].lower == "have") {
			j--
		}
		prev := ts[j].lower
		switch {
		case modals[prev] && !x.nounish(ts, k):
			return k, Lemma(t.lower)
		case auxiliaries[prev] && strings.HasSuffix(t.lower, "ing") && len(t.lower) > 5:
			return k, Lemma(t.lower)
		case copulas[prev] && !x.nounish(ts, k) && j == k-1 && (k+1 == len(ts) || !isWord(ts[k+1].Text) || stop[ts[k+1].lower]):
			return k, "be " + t.lower
		}
	}
	return -1, ""
}

// parse builds one claim from a clause.
func (x *extractor) parse(ts []tok, u unit, prevEvent string) (news.Claim, bool) {
	ts = trimPunct(ts)
	if len(ts) < 2 {
		return news.Claim{}, false
	}
	trig, event := -1, -1
	aspect := ""
	pred := ""
	aside := asides(ts)
	for k, t := range ts {
		if t.ment >= 0 || !isWord(t.Text) || aside[k] {
			continue
		}
		if k > 0 && isCapitalized(t.Text) && !isSentenceStart(ts, k) {
			continue // part of an unrecognised name
		}
		lem := Lemma(t.lower)
		if reportingVerbs[lem] || reportingVerbs[strings.TrimSuffix(lem, "e")] {
			continue
		}
		cls, known := Class(t.lower)
		noun := x.nounish(ts, k)
		if event >= 0 && !noun {
			if asp, ok := lightVerbs[Lemma(t.lower)]; ok {
				if Lemma(t.lower) == "take" && !(k+1 < len(ts) && ts[k+1].lower == "place") {
					goto notLight
				}
				if Lemma(t.lower) == "be" && !(k+1 < len(ts) && ts[k+1].lower == "held") {
					continue
				}
				ev, _ := Class(ts[event].lower)
				trig, pred, aspect = k, ev, asp
				break
			}
		}
		if event < 0 && (t.lower == "it" || t.lower == "which") && prevEvent != "" {
			if k+1 < len(ts) {
				next := k + 1
				for next < len(ts) && (negators[ts[next].lower] || ts[next].lower == "did" || ts[next].lower == "does" || ts[next].lower == "has") {
					next++
				}
				if next < len(ts) {
					if asp, ok := lightVerbs[Lemma(ts[next].lower)]; ok && Lemma(ts[next].lower) != "be" {
						trig, pred, aspect = next, prevEvent, asp
						break
					}
				}
			}
		}
	notLight:
		if !known {
			continue
		}
		if noun {
			if event < 0 {
				event = k
			}
			continue
		}
		if auxiliaries[t.lower] {
			continue
		}
		trig, pred = k, cls
		break
	}
	if trig < 0 {
		// An unknown verb by morphology: "-ed" after the subject.
		for k, t := range ts {
			if k == 0 || t.ment >= 0 || !isWord(t.Text) || isCapitalized(t.Text) || stop[t.lower] {
				continue
			}
			if strings.HasSuffix(t.lower, "ed") && len(t.lower) > 4 && !x.nounish(ts, k) && !reportingVerbs[Lemma(t.lower)] {
				trig, pred = k, Lemma(t.lower)
				break
			}
		}
	}
	if trig < 0 && event >= 0 {
		trig = event
		pred, _ = Class(ts[event].lower)
	}
	if trig < 0 {
		trig, pred = x.plainVerb(ts, aside)
	}
	if trig < 0 || pred == "" {
		return news.Claim{}, false
	}
	c := news.Claim{
		Span:      news.Span{Start: ts[0].Start, End: ts[len(ts)-1].End},
		Predicate: pred,
		Aspect:    aspect,
		Polarity:  news.Positive,
		Statement: u.stmt,
		Sentence:  ts[0].sent,
	}
	// Theme nouns that name an aspect: "selecting the location".
	for k := trig + 1; k < len(ts) && k < trig+4; k++ {
		if placeNouns[ts[k].lower] && aspect == "" && prevEvent != "" && ts[k].ment < 0 {
			c.Predicate, c.Aspect = prevEvent, "place"
			c.SubjectKeys = nil
		}
		if timeNouns[ts[k].lower] && aspect == "" && prevEvent != "" {
			c.Predicate, c.Aspect = prevEvent, "time"
		}
	}
	passive := trig > 0 && auxiliaries[ts[trig-1].lower] && (strings.HasSuffix(ts[trig].lower, "ed") || strings.HasSuffix(ts[trig].lower, "en") || irregular[ts[trig].lower] != "")
	// Subject.
	subj := x.subject(ts[:trig])
	byAgent := -1
	if passive {
		for k := trig + 1; k < len(ts); k++ {
			if ts[k].lower == "by" && k+1 < len(ts) {
				byAgent = x.firstMention(ts[k+1:])
				break
			}
		}
	}
	if byAgent >= 0 {
		c.SubjectKeys = x.keyOf(byAgent)
		c.Subject, c.SubjectText = x.refOf(byAgent), x.mentions[byAgent].Text
		if subj >= 0 {
			c.ObjectKeys = append(c.ObjectKeys, x.keyOf(subj)...)
			c.Object, c.ObjectText = x.refOf(subj), x.mentions[subj].Text
		}
	} else if subj >= 0 && c.Aspect == "" {
		c.SubjectKeys = x.keyOf(subj)
		c.Subject, c.SubjectText = x.refOf(subj), x.mentions[subj].Text
	} else if c.Aspect == "" {
		if lit := literalSubject(ts[:trig]); lit != "" {
			if (lit == "he" || lit == "she") && u.st != nil && u.st.Source != nil {
				lit = u.st.Source.Text
				if u.st.Source.Ref != "" {
					c.Subject = u.st.Source.Ref
					c.SubjectKeys = []string{x.keys[u.st.Source.Ref]}
				}
			}
			c.SubjectText = lit
			if len(c.SubjectKeys) == 0 && lit != "he" && lit != "she" && lit != "they" && !strings.Contains(lit, " ") {
				// Without an entity, the head word stands for the agent
				// ("Iranians" → iran) so agents can still be compared.
				if k := NormalizeKey(lit); k != strings.ToLower(lit) || isCapitalized(lit) {
					c.SubjectKeys = []string{k}
				}
			}
		}
	}
	// Object, place, time, numbers, negation, hedges.
	seen := map[int]bool{}
	for k := trig + 1; k < len(ts); k++ {
		t := ts[k]
		if aside[k] {
			continue
		}
		if t.ment >= 0 && !seen[t.ment] {
			seen[t.ment] = true
			if t.ment == byAgent {
				continue
			}
			m := x.mentions[t.ment]
			prev := ""
			if j := x.mentionStartTok(ts, k); j > 0 {
				prev = ts[j-1].lower
			}
			if (prev == "in" || prev == "at") && (m.Type == news.GPE || m.Type == news.Loc) && c.Place == "" {
				c.Place = strings.Join(x.keyOf(t.ment), " ")
				continue
			}
			if c.Object == "" && !passive {
				c.Object, c.ObjectText = x.refOf(t.ment), m.Text
			}
			if !passive || c.Object == "" {
				c.ObjectKeys = append(c.ObjectKeys, x.keyOf(t.ment)...)
			}
		}
		if c.Place == "" && c.Aspect == "place" && (t.lower == "at" || t.lower == "in") && k+1 < len(ts) && ts[k+1].ment < 0 {
			if ph := phrase(ts[k+1:]); ph != "" && !isTimePhrase(ph) {
				c.Place = ph
			}
		}
	}
	if !passive {
		// The theme right after the verb: an event noun ("requested the
		// meeting") or, failing an entity, the head word ("the location").
		for k := trig + 1; k < len(ts) && k < trig+5; k++ {
			if ts[k].ment >= 0 || !isWord(ts[k].Text) {
				break
			}
			if stop[ts[k].lower] {
				continue
			}
			if cls, known := Class(ts[k].lower); known && x.nounish(ts, k) {
				c.ObjectKeys = append(c.ObjectKeys, "#"+cls)
				if c.Object == "" {
					c.ObjectText = ts[k].Text
				}
			} else if c.Object == "" && c.ObjectText == "" && c.Aspect == "" {
				c.ObjectText = ts[k].Text
			}
			break
		}
	}
	if c.Aspect != "" && event >= 0 && trig > event {
		// "the meeting with Musk took place" → participants from the noun's modifiers.
		for k := event + 1; k < trig; k++ {
			if ts[k].ment >= 0 && !seen[ts[k].ment] {
				seen[ts[k].ment] = true
				c.ObjectKeys = append(c.ObjectKeys, x.keyOf(ts[k].ment)...)
			}
		}
	}
	neg := false
	for k, t := range ts {
		if negators[t.lower] && k >= 0 {
			neg = true
		}
		if hedges[t.lower] {
			c.Hedged = true
		}
	}
	if u.st != nil && u.st.Stance == news.Deny {
		neg = !neg
	}
	if neg {
		c.Polarity = news.Negative
	}
	if u.st != nil {
		// Hedges in the frame: "reportedly", "the alleged plot".
		for _, t := range x.tokensIn(news.Span{Start: u.st.Cue.Start, End: u.st.Cue.End}) {
			if hedges[t.lower] {
				c.Hedged = true
			}
		}
	}
	for _, tx := range x.timexesIn(c.Span) {
		{
			if c.Time == "" && (tx.Type == news.TimexDate || tx.Type == news.TimexTime) {
				c.Time = tx.Value
			}
			if tx.Type == news.TimexDuration && c.Aspect == "duration" {
				c.Numbers = append(c.Numbers, tx.Value)
			}
		}
	}
	c.Numbers = append(c.Numbers, x.numbers(ts)...)
	// Participants.
	ps := map[string]bool{}
	for _, k := range append(append([]string{}, c.SubjectKeys...), c.ObjectKeys...) {
		if k != "" && !strings.HasPrefix(k, "#") {
			ps[k] = true
		}
	}
	for i, t := range ts {
		if t.ment >= 0 && !aside[i] {
			for _, k := range x.keyOf(t.ment) {
				if k != "" {
					ps[k] = true
				}
			}
		}
	}
	for k := range ps {
		c.Participants = append(c.Participants, k)
	}
	sort.Strings(c.Participants)
	if c.Predicate == "die" && c.Aspect == "" {
		// "12 workers died" is "12 workers were killed": the dead are the
		// theme, and the claim lines up with "the fire killed nine workers".
		c.Predicate = "kill"
		c.ObjectKeys = append(c.SubjectKeys, c.ObjectKeys...)
		c.SubjectKeys = nil
		if c.Object == "" {
			c.Object, c.ObjectText = c.Subject, c.SubjectText
		}
		c.Subject, c.SubjectText = "", ""
	}
	c.SubjectKeys = uniq(c.SubjectKeys)
	c.ObjectKeys = uniq(c.ObjectKeys)
	c.Key = Key(c)
	return c, true
}

// Key is the normalised alignment key of a claim: predicate, aspect and
// participants. Claims from different articles with equal keys are about the
// same thing; package compare also matches on overlapping participants.
func Key(c news.Claim) string {
	k := c.Predicate
	if c.Aspect != "" {
		k += "." + c.Aspect
	}
	return k + "(" + strings.Join(c.Participants, ",") + ")"
}

func (x *extractor) mentionStartTok(ts []tok, k int) int {
	m := ts[k].ment
	for k > 0 && ts[k-1].ment == m {
		k--
	}
	return k
}

// subject picks the entity mention that heads the clause before the
// trigger: outside relative clauses, appositives and prepositional phrases,
// nearest to the verb.
func (x *extractor) subject(ts []tok) int {
	best := -1
	aside := false
	for k := 0; k < len(ts); k++ {
		t := ts[k]
		if t.lower == "," {
			if aside {
				aside = false
				continue
			}
			if k+1 < len(ts) {
				switch ts[k+1].lower {
				case "who", "which", "whom", "whose", "where", "a", "an", "the", "in", "on", "at", "during":
					aside = true
				}
			}
			continue
		}
		if aside || t.ment < 0 {
			continue
		}
		start := x.mentionStartTok(ts, k)
		if start != k {
			continue
		}
		if start > 0 && prepositions[ts[start-1].lower] {
			continue
		}
		end := k
		for end+1 < len(ts) && ts[end+1].ment == t.ment {
			end++
		}
		if end+1 < len(ts) && (ts[end+1].lower == "'s" || ts[end+1].lower == "’s") {
			continue // possessive modifier: "Trump's transition team"
		}
		if end+1 < len(ts) && ts[end+1].ment < 0 && isWord(ts[end+1].Text) && !isCapitalized(ts[end+1].Text) &&
			!auxiliaries[ts[end+1].lower] && !negators[ts[end+1].lower] && !hedges[ts[end+1].lower] {
			if _, verb := Class(ts[end+1].lower); !verb && !strings.HasSuffix(ts[end+1].lower, "ed") && !stop[ts[end+1].lower] {
				continue // a modifier of the noun that follows: "a Norvak Chemicals plant"
			}
		}
		if best >= 0 && x.mentions[t.ment].Type == news.NORP && x.mentions[best].Type == news.Person {
			continue
		}
		best = t.ment
	}
	return best
}

func (x *extractor) firstMention(ts []tok) int {
	for _, t := range ts {
		if t.ment >= 0 {
			return t.ment
		}
		if t.lower == "," || t.lower == "." {
			break
		}
	}
	return -1
}

func (x *extractor) keyOf(m int) []string {
	me := x.mentions[m]
	if k := x.keys[me.Ref]; k != "" {
		return []string{NormalizeKey(k)}
	}
	return []string{NormalizeKey(me.Text)}
}

func (x *extractor) refOf(m int) string {
	if r := x.mentions[m].Ref; r != "" {
		return r
	}
	return x.mentions[m].Text
}

// demonyms maps nationality words to their country key, so "the Iranians"
// and "Iran" align.
var demonyms = map[string]string{
	"iranian": "iran", "iranians": "iran", "american": "united states", "americans": "united states",
	"u.s.": "united states", "us": "united states", "usa": "united states", "america": "united states",
	"british": "united kingdom", "britain": "united kingdom", "uk": "united kingdom", "u.k.": "united kingdom",
	"russian": "russia", "russians": "russia", "chinese": "china", "israeli": "israel", "israelis": "israel",
	"ukrainian": "ukraine", "ukrainians": "ukraine", "french": "france", "german": "germany", "germans": "germany",
	"saudi": "saudi arabia", "saudis": "saudi arabia", "turkish": "turkey", "indian": "india", "indians": "india",
	"pakistani": "pakistan", "pakistanis": "pakistan", "iraqi": "iraq", "iraqis": "iraq", "syrian": "syria",
	"syrians": "syria", "afghan": "afghanistan", "afghans": "afghanistan", "palestinian": "palestine",
	"palestinians": "palestine", "japanese": "japan", "korean": "korea", "mexican": "mexico", "mexicans": "mexico",
	"canadian": "canada", "canadians": "canada", "european": "europe", "europeans": "europe",
	"un": "united nations", "u.n.": "united nations",
}

// NormalizeKey lower-cases an entity key, strips a leading article and maps
// demonyms to their country.
func NormalizeKey(k string) string {
	k = strings.ToLower(strings.TrimSpace(k))
	k = strings.TrimPrefix(k, "the ")
	if d, ok := demonyms[k]; ok {
		return d
	}
	return k
}

// literalSubject returns the last content word before the trigger, for
// subjects that are not entities ("prosecutors", "he").
func literalSubject(ts []tok) string {
	// The head of the subject comes before any prepositional phrase:
	// "safety inspections at the plant had been skipped" → inspections.
	for k := 1; k < len(ts); k++ {
		if prepositions[ts[k].lower] && ts[k].lower != "of" {
			if head := literalSubject(ts[:k]); head != "" {
				return head
			}
			break
		}
	}
	for k := len(ts) - 1; k >= 0; k-- {
		w := ts[k].lower
		if w == "he" || w == "she" || w == "they" {
			return w
		}
		if stop[w] || negators[w] || auxiliaries[w] || !isWord(ts[k].Text) || hedges[w] {
			continue
		}
		return ts[k].Text
	}
	return ""
}

// phrase returns up to six words of a prepositional object, stopping at punctuation.
func phrase(ts []tok) string {
	var ws []string
	for k := 0; k < len(ts) && k < 6; k++ {
		if !isWord(ts[k].Text) {
			break
		}
		if k > 0 && (prepositions[ts[k].lower] && ts[k].lower != "of" && ts[k].lower != "to") {
			break
		}
		ws = append(ws, ts[k].lower)
	}
	for len(ws) > 0 && stop[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	for len(ws) > 0 && (ws[0] == "a" || ws[0] == "an" || ws[0] == "the") {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true, "week": true, "month": true, "year": true, "time": true, "morning": true, "evening": true, "night": true, "afternoon": true, "turn": true, "response": true, "addition": true, "order": true, "part": true, "fact": true, "particular": true, "total": true}

func isTimePhrase(p string) bool {
	f := strings.Fields(p)
	if len(f) == 0 {
		return true
	}
	for _, w := range f {
		if timeWords[w] || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			return true
		}
	}
	return false
}

// numbers returns the quantities in a clause with the word that follows
// each as unit ("12 people" → "12 people"), skipping years and names.
func (x *extractor) numbers(ts []tok) []string {
	var out []string
	for k, t := range ts {
		if t.ment >= 0 || x.inTimex(t.Span) {
			continue
		}
		n := ""
		if d, ok := numberWords[t.lower]; ok {
			n = d
		} else if isNumber(t.Text) {
			n = strings.ReplaceAll(t.Text, ",", "")
		}
		if n == "" {
			continue
		}
		unit := ""
		for j := k + 1; j < len(ts) && j < k+3; j++ {
			if isWord(ts[j].Text) && !stop[ts[j].lower] {
				if _, isNum := numberWords[ts[j].lower]; isNum {
					continue
				}
				unit = Lemma(ts[j].lower)
				break
			}
		}
		if unit == "" {
			continue
		}
		out = append(out, n+" "+unit)
	}
	return out
}

func (x *extractor) inTimex(sp news.Span) bool {
	ts := x.a.Timexes // in text order
	i := sort.Search(len(ts), func(i int) bool { return ts[i].End > sp.Start })
	return i < len(ts) && ts[i].Span.Overlaps(sp)
}

// timexesIn returns the timexes inside sp (timexes are in text order).
func (x *extractor) timexesIn(sp news.Span) []news.Timex {
	ts := x.a.Timexes
	i := sort.Search(len(ts), func(i int) bool { return ts[i].Start >= sp.Start })
	j := i
	for j < len(ts) && ts[j].End <= sp.End {
		j++
	}
	return ts[i:j]
}

// markBackground marks claims about the past the article repeats as context:
// dated a year or more before the article, or in a sentence that is.
func (x *extractor) markBackground(cs []news.Claim) {
	if len(x.docDate) < 4 {
		return
	}
	docYear, err := strconv.Atoi(x.docDate[:4])
	if err != nil {
		return
	}
	bgSent := map[int]bool{}
	for _, tx := range x.a.Timexes {
		if tx.Type != news.TimexDate || len(tx.Value) < 4 {
			continue
		}
		y, err := strconv.Atoi(tx.Value[:4])
		if err != nil || y >= docYear {
			continue
		}
		ss := x.a.Sentences
		if si := sort.Search(len(ss), func(i int) bool { return ss[i].End > tx.Start }); si < len(ss) && ss[si].Span.Contains(tx.Span) {
			bgSent[si] = true
		}
	}
	for i := range cs {
		c := &cs[i]
		if bgSent[c.Sentence] {
			c.Background = true
			continue
		}
		if len(c.Time) >= 4 {
			if y, err := strconv.Atoi(c.Time[:4]); err == nil && y < docYear {
				c.Background = true
				continue
			}
		}
		low := strings.ToLower(x.text[c.Start:c.End])
		sentText := ""
		if c.Sentence < len(x.a.Sentences) {
			s := x.a.Sentences[c.Sentence]
			sentText = strings.ToLower(x.text[s.Start:s.End])
		}
		for _, cue := range []string{"previous term", "previously", "years ago", "in the past", "formerly", "first term"} {
			if strings.Contains(low, cue) || strings.Contains(sentText, cue) {
				c.Background = true
			}
		}
		// "He subsequently imposed…" continues the previous sentence's background.
		if !c.Background && i > 0 && cs[i-1].Background && c.Sentence == cs[i-1].Sentence+1 {
			for _, cue := range []string{"subsequently", "then", "later", "in turn", "also"} {
				if strings.Contains(sentText, cue) {
					c.Background = true
				}
			}
		}
	}
}

func trimPunct(ts []tok) []tok {
	for len(ts) > 0 && !isWord(ts[0].Text) {
		ts = ts[1:]
	}
	for len(ts) > 0 && !isWord(ts[len(ts)-1].Text) {
		ts = ts[:len(ts)-1]
	}
	return ts
}

func isWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isSentenceStart(ts []tok, k int) bool {
	return k == 0 || ts[k-1].sent != ts[k].sent || ts[k-1].Text == "“" || ts[k-1].Text == "\""
}

func isNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.':
		default:
			return false
		}
	}
	return digits > 0
}

func uniq(ss []string) []string {
	if len(ss) < 2 {
		return ss
	}
	sort.Strings(ss)
	out := ss[:1]
	for _, s := range ss[1:] {
		if s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return out
}

// asides marks the tokens of relative clauses and appositives set off by
// commas (", who was named by …,"), whose verbs are not the clause's predicate.
func asides(ts []tok) []bool {
	out := make([]bool, len(ts))
	for k := 0; k+1 < len(ts); k++ {
		if ts[k].lower != "," {
			continue
		}
		switch ts[k+1].lower {
		case "who", "which", "whom", "whose", "where":
		default:
			continue
		}
		j := k + 1
		for j < len(ts) && ts[j].lower != "," && ts[j].lower != ";" {
			j++
		}
		if j == len(ts) {
			break // no closing comma: the relative clause runs to the end
		}
		for i := k; i <= j; i++ {
			out[i] = true
		}
		k = j
	}
	return out
}

// relatives makes claims of the relative clauses in a clause: in "Qassem
// Soleimani, which was ordered by Trump," the antecedent (Soleimani) is the
// theme of a passive and the subject of an active relative verb.
func (x *extractor) relatives(ts []tok, u unit, prevEvent string) []news.Claim {
	var out []news.Claim
	aside := asides(ts)
	for k := 0; k+1 < len(ts); k++ {
		if !aside[k] || ts[k].lower != "," || (k > 0 && aside[k-1]) {
			continue
		}
		j := k + 1
		for j < len(ts) && aside[j] && !(ts[j].lower == "," && j > k+1) {
			j++
		}
		ante := -1
		for i := k - 1; i >= 0 && i >= k-6; i-- {
			if ts[i].ment >= 0 {
				ante = ts[i].ment
				break
			}
		}
		c, ok := x.parse(ts[k+1:j], u, prevEvent)
		if !ok || ante < 0 {
			k = j
			continue
		}
		keys := x.keyOf(ante)
		passive := false
		for _, t := range ts[k+1 : j] {
			if t.lower == "by" {
				passive = true
			}
		}
		if passive || len(c.SubjectKeys) > 0 {
			c.ObjectKeys = uniq(append(c.ObjectKeys, keys...))
			if c.Object == "" {
				c.Object, c.ObjectText = x.refOf(ante), x.mentions[ante].Text
			}
		} else {
			c.SubjectKeys = keys
			c.Subject, c.SubjectText = x.refOf(ante), x.mentions[ante].Text
		}
		c.Participants = uniq(append(c.Participants, keys...))
		c.Key = Key(c)
		out = append(out, c)
		k = j
	}
	return out
}

// communicative lists the lemmas of cues that report speech or knowledge.
var communicative = map[string]bool{
	"say": true, "tell": true, "report": true, "state": true, "claim": true, "announc": true, "confirm": true,
	"deni": true, "deny": true, "reject": true, "cite": true, "accord": true, "indic": true, "mention": true,
	"describ": true, "character": true, "add": true, "note": true, "write": true, "declar": true, "insist": true,
	"warn": true, "explain": true, "acknowledg": true, "admit": true, "suggest": true, "alleg": true,
	"assert": true, "argu": true, "comment": true, "respond": true, "repli": true, "quot": true, "believ": true,
	"think": true, "expect": true, "estim": true, "testifi": true, "disclos": true, "reveal": true, "brief": true,
	"inform": true, "declin": true, "refus": true, "dismiss": true, "rebuf": true, "predict": true, "promis": true,
	"pledg": true, "vow": true, "threaten": true, "question": true, "ask": true, "urg": true, "call": true,
	"neither": true, "did": true, "has": true, "have": true, "could": true, "would": true, "confirm_": true,
	"statement": true, "stat": true, "told": true, "learn": true, "show": true, "find": true, "conclud": true,
	"recal": true, "recount": true, "emphas": true, "stress": true, "observ": true, "remark": true,
	"specul": true, "hint": true, "signal": true, "concede": true, "conced": true, "contend": true, "maintain": true,
	"accus": true, "blame": true, "prais": true, "criticis": true, "critic": true, "condemn": true, "denounc": true,
	"welcom": true, "express": false,
}

// Communicative reports whether a cue ("said", "according to", "did not
// respond", "neither confirmed nor denied") reports speech rather than
// being the event itself ("withdrew", "ordered").
func Communicative(cue string) bool {
	f := strings.Fields(strings.ToLower(cue))
	if len(f) == 0 {
		return false
	}
	for _, w := range f {
		w = strings.Trim(w, ".,;:")
		if w == "not" || w == "to" || w == "a" || w == "in" {
			continue
		}
		if communicative[Lemma(w)] || communicative[w] {
			return true
		}
		if l, ok := irregular[w]; ok && communicative[l] {
			return true
		}
		break
	}
	return false
}

// nestedStart returns where the first other communicative statement
// nested in statement i's content begins (its source or cue), or -1.
func (x *extractor) nestedStart(i int) int {
	st := x.a.Statements[i]
	cut := -1
	if x.cueOrder == nil {
		x.cueOrder = make([]int, len(x.a.Statements))
		for j := range x.cueOrder {
			x.cueOrder[j] = j
		}
		sort.Slice(x.cueOrder, func(a, b int) bool {
			return x.a.Statements[x.cueOrder[a]].Cue.Start < x.a.Statements[x.cueOrder[b]].Cue.Start
		})
	}
	k := sort.Search(len(x.cueOrder), func(k int) bool { return x.a.Statements[x.cueOrder[k]].Cue.Start >= st.Start })
	for ; k < len(x.cueOrder); k++ {
		j := x.cueOrder[k]
		o := x.a.Statements[j]
		if o.Cue.Start >= st.End {
			break
		}
		if j == i || o.Cue.Len() == 0 || !st.Span.Contains(o.Cue.Span) || !Communicative(o.Cue.Text) {
			continue
		}
		start := o.Cue.Start
		if o.Source != nil && o.Source.Len() > 0 && o.Source.Start < start && o.Source.Start >= st.Start {
			start = o.Source.Start
		}
		if cut < 0 || start < cut {
			cut = start
		}
	}
	return cut
}
