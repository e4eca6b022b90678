package attrib

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// build turns a candidate into a statement: spans in bytes, the source
// described, relays from "citing" and "quoted by", the stance refined from
// the content ("We do not comment on …" is a refusal).
func (f *finder) build(ui int, c *cand) *news.Statement {
	u := &f.units[ui]
	ts := u.toks
	st := &news.Statement{Stance: c.stance, Quote: c.quote}
	st.Cue = news.Cue{Span: news.Span{Start: ts[c.cueS].s, End: ts[c.cueE-1].e}}
	st.Cue.Text = f.text[st.Cue.Start:st.Cue.End]
	st.Sentence = f.sentenceOf(st.Cue.Start)
	st.Span = news.Span{Start: c.conS, End: c.conE}

	var src news.Span
	switch {
	case c.srcE > c.srcS:
		s, e := c.srcS, c.srcE
		// Trim edge punctuation.
		for s < e && !ts[s].word {
			s++
		}
		for e > s && (!ts[e-1].word && ts[e-1].low != "'s" && ts[e-1].text != "%" || timeWords[ts[e-1].low] && e-1 > s) {
			e--
		}
		if e == s+1 && relPron[ts[s].low] && s >= 2 && ts[s-1].text == "," {
			// "Roffman, who described …": the antecedent names the source.
			if h := f.npCore(ts, s-1); h < s-1 && hasName(ts[h:s-1]) {
				s = h
			}
		}
		if e > s {
			src = news.Span{Start: ts[s].s, End: ts[e-1].e}
			// "X quoted by Y": X is the source, Y a relay.
			for k := s; k+1 < e; k++ {
				if (ts[k].low == "quoted" || ts[k].low == "cited" || ts[k].low == "interviewed") && ts[k+1].low == "by" && k > s && k+2 < e {
					rel := news.Span{Start: ts[k+2].s, End: ts[e-1].e}
					st.Via = append(st.Via, news.Via{Text: f.text[rel.Start:rel.End], Ref: f.refIn(rel, false), Span: rel})
					src = news.Span{Start: ts[s].s, End: ts[k-1].e}
					break
				}
			}
		}
	case !c.noSource && c.srcSpan.End > c.srcSpan.Start:
		src = c.srcSpan
	}
	if src.End > src.Start {
		st.Source = f.describe(src)
	}
	// "X reported, citing Y": Y is the source, X the relay.
	k := c.cueE
	for k < len(ts) && k < c.cueE+6 && ts[k].low != "citing" && (ts[k].word || ts[k].text == ",") && ts[k].low != "that" {
		k++
	}
	if k < len(ts) && ts[k].low == "citing" && st.Source != nil {
		e := k + 1
		for e < len(ts) && ts[e].text != "," && !isStop(ts[e]) && ts[e].low != "that" {
			e++
		}
		if e > k+1 && isPeopleNP(ts[k+1:e]) {
			cited := news.Span{Start: ts[k+1].s, End: ts[e-1].e}
			st.Via = append([]news.Via{{Text: st.Source.Text, Ref: st.Source.Ref, Span: st.Source.Span}}, st.Via...)
			st.Source = f.describe(cited)
			// The content may follow the citation: "…, citing X, that Y".
			if st.Span.Start <= ts[k].s && st.Span.End >= ts[e-1].e {
				r := e
				for r < len(ts) && (ts[r].text == "," || ts[r].low == "that") {
					r++
				}
				if r < len(ts) {
					st.Span.Start = ts[r].s
				}
			}
		}
	}
	if st.Stance == news.Assert && declines(f.text[st.Start:st.End]) {
		st.Stance = news.Decline
	}
	st.Kind = news.StatementAttitude
	if st.Stance != news.Assert || isSpeech(st.Cue.Text) {
		st.Kind = news.StatementSpeech
	}
	if !st.Span.Valid(len(f.text)) || st.End <= st.Start {
		return nil
	}
	return st
}

// isPeopleNP reports whether tokens name people or a named body ("two
// Iranian officials", "unnamed US officials", "Reuters") rather than reasons
// ("low economic growth").
func isPeopleNP(ts []tok) bool {
	for _, t := range ts {
		if anonRoles[t.low] || roleNouns[t.low] {
			return true
		}
	}
	return len(ts) > 0 && ts[0].cap
}

// declines reports content that is itself a refusal to comment.
func declines(s string) bool {
	l := strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	for _, p := range []string{"not comment", "no comment", "n't comment", "not issue public statements",
		"declined to comment", "declines to comment", "not to comment", "not discuss", "n't discuss"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// describe fills a Source from its span: count, affiliation, role, kind,
// anonymity and the entity ref of a name inside it.
func (f *finder) describe(sp news.Span) *news.Source {
	txt := f.text[sp.Start:sp.End]
	s := &news.Source{Span: sp, Text: txt}
	ts := tokenize(f.text, sp.Start, sp.End)
	// The core is the part before a modifier ("briefed on", "who spoke", ", a …").
	core := len(ts)
	for k, t := range ts {
		if k > 0 && (t.text == "," || relPron[t.low] || t.low == "briefed" || t.low == "familiar" || t.low == "with" || t.low == "who" || t.low == "quoted" || t.low == "speaking" || t.low == "close") {
			core = k
			break
		}
	}
	low := strings.ToLower(txt)
	// The owner comes before a destination: "the Iranian mission to the
	// UN" is Iran's, not the UN's.
	own := core
	for k := 1; k+1 < core; k++ {
		if (ts[k].low == "to" || ts[k].low == "at") && (roleNouns[ts[k-1].low] || orgHeads[ts[k-1].low]) {
			own = k
			break
		}
	}
	ownSpan := news.Span{Start: sp.Start, End: ts[max(own-1, 0)].e}
	s.Ref = f.refIn(ownSpan, false)
	named := false
	nameEnd := len(ts)
	for k, t := range ts {
		if relPron[t.low] || t.low == "briefed" || t.low == "quoted" {
			nameEnd = k
			break
		}
		// "Officials in Springfield": the place does not name them.
		if k > 0 && (t.low == "in" || t.low == "at" || t.low == "from" || t.low == "of" || t.low == "for") && (anonRoles[ts[k-1].low] || roleNouns[ts[k-1].low]) {
			nameEnd = k
			break
		}
	}
	for _, t := range ts[:nameEnd] {
		if !t.cap {
			continue
		}
		if _, ok := affiliations[t.low]; ok {
			continue
		}
		if t.low == "the" || t.low == "a" || t.low == "an" || numberWords[t.low] > 0 || roleNouns[t.low] || anonRoles[t.low] || t.low == "foreign" || t.low == "ministry" || t.low == "intelligence" || t.low == "federal" || t.low == "state" || t.low == "national" {
			continue
		}
		named = true
	}
	for _, t := range ts {
		if a, ok := affiliations[t.low]; ok && s.Affiliation == "" {
			s.Affiliation = a
		}
	}
	if strings.Contains(low, "united states") {
		if s.Affiliation == "" {
			s.Affiliation = "United States"
		}
	}
	if strings.Contains(low, "united nations") && s.Affiliation == "" {
		s.Affiliation = "United Nations"
	}
	for k := range ts[:core] {
		if c, ok := numberWords[ts[k].low]; ok && k+1 < core {
			s.Count = c
			break
		}
		if ts[k].word && ts[k].low[0] >= '0' && ts[k].low[0] <= '9' {
			break
		}
	}
	// Role: the last role noun of the core, else the first of the rest
	// (the head of an appositive: "X, a spokeswoman for the transition").
	for k := core - 1; k >= 0; k-- {
		if roleNouns[ts[k].low] || anonRoles[ts[k].low] {
			s.Role = ts[k].low
			break
		}
	}
	for k := core; k < len(ts) && s.Role == ""; k++ {
		if roleNouns[ts[k].low] || anonRoles[ts[k].low] {
			s.Role = ts[k].low
		}
	}
	if s.Count == 1 && strings.HasSuffix(s.Role, "s") && s.Role != "news" {
		s.Count = 0
	}
	head := ""
	if core > 0 {
		head = ts[core-1].low
	}
	switch {
	case isOutlet(low):
		s.Kind = "outlet"
	case pronouns[low] && low != "it" && low != "they" && low != "we" && low != "who":
		s.Kind = "person"
	case orgHeads[head] || orgHeads[s.Role] && !anonRoles[head]:
		s.Kind = "org"
	case anonRoles[head] && strings.HasSuffix(head, "s") || low == "they" || low == "we":
		s.Kind = "group"
	case s.Ref != "" && f.refType(s.Ref) == news.Person || named || anonRoles[head]:
		s.Kind = "person"
	default:
		s.Kind = "org"
	}
	if s.Kind == "org" && s.Ref == "" && own > 0 && envoys[ts[own-1].low] {
		s.Ref = f.refIn(ownSpan, true) // "Iran's mission": the country speaks
	}
	if !named && s.Ref == "" && (anonRoles[head] || anonRoles[s.Role]) && s.Kind != "outlet" {
		s.Anonymous = true
	}
	if s.Anonymous && s.Count == 0 && !strings.HasSuffix(s.Role, "s") && (strings.HasPrefix(low, "a ") || strings.HasPrefix(low, "an ") || strings.HasPrefix(low, "the ") || strings.HasPrefix(low, "one ")) {
		s.Count = 1
	}
	return s
}

// isOutlet reports whether a lower-cased source names a news organisation.
func isOutlet(low string) bool {
	for _, o := range outlets {
		if i := strings.Index(low, o); i >= 0 {
			// Whole words only ("ap" must not match "apparently").
			before := i == 0 || !isWordRune(rune(low[i-1]))
			after := i+len(o) == len(low) || !isWordRune(rune(low[i+len(o)]))
			if before && after {
				return true
			}
		}
	}
	return false
}

// envoys are bodies that speak for their country: "Iran's mission to the
// United Nations" is Iran speaking.
var envoys = set("mission", "embassy", "consulate", "delegation", "government", "legation")

// refIn returns the ref of the entity mention inside sp (people first), or
// "". Places and nationalities count only when places is set.
func (f *finder) refIn(sp news.Span, places bool) string {
	best, bestRank := "", 99
	// Mentions are in text order: start the scan just before the span
	// (no mention is longer than maxMention bytes) instead of at the top.
	const maxMention = 512
	first := sort.Search(len(f.mentions), func(i int) bool { return f.mentions[i].Start >= sp.Start-maxMention })
	for _, m := range f.mentions[first:] {
		if m.Start >= sp.End {
			break
		}
		if m.Ref == "" || !sp.Overlaps(m.Span) {
			continue
		}
		rank := 3
		switch m.Type {
		case news.Person:
			rank = 0
		case news.Org:
			rank = 1
		case news.GPE, news.Loc, news.NORP:
			if !places {
				continue
			}
			rank = 2
		}
		if rank < bestRank {
			best, bestRank = m.Ref, rank
		}
	}
	return best
}

func (f *finder) refType(ref string) string {
	for _, r := range f.a.Refs {
		if r.ID == ref {
			return r.Type
		}
	}
	for _, m := range f.mentions {
		if m.Ref == ref {
			return m.Type
		}
	}
	return ""
}

// finish orders the statements, drops duplicates, resolves pronoun and
// definite-description sources and inherits relays from enclosing reports.
func (f *finder) finish() {
	sort.SliceStable(f.out, func(i, j int) bool {
		if f.out[i].Cue.Start != f.out[j].Cue.Start {
			return f.out[i].Cue.Start < f.out[j].Cue.Start
		}
		return f.out[i].Start < f.out[j].Start
	})
	out := f.out[:0]
	for i, st := range f.out {
		if i > 0 && st.Cue.Span.Overlaps(f.out[i-1].Cue.Span) {
			continue
		}
		out = append(out, st)
	}
	f.out = out
	for i := range f.out {
		st := &f.out[i]
		if st.Source == nil {
			continue
		}
		f.resolve(i)
	}
	// Nesting: a statement whose cue lies in another's content is relayed by it.
	// Only statements near in cue order can contain one another: scanning a
	// window keeps this linear on very long texts.
	const window = 64
	for i := range f.out {
		in := &f.out[i]
		for j := max(0, i-window); j < len(f.out) && j <= i+window; j++ {
			o := &f.out[j]
			if i == j || o.Source == nil || in.Source == nil || !o.Span.Contains(in.Cue.Span) || !o.Span.Contains(in.Source.Span) || o.Quote {
				continue
			}
			if o.Cue.Start > in.Cue.Start {
				continue
			}
			v := append([]news.Via(nil), o.Via...)
			v = append(v, news.Via{Text: o.Source.Text, Ref: o.Source.Ref, Span: o.Source.Span})
			in.Via = append(v, in.Via...)
			break
		}
	}
	for i := range f.out {
		if f.out[i].Via == nil {
			f.out[i].Via = []news.Via{}
		}
	}
}

// resolve links a pronoun or bare definite description ("he", "the
// official") to the nearest earlier compatible source.
func (f *finder) resolve(i int) {
	s := f.out[i].Source
	low := strings.ToLower(s.Text)
	switch low {
	case "he", "she", "him", "her":
		// Nearest preceding person mention, else person source.
		for k := len(f.mentions) - 1; k >= 0; k-- {
			m := f.mentions[k]
			if m.End <= s.Start && m.Type == news.Person && m.Ref != "" {
				s.Ref = m.Ref
				s.Kind = "person"
				return
			}
		}
		for k := i - 1; k >= 0; k-- {
			p := f.out[k].Source
			if p != nil && p.Kind == "person" && !pronouns[strings.ToLower(p.Text)] {
				copySource(s, p)
				return
			}
		}
	case "it", "its statement", "the statement", "its", "they":
		for k := i - 1; k >= 0; k-- {
			p := f.out[k].Source
			if p != nil && (p.Kind == "org" || p.Kind == "outlet" || (low == "they" && p.Kind == "group")) {
				copySource(s, p)
				return
			}
		}
	default:
		if !strings.HasPrefix(low, "the ") || s.Ref != "" || s.Role == "" {
			return
		}
		words := strings.Fields(low)
		if len(words) > 4 {
			return
		}
		sing := strings.TrimSuffix(s.Role, "s")
		for k := i - 1; k >= 0; k-- {
			p := f.out[k].Source
			if p == nil || p == s || p.Role == "" {
				continue
			}
			if strings.TrimSuffix(p.Role, "s") == sing && (s.Affiliation == "" || p.Affiliation == s.Affiliation) {
				copySource(s, p)
				if len(f.out[i].Via) == 0 && len(f.out[k].Via) > 0 {
					// The same officials, still relayed by the same outlet.
					f.out[i].Via = append([]news.Via(nil), f.out[k].Via...)
				}
				return
			}
		}
	}
}

// copySource gives s the description of the earlier source p it refers to.
func copySource(s, p *news.Source) {
	s.Ref = p.Ref
	if s.Affiliation == "" {
		s.Affiliation = p.Affiliation
	}
	if p.Count > 0 && (s.Count == 0 || s.Count == p.Count) {
		s.Count = p.Count
	}
	if s.Role == "" {
		s.Role = p.Role
	}
	s.Anonymous = p.Anonymous
	s.Kind = p.Kind
}

// speechStems are the stems of cues that report speech or writing.
var speechStems = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`said say says saying told tell tells telling reported report reports reporting
		according citing cited cite stated state states confirmed confirm denied deny denies rejected reject
		mentioned mention indicated indicate described describe announced announce revealed reveal insisted
		insist warned warn noted note added add adding wrote write writes writing declared declare claimed claim
		asserted assert explained explain stressed stress testified testify argued argue suggested suggest
		acknowledged acknowledge admitted admit tweeted tweet posted post responded respond replied reply asked
		ask characterized characterised disclosed disclose dismissed dismiss refuted refute disputed dispute
		declined decline refused refuse commented comment urged urge accused accuse criticized criticised
		criticize praised praise blasted slammed recalled recall predicted predict promised promise pledged
		pledge vowed vow conceded concede complained complain questioned question quoted quote read reads
		emphasized emphasised repeated repeat reiterated reiterate alleged allege contended contend maintained
		maintain estimated estimate concluded conclude informed inform assured assure told briefed brief
		called calling calls : ― — – -- in asked answered answer shouted yelled joked wondered`) {
		m[stem(w)] = true
	}
	return m
}()

// isSpeech reports whether a cue reports speech or writing rather than an
// attitude ("opposes", "wants", "seemed").
func isSpeech(cue string) bool {
	for _, w := range strings.Fields(strings.ToLower(cue)) {
		if speechStems[stem(w)] {
			return true
		}
	}
	return false
}
