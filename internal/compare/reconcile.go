package compare

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp/claim"
)

// Doc is one article of a story with its analysis. Copies are its
// near-duplicates (already detected at ingestion).
type Doc struct {
	Article  *news.Article
	Analysis *news.Analysis
	Copies   []*news.Article
}

// Options tune Reconcile.
type Options struct {
	// Now is the reference time for flagging future dates; zero means no check.
	Now time.Time
	// Stance, when set, scores how an article that does not state a
	// finding stands toward it (agree, disagree, discuss, unrelated), so
	// the report can say which other articles support or dispute it.
	Stance StanceFunc
	// StanceFindings is how many of the top findings get stance-checked
	// against the other articles (default 3).
	StanceFindings int
	// StanceArticles caps the articles read per finding, latest first
	// (default 200), so a story of thousands of articles stays cheap.
	StanceArticles int
}

// StanceFunc classifies an article body against a claim; evidence spans
// are byte offsets into the body.
type StanceFunc func(claim, body string) (label string, score float64, evidence []news.Span)

// item is one claim with everything needed to place it.
type item struct {
	doc   int
	c     news.Claim
	ev    Evidence
	subj  []string
	weak  bool
	group int
}

// Reconcile builds the cross-source view of one story. docs may come in
// any order; they are ordered by date then ID.
func Reconcile(id string, docs []Doc, opt Options) *Story {
	docs = append([]Doc(nil), docs...)
	sort.SliceStable(docs, func(i, j int) bool {
		ti, tj := docs[i].Article.EffectiveTime(), docs[j].Article.EffectiveTime()
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return docs[i].Article.ID < docs[j].Article.ID
	})
	s := &Story{ID: id, EventDates: []string{}, Places: []string{}, Findings: []Finding{}, Background: []Finding{},
		NonAnswers: []NonAnswer{}, Chains: []Chain{}, Notes: []string{}, Timeline: Timeline{Events: []TimelineEntry{}, Reports: []TimelineEntry{}}}
	outlets := map[string]bool{}
	for i, d := range docs {
		a := d.Article
		art := Article{Ref: ref(i), ID: a.ID, Outlet: a.Outlet, OutletGuessed: a.Outlet != "" && a.OutletConfidence < 1,
			Title: a.Title, Date: a.Date(), URL: a.URL, Source: a.Source, Undated: !a.HasDate()}
		if art.Undated && !a.Ingested.IsZero() {
			art.Date = a.Ingested.UTC().Format("2006-01-02")
		}
		if !opt.Now.IsZero() && a.HasDate() && a.Published.After(opt.Now.Add(24*time.Hour)) {
			art.FutureDate = true
			s.Notes = append(s.Notes, fmt.Sprintf("article %s is dated %s, after the report date %s", art.Ref, art.Date, opt.Now.UTC().Format("2006-01-02")))
		}
		if art.Undated {
			s.Notes = append(s.Notes, fmt.Sprintf("article %s has no publication date; it is placed by its ingestion time", art.Ref))
		}
		if d.Analysis != nil && len(d.Analysis.Sentences) > 0 {
			sp := d.Analysis.Sentences[0].Span
			if sp.Valid(len(a.Body)) {
				art.Lead = Clip(a.Body[sp.Start:sp.End], 240)
			}
		}
		for _, c := range d.Copies {
			art.Copies = append(art.Copies, Copy{ID: c.ID, Outlet: c.Outlet, Date: c.Date(), Title: c.Title})
			s.Counts.Copies++
		}
		if a.Outlet != "" {
			outlets[strings.ToLower(a.Outlet)] = true
		}
		s.Articles = append(s.Articles, art)
		if art.Date != "" {
			if s.First == "" || art.Date < s.First {
				s.First = art.Date
			}
			if art.Date > s.Last {
				s.Last = art.Date
			}
		}
	}
	s.Counts.Articles = len(docs)
	s.Counts.Outlets = len(outlets)

	items := collect(docs, s.Articles)
	groups := align(items)
	s.buildFindings(items, groups, entityNames(docs))
	s.nonAnswers(docs)
	s.buildChains()
	s.timeline(docs)
	s.headline(docs)
	for _, f := range s.Findings {
		switch f.Status {
		case Disputed:
			s.Counts.Disputed++
		case Denied:
			s.Counts.Denied++
		case Corroborated:
			s.Counts.Corroborated++
		case SingleSource:
			s.Counts.SingleSource++
		}
	}
	s.Counts.NonAnswers = len(s.NonAnswers)
	s.stances(docs, opt)
	s.Matrix = BuildMatrix(s)
	return s
}

// ref names the i-th article: A…Z, then AA, AB…
func ref(i int) string {
	if i < 26 {
		return string(rune('A' + i))
	}
	return ref(i/26-1) + string(rune('A'+i%26))
}

// collect turns every claim of every article into an item with its evidence.
func collect(docs []Doc, arts []Article) []*item {
	var items []*item
	for di, d := range docs {
		if d.Analysis == nil {
			continue
		}
		body := d.Article.Body
		inherit := inheritedVia(d.Analysis)
		docStart := len(items) // duplicates are looked for within one article only
		for _, c := range d.Analysis.Claims {
			if !c.Span.Valid(len(body)) || c.Predicate == "" {
				continue
			}
			ev := evidence(d, arts[di], c.Span, c.Sentence)
			ev.Polarity = c.Polarity
			ev.Hedged = c.Hedged
			ev.Time = c.Time
			ev.Stance = "article"
			if c.Statement >= 0 && c.Statement < len(d.Analysis.Statements) {
				st := d.Analysis.Statements[c.Statement]
				fillStatement(&ev, d, st, inherit[c.Statement])
			} else {
				ev.Chain = "article:" + articleKey(d.Article)
			}
			dup := false
			for _, o := range items[docStart:] {
				// Two statements over one clause (a quote and its frame)
				// give the same claim twice: keep the first.
				if o.doc == di && o.c.Predicate == c.Predicate && o.c.Aspect == c.Aspect && o.c.Polarity == c.Polarity && o.c.Span.Overlaps(c.Span) {
					dup = true
					break
				}
			}
			if !dup {
				items = append(items, &item{doc: di, c: c, ev: ev, subj: c.SubjectKeys, group: -1})
			}
		}
	}
	return items
}

func articleKey(a *news.Article) string {
	if a.Outlet != "" {
		return normOutlet(a.Outlet)
	}
	return a.ID
}

// evidence fills the article and sentence part of an Evidence.
func evidence(d Doc, art Article, sp news.Span, sent int) Evidence {
	body := d.Article.Body
	ev := Evidence{Article: art.Ref, ArticleID: art.ID, Outlet: art.Outlet, Date: art.Date, Sentence: sent,
		Start: sp.Start, End: sp.End, Text: body[sp.Start:sp.End]}
	if d.Analysis != nil && sent >= 0 && sent < len(d.Analysis.Sentences) {
		ss := d.Analysis.Sentences[sent].Span
		if ss.Valid(len(body)) {
			ev.SentenceStart, ev.SentenceEnd = ss.Start, ss.End
			ev.SentenceText = body[ss.Start:ss.End]
		}
	}
	return ev
}

// fillStatement adds the statement's source, relays, chain and report date.
func fillStatement(ev *Evidence, d Doc, st news.Statement, inherited []news.Via) {
	ev.Stance = st.Stance
	ev.Cue = st.Cue.Text
	via := st.Via
	if len(via) == 0 {
		via = inherited
	}
	for _, v := range via {
		ev.Via = append(ev.Via, v.Text)
	}
	if st.Source != nil {
		ev.Source = st.Source.Text
		ev.Anonymous = st.Source.Anonymous
	}
	ev.Chain = chainKey(d, st, via)
	// A date next to the cue, outside the content, dates the report itself.
	if d.Analysis != nil {
		for _, tx := range d.Analysis.Timexes {
			if tx.Type != news.TimexDate || len(tx.Value) != 10 || st.Span.Contains(tx.Span) {
				continue
			}
			lo, hi := st.Cue.Start, st.Cue.End
			if st.Source != nil {
				lo, hi = min(lo, st.Source.Start), max(hi, st.Source.End)
			}
			if tx.Start >= lo-40 && tx.End <= hi+40 && (tx.End <= st.Start || tx.Start >= st.End) {
				ev.ReportedOn = tx.Value
				break
			}
		}
	}
}

// chainKey identifies the independent line of attribution a statement belongs to.
func chainKey(d Doc, st news.Statement, via []news.Via) string {
	src := st.Source
	if src != nil && src.Kind == "outlet" {
		// An outlet that reported it first is the root of its chain.
		return "outlet:" + normOutlet(src.Text)
	}
	if len(via) > 0 {
		return "outlet:" + normOutlet(via[0].Text)
	}
	if src == nil {
		return "article:" + articleKey(d.Article)
	}
	if !src.Anonymous && src.Ref != "" && d.Analysis != nil {
		for _, r := range d.Analysis.Refs {
			if r.ID == src.Ref && r.Key != "" {
				return "named:" + r.Key
			}
		}
	}
	if !src.Anonymous {
		return "named:" + claim.NormalizeKey(src.Text)
	}
	desc := strings.ToLower(src.Affiliation + ":" + singular(src.Role))
	return "anonymous:" + articleKey(d.Article) + ":" + desc
}

// inheritedVia gives anonymous sources the relay of an earlier statement in
// the same article with a compatible description: when an article says "The
// New York Times reported, citing two Iranian officials" and later "The
// officials said", the officials still come through the Times.
func inheritedVia(a *news.Analysis) map[int][]news.Via {
	out := map[int][]news.Via{}
	type seen struct {
		aff, role string
		via       []news.Via
	}
	var relayed []seen
	for i, st := range a.Statements {
		if st.Source == nil || !st.Source.Anonymous {
			continue
		}
		aff, role := strings.ToLower(st.Source.Affiliation), singular(strings.ToLower(st.Source.Role))
		if len(st.Via) > 0 {
			relayed = append(relayed, seen{aff, role, st.Via})
			continue
		}
		for _, r := range relayed {
			if (aff == "" || r.aff == "" || aff == r.aff) && role != "" && role == r.role {
				out[i] = r.via
				break
			}
		}
	}
	return out
}

func singular(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	if strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") {
		return s[:len(s)-1]
	}
	return s
}

// normOutlet normalises an outlet name for chain identity: "The New York
// Times" and "the Times" differ, but "The New York Times" and "New York Times" do not.
func normOutlet(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimPrefix(s, "www.")
	return s
}

// align groups items about the same question: same predicate and aspect,
// sharing a distinctive participant or the same event theme.
func align(items []*item) [][]*item {
	// Participants found in most claims of the story (the country every
	// sentence mentions) do not by themselves make two claims comparable.
	df := map[string]int{}
	for _, it := range items {
		for _, p := range it.c.Participants {
			df[p]++
		}
	}
	weak := func(p string) bool { return len(items) >= 6 && df[p]*2 > len(items) }

	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if ra < rb {
			parent[rb] = ra
		} else {
			parent[ra] = rb
		}
	}
	bucketFirst := map[string]int{} // bucket|participant → first item
	for i, it := range items {
		b := it.c.Predicate + "." + it.c.Aspect
		linked := false
		themed := false
		for _, o := range it.c.ObjectKeys {
			themed = themed || strings.HasPrefix(o, "#")
		}
		for _, p := range it.c.Participants {
			if weak(p) || themed {
				// A claim about an event ("requested the meeting") aligns
				// on that event, not on whoever else it names.
				continue
			}
			k := b + "|" + p
			if j, ok := bucketFirst[k]; ok {
				union(i, j)
				linked = true
			} else {
				bucketFirst[k] = i
			}
		}
		for _, o := range it.c.ObjectKeys {
			if strings.HasPrefix(o, "#") {
				k := b + "|" + o
				if j, ok := bucketFirst[k]; ok {
					union(i, j)
					linked = true
				} else {
					bucketFirst[k] = i
				}
			}
		}
		if unit := numberUnit(it.c.Numbers); unit != "" && it.c.Aspect == "" {
			// "killed nine workers" and "12 workers died": counts of the
			// same thing under the same predicate are one question.
			k := b + "|unit:" + unit
			if j, ok := bucketFirst[k]; ok {
				union(i, j)
				linked = true
			} else {
				bucketFirst[k] = i
			}
		}
		if !linked && len(it.c.Participants) == 0 {
			// Claims without distinctive entities ("inspections had been
			// skipped") link on the predicate and the head word of their
			// subject or theme.
			for _, w := range []string{it.c.SubjectText, it.c.ObjectText} {
				if w == "" || strings.Contains(w, " ") {
					continue
				}
				k := b + "|lit:" + claim.Lemma(w)
				if j, ok := bucketFirst[k]; ok {
					union(i, j)
					linked = true
				} else {
					bucketFirst[k] = i
				}
			}
		}
		if it.c.Aspect != "" && !linked {
			// An aspect of an event ("took place at a confidential location")
			// without participants joins the other claims on that aspect.
			k := b + "|*"
			if j, ok := bucketFirst[k]; ok {
				union(i, j)
			} else {
				bucketFirst[k] = i
			}
		}
	}
	byRoot := map[int][]*item{}
	var roots []int
	for i, it := range items {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], it)
	}
	sort.Ints(roots)
	groups := make([][]*item, 0, len(roots))
	for _, r := range roots {
		groups = append(groups, byRoot[r])
	}
	return groups
}

// buildFindings labels each group and splits news from background.
func (s *Story) buildFindings(items []*item, groups [][]*item, names map[string]string) {
	type scored struct {
		f        Finding
		bg       bool
		articles int
		first    int
	}
	var all []scored
	for _, g := range groups {
		f := label(g, names)
		bg := 0
		arts := map[int]bool{}
		for _, it := range g {
			if it.c.Background {
				bg++
			}
			arts[it.doc] = true
		}
		all = append(all, scored{f: f, bg: bg*2 >= len(g) && bg > 0, articles: len(arts), first: g[0].c.Start})
	}
	// The story's core: the finding carried by the most articles; groups
	// sharing a distinctive participant with it are news even without a date.
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.bg != b.bg {
			return !a.bg
		}
		if statusRank[a.f.Status] != statusRank[b.f.Status] {
			return statusRank[a.f.Status] < statusRank[b.f.Status]
		}
		if a.articles != b.articles {
			return a.articles > b.articles
		}
		if a.f.IndependentChains != b.f.IndependentChains {
			return a.f.IndependentChains > b.f.IndependentChains
		}
		return a.f.Sides[0].Evidence[0].Article+fmt.Sprint(a.first) < b.f.Sides[0].Evidence[0].Article+fmt.Sprint(b.first)
	})
	n, nb := 0, 0
	times := map[string]int{}
	places := map[string]int{}
	for _, sc := range all {
		f := sc.f
		if sc.bg {
			nb++
			f.ID = fmt.Sprintf("B%d", nb)
			s.Background = append(s.Background, f)
			continue
		}
		n++
		f.ID = fmt.Sprintf("F%d", n)
		s.Findings = append(s.Findings, f)
		if f.Time != "" && len(f.Time) >= 7 {
			times[f.Time] += len(f.Articles)
		}
		if f.Place != "" {
			places[f.Place] += len(f.Articles)
		}
	}
	// Day-precise dates name events better than months or seasons.
	days := map[string]int{}
	for t, n := range times {
		if len(t) == 10 {
			days[t] = n
		}
	}
	if len(days) > 0 {
		times = days
	}
	s.EventDates = topKeys(times, 3)
	s.Places = topKeys(places, 3)
}

func topKeys(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

// label decides a group's status and splits it into sides.
func label(g []*item, names map[string]string) Finding {
	rep := representative(g)
	f := Finding{Predicate: rep.c.Predicate, Aspect: rep.c.Aspect, Summary: Clip(rep.ev.Text, 200)}
	parts := map[string]bool{}
	arts := map[string]bool{}
	hedged := true
	for _, it := range g {
		for _, p := range it.c.Participants {
			parts[p] = true
		}
		arts[it.ev.Article] = true
		if !it.c.Hedged {
			hedged = false
		}
		if f.Time == "" && it.c.Time != "" && it.c.Polarity == news.Positive {
			f.Time = it.c.Time
		}
		if f.Place == "" && it.c.Place != "" && it.c.Polarity == news.Positive {
			f.Place = it.c.Place
		}
	}
	f.Participants = sortedKeys(parts)
	f.Articles = sortedKeys(arts)
	f.Hedged = hedged
	f.Question = question(rep, names)

	var pos, neg []*item
	for _, it := range g {
		if it.c.Polarity == news.Negative {
			neg = append(neg, it)
		} else {
			pos = append(pos, it)
		}
	}
	deniers := false
	for _, it := range neg {
		if it.ev.Stance == news.Deny {
			deniers = true
		}
	}
	switch {
	case len(neg) > 0 && len(pos) > 0 && f.Aspect == "place" && !samePlace(pos, neg):
		// "took place at a confidential location" and "not at the mission" agree.
	case len(neg) > 0 && deniers:
		f.Status, f.Disagreement = Denied, "polarity"
		f.Sides = sides([]string{"asserted", "denied"}, [][]*item{pos, neg})
	case len(neg) > 0 && len(pos) > 0:
		f.Status, f.Disagreement = Disputed, "polarity"
		f.Sides = sides([]string{"asserted", "negated"}, [][]*item{pos, neg})
	}
	if f.Status == "" {
		if labels, parts := agentConflict(pos); len(parts) > 1 {
			f.Status, f.Disagreement = Disputed, "agent"
			f.Sides = sides(labels, parts)
			f.Question = "Who " + pastTense(rep.c.Predicate) + " " + themeText(rep) + "?"
		} else if labels, parts := valueConflict(pos, func(it *item) string { return numberKey(it.c.Numbers) }); len(parts) > 1 {
			for i, l := range labels {
				labels[i] = countLabel(l)
			}
			f.Status, f.Disagreement = Disputed, "number"
			f.Sides = sides(labels, parts)
			if unit := numberUnit(parts[0][0].c.Numbers); unit != "" {
				f.Question = "How many " + plural(unit) + " were " + pastTense(rep.c.Predicate) + "?"
			}
		} else if labels, parts := valueConflict(pos, func(it *item) string {
			if len(it.c.Time) == 10 {
				return it.c.Time
			}
			return ""
		}); len(parts) > 1 {
			f.Status, f.Disagreement = Disputed, "date"
			f.Sides = sides(labels, parts)
		}
	}
	if f.Status == "" {
		f.Sides = sides([]string{"asserted", "negated"}, [][]*item{pos, neg})
		// Corroboration is two chains saying the same thing: "at a
		// confidential location" and "not at the mission" are one each.
		chains := map[string]bool{}
		for _, it := range pos {
			chains[it.ev.Chain] = true
		}
		if len(pos) == 0 {
			for _, it := range neg {
				chains[it.ev.Chain] = true
			}
		}
		switch {
		case len(chains) >= 2:
			f.Status = Corroborated
		case hedged:
			f.Status = Unconfirmed
		default:
			f.Status = SingleSource
		}
	}
	chains := map[string]bool{}
	for _, it := range pos {
		chains[it.ev.Chain] = true
	}
	f.IndependentChains = len(chains)
	if len(pos) == 0 {
		for _, it := range neg {
			chains[it.ev.Chain] = true
		}
		f.IndependentChains = len(chains)
	}
	return f
}

func samePlace(pos, neg []*item) bool {
	for _, n := range neg {
		for _, p := range pos {
			if n.c.Place != "" && n.c.Place == p.c.Place {
				return true
			}
		}
	}
	return false
}

// representative picks the claim that names the group: the earliest
// positive, unhedged claim from the earliest article.
func representative(g []*item) *item {
	best := g[0]
	score := func(it *item) int {
		s := 0
		if it.c.Polarity == news.Negative {
			s += 4
		}
		if it.c.Hedged {
			s += 2
		}
		return s
	}
	for _, it := range g[1:] {
		if score(it) < score(best) || (score(it) == score(best) && (it.doc < best.doc || (it.doc == best.doc && it.c.Start < best.c.Start))) {
			best = it
		}
	}
	return best
}

// sides builds Sides from labelled partitions, dropping empty ones.
func sides(labels []string, parts [][]*item) []Side {
	var out []Side
	for i, p := range parts {
		if len(p) == 0 {
			continue
		}
		sd := Side{Position: labels[i], Polarity: p[0].c.Polarity}
		chains := map[string]bool{}
		for _, it := range p {
			sd.Evidence = append(sd.Evidence, it.ev)
			chains[it.ev.Chain] = true
		}
		sort.SliceStable(sd.Evidence, func(a, b int) bool {
			if sd.Evidence[a].Article != sd.Evidence[b].Article {
				return len(sd.Evidence[a].Article) < len(sd.Evidence[b].Article) || (len(sd.Evidence[a].Article) == len(sd.Evidence[b].Article) && sd.Evidence[a].Article < sd.Evidence[b].Article)
			}
			return sd.Evidence[a].Start < sd.Evidence[b].Start
		})
		sd.Chains = len(chains)
		out = append(out, sd)
	}
	return out
}

// agentConflict splits positive claims of a non-symmetric predicate by
// incompatible subjects: "Musk requested the meeting" against "the Iranians
// were seeking a meeting".
func agentConflict(pos []*item) ([]string, [][]*item) {
	if len(pos) < 2 || symmetricClass(pos[0].c.Predicate) || pos[0].c.Aspect != "" {
		return nil, nil
	}
	var labels []string
	var parts [][]*item
	var keys [][]string
	for _, it := range pos {
		if len(it.subj) == 0 {
			continue
		}
		placed := false
		for k := range keys {
			if compatible(keys[k], it.subj) {
				parts[k] = append(parts[k], it)
				placed = true
				break
			}
		}
		if !placed {
			keys = append(keys, it.subj)
			label := it.c.SubjectText
			if label == "" {
				label = strings.Join(it.subj, ", ")
			}
			labels = append(labels, label)
			parts = append(parts, []*item{it})
		}
	}
	if len(parts) < 2 {
		return nil, nil
	}
	// Claims without a subject go with the first side (they do not dispute it).
	return labels, parts
}

func symmetricClass(p string) bool {
	switch p {
	case "meet", "agree", "talk", "merge":
		return true
	}
	return false
}

// compatible reports whether two subject key sets can name the same agent:
// equal keys, or one key's words inside the other's ("trump" and "trump
// administration").
func compatible(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || containsWords(x, y) || containsWords(y, x) {
				return true
			}
		}
	}
	return false
}

func containsWords(long, short string) bool {
	lw := strings.Fields(long)
	for _, w := range strings.Fields(short) {
		found := false
		for _, x := range lw {
			if x == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return short != ""
}

// valueConflict splits positive claims by a value (number, exact date) when
// two differ; claims without the value take no side.
func valueConflict(pos []*item, val func(*item) string) ([]string, [][]*item) {
	idx := map[string]int{}
	var labels []string
	var parts [][]*item
	for _, it := range pos {
		v := val(it)
		if v == "" {
			continue
		}
		k, ok := idx[v]
		if !ok {
			k = len(parts)
			idx[v] = k
			labels = append(labels, v)
			parts = append(parts, nil)
		}
		parts[k] = append(parts[k], it)
	}
	if len(parts) < 2 {
		return nil, nil
	}
	return labels, parts
}

// countLabel reads a number key as people write it: "12 worker" → "12 workers".
func countLabel(key string) string {
	if strings.Contains(key, ";") {
		return key
	}
	n, unit, ok := strings.Cut(key, " ")
	if !ok || n == "1" || unit == "" {
		return key
	}
	return n + " " + plural(unit)
}

// numberKey returns a comparable key for the claim's quantities with units
// ("12 people"); durations and counts of different units do not compare.
func numberKey(ns []string) string {
	if len(ns) == 0 {
		return ""
	}
	cp := append([]string(nil), ns...)
	sort.Strings(cp)
	return strings.Join(cp, "; ")
}

var pastForms = map[string]string{
	"meet": "met", "request": "requested", "end": "ended", "kill": "killed", "order": "ordered",
	"reveal": "revealed", "charge": "charged", "sanction": "sanctioned", "arrest": "arrested",
	"attack": "attacked", "die": "died", "injure": "injured", "plot": "plotted", "select": "selected",
	"retaliate": "retaliated against", "forbid": "forbade", "win": "won", "resign": "resigned",
	"elect": "elected", "sign": "signed", "agree": "agreed to", "threaten": "threatened",
	"support": "supported", "oppose": "opposed", "reject": "rejected", "depict": "depicted",
	"visit": "visited", "leave": "left", "merge": "merged with", "rise": "raised", "fall": "lowered",
}

func pastTense(p string) string {
	if v, ok := pastForms[p]; ok {
		return v
	}
	if strings.HasSuffix(p, "e") {
		return p + "d"
	}
	return p + "ed"
}

var eventNouns = map[string]string{"meet": "the meeting", "kill": "the killing", "attack": "the attack", "plot": "the plot", "agree": "the deal", "elect": "the election", "sanction": "the sanctions", "arrest": "the arrest", "visit": "the visit"}

func themeText(it *item) string {
	for _, o := range it.c.ObjectKeys {
		if strings.HasPrefix(o, "#") {
			if n, ok := eventNouns[o[1:]]; ok {
				return n
			}
			return "the " + o[1:]
		}
	}
	if it.c.ObjectText != "" {
		return it.c.ObjectText
	}
	return "it"
}

// question phrases what a finding is about.
func question(rep *item, names map[string]string) string {
	ev := eventNouns[rep.c.Predicate]
	if ev == "" {
		ev = "the " + rep.c.Predicate
	}
	switch rep.c.Aspect {
	case "place":
		return "Where did " + ev + " take place?"
	case "duration":
		return "How long did " + ev + " last?"
	case "topic":
		return "What was " + ev + " about?"
	case "time":
		return "When did " + ev + " happen?"
	}
	if len(rep.c.ObjectKeys) > 0 && strings.HasPrefix(rep.c.ObjectKeys[0], "#") {
		return "Who " + pastTense(rep.c.Predicate) + " " + themeText(rep) + "?"
	}
	parts := rep.c.Participants
	if len(parts) > 3 {
		parts = parts[:3]
	}
	if len(parts) == 0 {
		// Nothing better than the claim itself, asked: "Safety inspections
		// at the plant had been skipped…?"
		q := strings.TrimRight(rep.ev.Text, " .,;:")
		if r := []rune(q); len(r) > 90 {
			q = strings.TrimSpace(string(r[:90])) + "…"
		}
		if q == "" {
			return ""
		}
		return capitalize(q) + "?"
	}
	if rep.c.Predicate == "meet" {
		// A meeting is symmetric: "Did Amir Saeid Iravani and Elon Musk meet?"
		var people []string
		for _, p := range rep.c.Participants {
			if names[p+"\x00type"] == news.Person {
				people = append(people, names[p])
			}
		}
		if len(people) >= 2 {
			return "Did " + strings.Join(people[:len(people)-1], ", ") + " and " + people[len(people)-1] + " meet?"
		}
	}
	shown := make([]string, len(parts))
	for i, p := range parts {
		shown[i] = p
		if n := names[p]; n != "" {
			shown[i] = n
		}
	}
	return capitalize(rep.c.Predicate) + " (" + strings.Join(shown, ", ") + ")"
}

// entityNames maps entity keys to the longest name the story's articles give
// them ("elon musk" → "Elon Musk"), ties to the alphabetically first, for
// display; key+"\x00type" holds that name's entity type.
func entityNames(docs []Doc) map[string]string {
	names := map[string]string{}
	for _, d := range docs {
		if d.Analysis == nil {
			continue
		}
		for _, r := range d.Analysis.Refs {
			if r.Key == "" || r.Name == "" || strings.ToUpper(r.Name) == r.Name && len(r.Name) > 4 {
				continue // "UNITED STATES" shouts
			}
			if cur, ok := names[r.Key]; !ok || len(r.Name) > len(cur) || len(r.Name) == len(cur) && r.Name < cur {
				names[r.Key] = r.Name
				names[r.Key+"\x00type"] = r.Type
			}
		}
	}
	return names
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// nonAnswers lists declines, non-responses and neither-confirm-nor-deny
// statements, attaching each to the finding its content is about.
func (s *Story) nonAnswers(docs []Doc) {
	for di, d := range docs {
		if d.Analysis == nil {
			continue
		}
		body := d.Article.Body
		for _, st := range d.Analysis.Statements {
			switch st.Stance {
			case news.Decline, news.NoResponse, news.Neither:
			default:
				continue
			}
			span := st.Span
			if !span.Valid(len(body)) || span.Len() == 0 {
				span = st.Cue.Span
			}
			if !span.Valid(len(body)) {
				continue
			}
			ev := evidence(d, s.Articles[di], span, st.Sentence)
			ev.Stance, ev.Cue = st.Stance, st.Cue.Text
			ev.Chain = chainKey(d, st, st.Via)
			who := ""
			if st.Source != nil {
				who = st.Source.Text
				ev.Source = who
				ev.Anonymous = st.Source.Anonymous
				if st.Source.Ref != "" && st.Source.Kind == "person" { // a person's role, not a team's
					for _, r := range d.Analysis.Refs {
						if r.ID == st.Source.Ref && len(r.Roles) > 0 && !strings.Contains(strings.ToLower(who), strings.ToLower(r.Roles[0])) {
							who += " (" + r.Roles[0] + ")"
						}
					}
				}
			}
			na := NonAnswer{Kind: st.Stance, Who: who, Evidence: ev, About: s.aboutFinding(body, ev.Article, st)}
			s.NonAnswers = append(s.NonAnswers, na)
		}
	}
}

// aboutFinding finds the news finding a non-answer's sentence concerns: the
// first finding (disputes first) whose predicate class appears in it.
func (s *Story) aboutFinding(body, article string, st news.Statement) string {
	lo, hi := min(st.Start, st.Cue.Start), max(st.End, st.Cue.End)
	if lo < 0 || hi > len(body) || lo > hi {
		return ""
	}
	text := strings.ToLower(body[lo:hi])
	for _, formula := range []string{"requests for comment", "request for comment", "seeking comment", "sought comment", "comment on"} {
		text = strings.ReplaceAll(text, formula, " ")
	}
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-')
	})
	classes := map[string]bool{}
	for _, w := range words {
		if c, ok := claim.Class(w); ok {
			classes[c] = true
		}
	}
	for _, f := range s.Findings {
		if f.Aspect == "" && classes[f.Predicate] && f.Status != SingleSource {
			return f.ID
		}
	}
	for _, f := range s.Findings {
		if f.Aspect == "" && classes[f.Predicate] {
			return f.ID
		}
	}
	// "declined to comment on the letter": the finding that speaks of the
	// same things (common nouns shared with its evidence).
	if id := s.sharedWords(body[lo:hi]); id != "" {
		return id
	}
	// "did not respond to a request for comment" names nothing: it answers
	// what the article reported just before (the nearest finding more than
	// one source speaks to, with evidence in an earlier sentence of the
	// same article), else the
	// story's core, the finding carried by the most articles.
	best, near := "", -1
	for _, f := range s.Findings {
		if f.Aspect != "" || f.Status == SingleSource || f.Status == Unconfirmed {
			continue
		}
		for _, sd := range f.Sides {
			for _, ev := range sd.Evidence {
				if ev.Article == article && ev.Sentence <= st.Sentence && ev.Sentence > near {
					best, near = f.ID, ev.Sentence
				}
			}
		}
	}
	if best != "" {
		return best
	}
	most := 0
	for _, f := range s.Findings {
		if len(f.Articles) > most && f.Aspect == "" {
			best, most = f.ID, len(f.Articles)
		}
	}
	return best
}

// nonAnswerWords are the words every non-answer uses.
var nonAnswerWords = map[string]bool{"comment": true, "comments": true, "request": true, "requests": true, "respond": true,
	"responded": true, "declined": true, "declines": true, "refused": true, "said": true, "says": true, "would": true,
	"could": true, "questions": true, "about": true, "response": true, "seeking": true, "sought": true, "messages": true,
	"publicly": true, "statement": true, "statements": true, "confirm": true, "confirmed": true, "denied": true, "neither": true}

// sharedWords returns the finding whose evidence shares the most lower-case
// content words (four letters or more) with a non-answer, or "" if none does.
func (s *Story) sharedWords(text string) string {
	words := func(t string) map[string]bool {
		out := map[string]bool{}
		for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
			if len(w) >= 4 && w == strings.ToLower(w) && !nonAnswerWords[w] && !claim.Stopword(w) {
				out[w] = true
			}
		}
		return out
	}
	mine := words(text)
	best, most := "", 0
	for _, f := range s.Findings {
		seen := map[string]bool{}
		for _, sd := range f.Sides {
			for _, ev := range sd.Evidence {
				for w := range words(ev.Text) {
					if mine[w] {
						seen[w] = true
					}
				}
			}
		}
		if len(seen) > most {
			best, most = f.ID, len(seen)
		}
	}
	return best
}

// buildChains lists the attribution chains behind the findings and which
// articles rely on each, so "two outlets" can be read as one source when
// both lean on the same first report.
func (s *Story) buildChains() {
	type acc struct {
		label    string
		kind     string
		articles map[string]bool
		findings map[string]bool
	}
	m := map[string]*acc{}
	add := func(f Finding) {
		for _, sd := range f.Sides {
			for _, ev := range sd.Evidence {
				a := m[ev.Chain]
				if a == nil {
					kind := ev.Chain[:strings.Index(ev.Chain, ":")]
					a = &acc{label: chainLabel(ev), kind: kind, articles: map[string]bool{}, findings: map[string]bool{}}
					m[ev.Chain] = a
				}
				a.articles[ev.Article] = true
				a.findings[f.ID] = true
			}
		}
	}
	for _, f := range s.Findings {
		add(f)
	}
	// Outlets cited anywhere (including "first reported by …") tie articles to one chain.
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		a := m[k]
		s.Chains = append(s.Chains, Chain{ID: k, Label: a.label, Kind: a.kind, Articles: sortedRefs(a.articles), Findings: sortedFindings(a.findings)})
	}
	sort.SliceStable(s.Chains, func(i, j int) bool {
		if len(s.Chains[i].Articles) != len(s.Chains[j].Articles) {
			return len(s.Chains[i].Articles) > len(s.Chains[j].Articles)
		}
		return len(s.Chains[i].Findings) > len(s.Chains[j].Findings)
	})
}

// chainLabel is how a chain reads: "The New York Times ← two Iranian officials".
func chainLabel(ev Evidence) string {
	var parts []string
	parts = append(parts, ev.Via...)
	if ev.Source != "" {
		parts = append(parts, ev.Source)
	}
	if len(parts) == 0 {
		if ev.Outlet != "" {
			return ev.Outlet + " (in its own voice)"
		}
		return "article " + ev.Article + " (in its own voice)"
	}
	return strings.Join(parts, " ← ")
}

// timeline lists events by resolved date and reports by publication date.
func (s *Story) timeline(docs []Doc) {
	for _, f := range s.Findings {
		if f.Time == "" || f.Status == SingleSource && len(f.Articles) < 1 {
			continue
		}
		s.Timeline.Events = append(s.Timeline.Events, TimelineEntry{Date: f.Time, Finding: f.ID, Text: f.Summary, Status: f.Status})
	}
	for _, a := range s.Articles {
		who := a.Outlet
		if who == "" {
			who = "article " + a.Ref
		}
		text := a.Title
		if text == "" {
			text = a.Lead
		}
		s.Timeline.Reports = append(s.Timeline.Reports, TimelineEntry{Date: a.Date, Article: a.Ref, Who: who, Text: Clip(text, 160)})
	}
	for _, f := range s.Findings {
		for _, sd := range f.Sides {
			for _, ev := range sd.Evidence {
				if ev.ReportedOn == "" {
					continue
				}
				who := chainLabel(ev)
				s.Timeline.Reports = append(s.Timeline.Reports, TimelineEntry{Date: ev.ReportedOn, Finding: f.ID, Article: ev.Article,
					Who: who, Text: Clip(ev.Text, 160), Status: sd.Position})
			}
		}
	}
	less := func(es []TimelineEntry) func(i, j int) bool {
		return func(i, j int) bool {
			if es[i].Date != es[j].Date {
				return es[i].Date < es[j].Date
			}
			if es[i].Article != es[j].Article {
				return es[i].Article < es[j].Article
			}
			return es[i].Finding < es[j].Finding
		}
	}
	sort.SliceStable(s.Timeline.Events, less(s.Timeline.Events))
	sort.SliceStable(s.Timeline.Reports, less(s.Timeline.Reports))
}

// headline is the earliest article's title, or the story's top finding.
func (s *Story) headline(docs []Doc) {
	for _, a := range s.Articles {
		if a.Title != "" {
			s.Headline = a.Title
			return
		}
	}
	// Otherwise the story's core: the finding carried by the most articles
	// and sources, the earliest first.
	best := -1
	for i, f := range s.Findings {
		if best < 0 || len(f.Articles) > len(s.Findings[best].Articles) ||
			(len(f.Articles) == len(s.Findings[best].Articles) && evidenceCount(f) > evidenceCount(s.Findings[best])) {
			best = i
		}
	}
	if best >= 0 {
		s.Headline = Clip(s.Findings[best].Summary, 120)
		return
	}
	if len(s.Articles) > 0 {
		s.Headline = Clip(s.Articles[0].Lead, 120)
	}
}

// Clip shortens s to at most n bytes at a word boundary, with an ellipsis,
// collapsing whitespace; it never cuts a UTF-8 character.
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	if sp := strings.LastIndex(s[:cut], " "); sp > n/2 {
		cut = sp
	}
	return s[:cut] + "…"
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedRefs(m map[string]bool) []string {
	out := sortedKeys(m)
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) < len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

func sortedFindings(m map[string]bool) []string {
	out := sortedKeys(m)
	sort.SliceStable(out, func(i, j int) bool {
		ni, _ := strconv.Atoi(out[i][1:])
		nj, _ := strconv.Atoi(out[j][1:])
		return ni < nj
	})
	return out
}

func evidenceCount(f Finding) int {
	n := 0
	for _, sd := range f.Sides {
		n += len(sd.Evidence)
	}
	return n
}

// numberUnit is the unit of a claim's first quantity ("12 worker" → "worker").
func numberUnit(ns []string) string {
	if len(ns) == 0 {
		return ""
	}
	_, unit, _ := strings.Cut(ns[0], " ")
	return unit
}

func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "s"):
		return w
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "i"):
		return w + "es"
	}
	return w + "s"
}

// stances runs the stance model for the top findings over the story's
// articles that do not state them: a later article that disputes a claim
// in other words ("Iran's foreign ministry called the reports false") is
// found even when no claim of it aligns.
func (s *Story) stances(docs []Doc, opt Options) {
	if opt.Stance == nil || len(docs) < 2 {
		return
	}
	n := opt.StanceFindings
	if n <= 0 {
		n = 3
	}
	limit := opt.StanceArticles
	if limit <= 0 {
		limit = 200
	}
	first := max(0, len(docs)-limit) // docs are in date order: read the latest
	for fi := range s.Findings {
		if fi >= n {
			break
		}
		f := &s.Findings[fi]
		has := map[string]bool{}
		for _, a := range f.Articles {
			has[a] = true
		}
		for di := first; di < len(docs); di++ {
			d := docs[di]
			ref := s.Articles[di].Ref
			if has[ref] {
				continue
			}
			label, score, ev := opt.Stance(f.Summary, d.Article.Body)
			if label == "" || label == "unrelated" {
				continue
			}
			as := ArticleStance{Article: ref, ArticleID: d.Article.ID, Stance: label, Score: math.Round(score*100) / 100}
			for _, sp := range ev {
				if sp.Valid(len(d.Article.Body)) {
					as.Evidence = append(as.Evidence, Evidence{Article: ref, ArticleID: d.Article.ID, Outlet: d.Article.Outlet,
						Date: s.Articles[di].Date, Sentence: sentenceOf(d.Analysis, sp), Start: sp.Start, End: sp.End,
						Text: Clip(d.Article.Body[sp.Start:sp.End], 300), Stance: "model", Chain: "article:" + articleKey(d.Article), Polarity: news.Positive})
				}
			}
			f.Stances = append(f.Stances, as)
		}
	}
}

// sentenceOf is the index of the sentence holding sp, or -1.
func sentenceOf(a *news.Analysis, sp news.Span) int {
	if a == nil {
		return -1
	}
	for i, s := range a.Sentences {
		if s.Span.Overlaps(sp) {
			return i
		}
	}
	return -1
}
