// Package entity finds named entities and links their mentions within an
// article (in-article coreference), with titles and appositives kept as roles.
//
// Spans and CoNLL types come from a two-pass greedy averaged-perceptron
// sequence model (model.go) trained in Go on CoNLL-2003 train: both passes
// read document context, the second also the first pass's labels of the same
// words elsewhere in the document. CoNLL dev F1 90.4 (gold tokens and through
// the eval runner alike); retrain with
//
//	go run ./internal/nlp/entity/train -data ../shared/eval/ner
//
// (~40 s; the Reuters data is not redistributed, only the int8 weights in
// model.bin.gz and model1.bin.gz, ~260 KB each). Gazetteers then refine LOC
// into GPE and MISC into NORP; titles ("Sen.", "Ambassador") and appositives
// become roles. Coreference joins a later "Musk" to an earlier "Elon Musk",
// aliases ("US" = "U.S." = "United States" = "UNITED STATES"), demonyms to
// their country key, and descriptions to the person they stand for
// (Nominals). Without a model the rule tagger (capitalised runs typed by
// gazetteers, heads and titles) is used.
package entity

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Tagger recognises named entities. It is safe for concurrent use.
type Tagger struct {
	model *Model // nil: rules only
}

// Load returns the tagger with the embedded sequence model.
func Load() (*Tagger, error) {
	m, err := LoadModel()
	if err != nil {
		return nil, err
	}
	return &Tagger{model: m}, nil
}

// Tag returns the entity mentions in text, sorted by offset, and the
// article's entities with their keys and roles. The sequence model finds
// the spans and their CoNLL types; gazetteers refine LOC into GPE and MISC
// into NORP; titles before a name and appositives after it become roles.
func (t *Tagger) Tag(text string, sents []news.Sentence) ([]news.Mention, []news.EntityRef) {
	var cands []cand
	if t.model == nil {
		for _, s := range sents {
			cands = append(cands, candidates(text, s.Tokens)...)
		}
		return resolve(text, cands)
	}
	words := make([][]string, len(sents))
	for k, s := range sents {
		words[k] = make([]string, len(s.Tokens))
		for i, tk := range s.Tokens {
			words[k][i] = tk.Text
		}
	}
	labels, doc := t.model.DecodeDocContext(words)
	for k, s := range sents {
		cands = append(cands, t.modelCandidates(s.Tokens, labels[k], doc)...)
	}
	return resolve(text, cands)
}

// modelCandidates turns one sentence's labels into candidate mentions.
func (t *Tagger) modelCandidates(toks []news.Token, labels []string, doc *Doc) []cand {
	var out []cand
	for i := 0; i < len(labels); {
		if labels[i] == "O" {
			i++
			continue
		}
		typ := labels[i][2:]
		j := i + 1
		for j < len(labels) && labels[j] == "I-"+typ {
			j++
		}
		seq := toks[i:j]
		// Titles the model included ("President Trump") become roles.
		var role []string
		// Only a person has a title: "Foreign Ministry" and "Supreme Court" keep theirs.
		for typ == "PER" && len(seq) > 1 && (titles[strings.ToLower(seq[0].Text)] || roleWords[strings.ToLower(seq[0].Text)]) {
			role = append(role, seq[0].Text)
			seq = seq[1:]
		}
		for k := i - 1; k >= 0 && k >= i-3 && isCap(toks[k]) && (titles[strings.ToLower(toks[k].Text)] || roleWords[strings.ToLower(toks[k].Text)]); k-- {
			role = append([]string{toks[k].Text}, role...)
		}
		start := i + (len(toks[i:j]) - len(seq))
		// "UN Amir Saeid Iravani": a known place or organisation in front
		// of a person's name is its own mention ("New York Stock Exchange"
		// is one organisation).
		for k := len(seq) - 2; k >= 1; k-- {
			pre := strings.ToLower(joinTexts(seq[:k]))
			if (aliases[pre] != "" || places[pre] || orgNames[pre]) && (typ == "PER" || titledBefore(toks, i) && len(seq)-k <= 4 || t.personAfter(toks, start+k, doc)) {
				left := mk(seq[:k], toks, start, start+k)
				left.typ = refine("LOC", pre)
				out = append(out, left)
				seq, start, typ = seq[k:], start+k, "PER"
				for len(seq) > 1 && connectors[strings.ToLower(seq[0].Text)] {
					seq, start = seq[1:], start+1
				}
				break
			}
		}
		c := mk(seq, toks, start, j)
		c.role = strings.Join(role, " ")
		c.typ = refine(typ, strings.ToLower(joinTexts(seq)))
		if c.role != "" && len(seq) >= 2 && len(seq) <= 4 && c.typ != news.GPE {
			c.typ = news.Person // a title names a person: "Ambassador Amir Saeid Iravani"
		}
		out = append(out, c)
		i = j
	}
	return out
}

// titledBefore reports a title shortly before token i: "Ambassador to the
// UN Amir Saeid Iravani" names a person after the UN.
func titledBefore(toks []news.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if titles[strings.ToLower(toks[k].Text)] {
			return true
		}
	}
	return false
}

// personAfter reports whether the model, reading the sentence without the
// tokens between a mention's start and k, takes toks[k:] for a person: in
// "Ambassador to the United Nations Amir Saeid Iravani met" the name is a
// person once "United Nations" is out of the way; in "the New York Stock
// Exchange" what is left is not.
func (t *Tagger) personAfter(toks []news.Token, k int, doc *Doc) bool {
	from := k
	for from > 0 && toks[from-1].Text != "" && isCap(toks[from-1]) {
		from--
	}
	words := make([]string, 0, len(toks)-(k-from))
	for i, tk := range toks {
		if i < from || i >= k {
			words = append(words, tk.Text)
		}
	}
	labels := t.model.DecodeIn(words, doc)
	l := labels[from]
	return l == "B-PER"
}

// refine maps a CoNLL type to crosscheck's: countries, states and cities are
// GPE, nationalities and religions NORP.
func refine(conll, name string) string {
	switch conll {
	case "PER":
		return news.Person
	case "ORG":
		if canon := aliases[name]; canon == "united states" || canon == "united kingdom" || name == "united states" || name == "united kingdom" {
			return news.GPE
		}
		return news.Org
	case "LOC":
		if places[name] || places[aliases[name]] || aliases[name] != "" {
			if aliases[name] == "united nations" {
				return news.Org
			}
			return news.GPE
		}
		return news.Loc
	}
	if demonyms[name] != "" {
		return news.NORP
	}
	if a := aliases[name]; a != "" && a != "united nations" {
		return news.GPE // "US" tagged MISC in "US President-elect"
	}
	return news.Misc
}

type cand struct {
	news.Span
	toks  []news.Token
	typ   string
	role  string
	after []news.Token // tokens after the mention in its sentence (for appositives)
	prev  []news.Token // tokens before
}

var titles = map[string]bool{
	"president": true, "president-elect": true, "sen.": true, "senator": true, "rep.": true, "representative": true,
	"gen.": true, "general": true, "ambassador": true, "ayatollah": true, "dr.": true, "mr.": true, "mrs.": true, "ms.": true,
	"gov.": true, "governor": true, "secretary": true, "minister": true, "judge": true, "pope": true, "king": true,
	"queen": true, "prince": true, "princess": true, "lt.": true, "col.": true, "sgt.": true, "capt.": true, "adm.": true,
	"prime": true, "chancellor": true, "mayor": true, "chief": true, "supreme": true, "leader": true, "vice": true,
	"commander": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "martyr": true, "sheikh": true,
	"foreign": false, "interior": false,
}

// roleWords can precede a title inside a role phrase ("Interior Minister", "Foreign Ministry spokesperson").
var roleWords = map[string]bool{"interior": true, "foreign": true, "defense": true, "defence": true, "finance": true, "police": true, "fire": true, "union": true, "deputy": true, "former": true, "acting": true}

var orgHeads = map[string]bool{
	"department": true, "ministry": true, "agency": true, "committee": true, "council": true, "party": true, "times": true,
	"post": true, "journal": true, "news": true, "press": true, "inc.": true, "corp.": true, "company": true, "co.": true,
	"bank": true, "university": true, "institute": true, "association": true, "union": true, "organization": true,
	"organisation": true, "commission": true, "court": true, "force": true, "army": true, "navy": true, "administration": true,
	"mission": true, "chemicals": true, "group": true, "service": true, "office": true, "house": true, "senate": true,
	"congress": true, "parliament": true, "nations": true, "corporation": true, "ltd": true, "ltd.": true, "fund": true,
	"foundation": true, "team": true, "club": true, "fc": true, "police": true, "guard": true, "corps": true, "authority": true,
	"efficiency": true, "network": true, "channel": true, "media": true, "reuters": true, "airlines": true, "motors": true,
}

var orgNames = map[string]bool{"irna": true, "reuters": true, "ap": true, "afp": true, "nato": true, "bbc": true, "cnn": true,
	"un": false, "eu": true, "fbi": true, "cia": true, "treasury": true, "hamas": true, "hezbollah": true, "opec": true,
	"pentagon": true, "kremlin": true, "nasa": true, "who": false, "imf": true, "tesla": true, "spacex": true, "google": true}

var aliases = map[string]string{
	"us": "united states", "u.s.": "united states", "usa": "united states", "u.s.a.": "united states", "america": "united states",
	"united states of america": "united states", "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
	"great britain": "united kingdom", "un": "united nations", "u.n.": "united nations", "united nations": "united nations", "tehran": "tehran",
	"washington": "washington", "the islamic republic": "iran", "islamic republic": "iran", "islamic republic of iran": "iran",
}

var demonyms = map[string]string{
	"iranian": "iran", "iranians": "iran", "american": "united states", "americans": "united states", "israeli": "israel",
	"israelis": "israel", "russian": "russia", "russians": "russia", "chinese": "china", "british": "united kingdom",
	"french": "france", "german": "germany", "germans": "germany", "ukrainian": "ukraine", "ukrainians": "ukraine",
	"pakistani": "pakistan", "indian": "india", "saudi": "saudi arabia", "turkish": "turkey", "iraqi": "iraq",
	"syrian": "syria", "afghan": "afghanistan", "palestinian": "palestine", "palestinians": "palestine", "japanese": "japan",
	"korean": "korea", "mexican": "mexico", "canadian": "canada", "european": "europe", "african": "africa", "arab": "arab",
	"islamic": "islam", "muslim": "islam", "christian": "christianity", "jewish": "judaism", "lebanese": "lebanon",
	"egyptian": "egypt", "qatari": "qatar", "emirati": "united arab emirates", "yemeni": "yemen", "nigerian": "nigeria",
	"spanish": "spain", "italian": "italy", "dutch": "netherlands", "swiss": "switzerland", "swedish": "sweden",
	"polish": "poland", "greek": "greece", "brazilian": "brazil", "australian": "australia", "venezuelan": "venezuela",
	"cuban": "cuba", "north korean": "north korea", "south korean": "south korea",
}

var places = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(`iran|iraq|syria|israel|united states|united kingdom|russia|china|india|pakistan|afghanistan|ukraine|turkey|egypt|saudi arabia|qatar|yemen|lebanon|jordan|kuwait|bahrain|oman|united arab emirates|germany|france|italy|spain|portugal|netherlands|belgium|switzerland|austria|sweden|norway|denmark|finland|poland|greece|hungary|romania|czech republic|serbia|croatia|ireland|scotland|wales|england|canada|mexico|brazil|argentina|chile|colombia|peru|venezuela|cuba|japan|south korea|north korea|korea|taiwan|vietnam|thailand|indonesia|malaysia|philippines|singapore|australia|new zealand|nigeria|kenya|ethiopia|south africa|sudan|libya|tunisia|algeria|morocco|somalia|palestine|gaza|west bank|crimea|europe|africa|asia|middle east|latin america|new york|washington|tehran|moscow|beijing|london|paris|berlin|jerusalem|tel aviv|kyiv|kiev|baghdad|damascus|beirut|cairo|riyadh|doha|dubai|istanbul|ankara|brussels|geneva|vienna|rome|madrid|tokyo|seoul|delhi|new delhi|mumbai|islamabad|kabul|nairobi|managua|florida|california|texas|new jersey|virginia|maryland|ohio|michigan|pennsylvania|georgia|arizona|nevada|west palm beach|palm beach|los angeles|chicago|boston|san francisco|miami|houston|atlanta|seattle|philadelphia|nicaragua|hong kong|manhattan|brooklyn|united states|america|britain|tessaly|corvana`, "|") {
		m[p] = true
	}
	return m
}()

// capFunction are capitalised words that start sentences but never names.
var capFunction = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "when": true,
	"while": true, "during": true, "following": true, "however": true, "but": true, "and": true, "it": true, "he": true,
	"she": true, "they": true, "we": true, "i": true, "this": true, "that": true, "these": true, "those": true, "his": true,
	"her": true, "their": true, "its": true, "one": true, "two": true, "last": true, "after": true, "before": true, "if": true,
	"as": true, "for": true, "with": true, "by": true, "from": true, "of": true, "to": true, "said": true, "there": true,
	"what": true, "who": true, "why": true, "how": true, "where": true, "some": true, "many": true, "no": true, "not": true,
	"intelligence": true, "officials": true, "lederer": false, "update": true, "meanwhile": true, "yet": true, "still": true,
	"asked": true, "according": true, "earlier": true, "later": true, "today": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "january": true, "february": true,
	"march": true, "april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "police": true, "our": true, "my": true, "you": true, "so": true,
	"since": true, "because": true, "although": true, "despite": true, "also": true, "both": true, "each": true, "all": true,
	"such": true, "other": true, "another": true, "any": true, "more": true, "most": true, "several": true, "about": true,
}

// connectors may sit inside a name: "Department of Government Efficiency".
var connectors = map[string]bool{"of": true, "for": true, "de": true, "al": true, "bin": true, "van": true, "von": true, "del": true, "la": true, "and": false}

func isCap(t news.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// candidates finds capitalised sequences in one sentence.
func candidates(text string, toks []news.Token) []cand {
	var out []cand
	for k := 0; k < len(toks); {
		if !isCap(toks[k]) || !isWordTok(toks[k]) {
			k++
			continue
		}
		j := k + 1
		for j < len(toks) {
			if isCap(toks[j]) && isWordTok(toks[j]) {
				j++
				continue
			}
			if connectors[strings.ToLower(toks[j].Text)] && j+1 < len(toks) && isCap(toks[j+1]) && isWordTok(toks[j+1]) {
				j += 2
				continue
			}
			break
		}
		seq := toks[k:j]
		out = append(out, split(seq, toks, k, j)...)
		k = j
	}
	return out
}

func isWordTok(t news.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r)
}

// split turns a capitalised run into typed candidates: it strips leading
// function words and titles (kept as the role) and splits "Iranian Ambassador
// Amir Saeid Iravani" into a NORP and a PERSON.
func split(seq, all []news.Token, from, to int) []cand {
	var out []cand
	// Leading function words ("The" is kept for outlets: "The New York Times").
	for len(seq) > 0 && capFunction[strings.ToLower(seq[0].Text)] {
		if strings.ToLower(seq[0].Text) == "the" && len(seq) > 1 && isOutletLike(seq[1:]) {
			break
		}
		seq = seq[1:]
		from++
	}
	if len(seq) == 0 {
		return nil
	}
	// A leading demonym is its own NORP mention: "Iranian Foreign Ministry".
	if _, ok := demonyms[strings.ToLower(seq[0].Text)]; ok && len(seq) > 1 && aliases[strings.ToLower(joinTexts(seq))] == "" && strings.ToLower(seq[1].Text) != "republic" {
		rest := seq[1:]
		if !orgHeads[strings.ToLower(rest[len(rest)-1].Text)] {
			n := mk(seq[:1], all, from, from+1)
			n.typ = news.NORP
			out = append(out, n)
			seq = rest
			from++
		}
	}
	// A known place or organisation followed by more capitalised words is
	// its own mention: "UN Amir Saeid Iravani", "United Nations Amir …".
	for j := len(seq) - 2; j >= 1; j-- {
		pre := strings.ToLower(joinTexts(seq[:j]))
		if aliases[pre] != "" || places[pre] || orgNames[pre] {
			left := mk(seq[:j], all, from, from+j)
			left.typ = classify(seq[:j], false, all, from, from+j)
			if left.typ != "" {
				out = append(out, left)
			}
			seq = seq[j:]
			from += j
			for len(seq) > 1 && connectors[strings.ToLower(seq[0].Text)] {
				seq = seq[1:]
				from++
			}
			break
		}
	}
	// A title inside the run splits it: "US President-elect Donald Trump".
	for i := 1; i < len(seq)-1; i++ {
		if titles[strings.ToLower(seq[i].Text)] && !titles[strings.ToLower(seq[i-1].Text)] && !roleWords[strings.ToLower(seq[i-1].Text)] {
			left := mk(seq[:i], all, from, from+i)
			left.typ = classify(seq[:i], false, all, from, from+i)
			if left.typ != "" {
				out = append(out, left)
			}
			seq = seq[i:]
			from += i
			break
		}
	}
	// Titles and role words before a name.
	role := []string{}
	for len(seq) > 1 {
		w := strings.ToLower(seq[0].Text)
		if titles[w] || roleWords[w] {
			role = append(role, seq[0].Text)
			seq = seq[1:]
			from++
			continue
		}
		break
	}
	// "Ambassador to the United Nations Amir Saeid Iravani" is split by the
	// lowercase "to the": handled by the caller's sequence boundaries.
	if len(seq) == 0 || (len(seq) == 1 && titles[strings.ToLower(seq[0].Text)]) {
		return out // a title alone ("Ambassador") names no one
	}
	c := mk(seq, all, from, from+len(seq))
	c.role = strings.Join(role, " ")
	c.typ = classify(seq, c.role != "", all, from, from+len(seq))
	if c.typ == "" {
		return out
	}
	return append(out, c)
}

func isOutletLike(seq []news.Token) bool {
	last := strings.ToLower(seq[len(seq)-1].Text)
	return last == "times" || last == "post" || last == "journal" || last == "guardian" || last == "economist" || last == "associated" || last == "press"
}

func mk(seq, all []news.Token, from, to int) cand {
	c := cand{Span: news.Span{Start: seq[0].Start, End: seq[len(seq)-1].End}, toks: seq}
	c.after = all[min(to, len(all)):]
	c.prev = all[:max(0, from)]
	return c
}

// classify types a name.
func classify(seq []news.Token, titled bool, all []news.Token, from, to int) string {
	name := strings.ToLower(joinTexts(seq))
	last := strings.ToLower(seq[len(seq)-1].Text)
	switch {
	case aliases[name] == "united states" || aliases[name] == "united kingdom" || aliases[name] == "iran" || places[name] || places[aliases[name]]:
		return news.GPE
	case aliases[name] == "united nations":
		return news.Org
	case len(seq) == 1 && demonyms[name] != "":
		return news.NORP
	case orgNames[name]:
		return news.Org
	case orgHeads[last] || strings.HasPrefix(name, "the "):
		return news.Org
	case titled:
		return news.Person
	case isAcronym(seq[0].Text) && len(seq) == 1:
		return news.Org
	}
	// Person-like: two to four capitalised words, or one followed by "said".
	if len(seq) >= 2 && len(seq) <= 4 {
		return news.Person
	}
	if len(seq) == 1 {
		if to < len(all) {
			nx := strings.ToLower(all[to].Text)
			if nx == "said" || nx == "told" || nx == "says" || nx == "added" || nx == "did" || nx == "has" || nx == "reported" {
				return news.Person
			}
		}
		if from > 0 && !isSentenceStart(all, from) {
			return news.Misc
		}
		return ""
	}
	return news.Misc
}

func isSentenceStart(all []news.Token, k int) bool { return k == 0 }

func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

func joinTexts(ts []news.Token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}

// resolve links mentions into entities and keys, in order of first mention.
func resolve(text string, cands []cand) ([]news.Mention, []news.EntityRef) {
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Start < cands[j].Start })
	var refs []news.EntityRef
	byKey := map[string]int{}
	var persons []int // ref indexes of multi-word persons
	var mentions []news.Mention
	var fragment []bool // the mention is part of an earlier, longer name
	for _, c := range cands {
		name := joinTexts(c.toks)
		key := normKey(name, c.typ)
		typ := c.typ
		ri, ok := byKey[key]
		part := false
		if !ok && (typ == news.Person || typ == news.Misc || typ == news.Org) {
			// "Musk" after "Elon Musk": a subset of an earlier name of
			// two to four words (the model sometimes types one of them ORG).
			for _, pi := range persons {
				if subsetWords(key, refs[pi].Key) && (typ == news.Person || refs[pi].Type == news.Person || lastWord(refs[pi].Key) == key) {
					ri, ok, part = pi, true, true
					break
				}
			}
		}
		if !ok {
			ri = len(refs)
			refs = append(refs, news.EntityRef{ID: "e" + strconv.Itoa(ri+1), Name: name, Type: typ, Key: key})
			byKey[key] = ri
			if n := len(c.toks); n >= 2 && n <= 4 && (typ == news.Person || typ == news.Org || typ == news.Misc) {
				persons = append(persons, ri)
			}
		}
		r := &refs[ri]
		if typ == news.Person && r.Type != news.Person && len(strings.Fields(r.Key)) <= 4 && !orgHeads[lastWord(r.Key)] {
			r.Type = news.Person // a person's later mention settles the type
		}
		if len(name) > len(r.Name) && typ == r.Type {
			r.Name = name
		}
		if c.role != "" {
			r.Roles = appendRole(r.Roles, c.role)
		}
		if role := appositive(text, c); role != "" && typ == news.Person {
			r.Roles = appendRole(r.Roles, role)
		}
		mentions = append(mentions, news.Mention{Span: c.Span, Text: text[c.Start:c.End], Type: typ, Ref: r.ID})
		fragment = append(fragment, part)
	}
	// A mention keeps its own type ("Iraqi" is NORP though it links to
	// Iraq; "New York" the team is an ORG), except that a fragment of a
	// person's name the model typed ORG or MISC is the person, and so is a
	// full name ("Elon Musk" typed ORG, then "Musk" typed PERSON).
	types := map[string]string{}
	multi := map[string]bool{}
	for _, r := range refs {
		types[r.ID] = r.Type
		multi[r.ID] = len(strings.Fields(r.Key)) >= 2
	}
	for i := range mentions {
		if t := types[mentions[i].Ref]; (fragment[i] || multi[mentions[i].Ref]) && t == news.Person && (mentions[i].Type == news.Org || mentions[i].Type == news.Misc) {
			mentions[i].Type = t
		}
	}
	return mentions, refs
}

func lastWord(k string) string {
	f := strings.Fields(k)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func appendRole(roles []string, r string) []string {
	for _, x := range roles {
		if strings.EqualFold(x, r) {
			return roles
		}
	}
	return append(roles, r)
}

// appositive reads ", Trump's communications director," after a person.
func appositive(text string, c cand) string {
	a := c.after
	if len(a) < 3 || a[0].Text != "," {
		return ""
	}
	var ws []string
	for _, t := range a[1:] {
		if t.Text == "," || t.Text == "." || t.Text == ";" {
			break
		}
		ws = append(ws, t.Text)
		if len(ws) > 8 {
			return ""
		}
	}
	if len(ws) == 0 {
		return ""
	}
	for _, w := range ws {
		switch strings.ToLower(w) {
		case "said", "says", "told", "reported", "who", "which":
			return ""
		}
	}
	first := strings.ToLower(ws[0])
	joined := strings.Join(ws, " ")
	joined = strings.ReplaceAll(strings.ReplaceAll(joined, " 's", "'s"), " ’s", "’s")
	if first == "a" || first == "an" || first == "the" || strings.Contains(joined, "'s") || strings.Contains(joined, "’s") {
		if first == "who" || first == "which" {
			return ""
		}
		return joined
	}
	return ""
}

func subsetWords(short, long string) bool {
	if short == "" || short == long {
		return false
	}
	lw := map[string]bool{}
	for _, w := range strings.Fields(long) {
		lw[w] = true
	}
	for _, w := range strings.Fields(short) {
		if !lw[w] {
			return false
		}
	}
	return true
}

// normKey is the cross-article key of a name.
func normKey(name, typ string) string {
	k := strings.ToLower(strings.TrimSpace(name))
	k = strings.TrimPrefix(k, "the ")
	if a, ok := aliases[k]; ok {
		return a
	}
	if typ == news.NORP {
		if d, ok := demonyms[k]; ok {
			return d
		}
	}
	return k
}
