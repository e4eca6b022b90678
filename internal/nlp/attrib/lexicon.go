package attrib

import (
	_ "embed"
	"strconv"
	"strings"
)

// cuesTSV is the learned cue lexicon: word, times inside a gold cue, times
// seen, from PolNeAR train (see ./train).
//
//go:embed cues.tsv
var cuesTSV string

// Cue selection thresholds, chosen on PolNeAR train.
const (
	minCueRatio = 0.5 // share of a word's occurrences that are cues
	minCueCount = 5   // and at least this many cue occurrences
)

// lexicon is the read-only set of cue head words. It is built once at
// package load from embedded data and never changes.
var lexicon, vocab = loadLexicon(cuesTSV)

// loadLexicon returns the strict lexicon (words that are usually cues) and
// the vocabulary of words that are cues in some contexts, left to the model.
func loadLexicon(tsv string) (strict, broad map[string]bool) {
	m := map[string]bool{}
	broad = map[string]bool{}
	for _, line := range strings.Split(tsv, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			continue
		}
		c, err1 := strconv.Atoi(f[1])
		n, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || n == 0 {
			continue
		}
		if notHead[f[0]] || stopHeads[f[0]] {
			continue
		}
		broad[f[0]] = true
		broad["~"+stem(f[0])] = true
		if c >= minCueCount && float64(c)/float64(n) >= minCueRatio {
			m[f[0]] = true
		}
	}
	for w := range always {
		m[w] = true
		broad[w] = true
	}
	return m, broad
}

// stopHeads are function words that occur inside cue spans but never head one.
var stopHeads = set("to", "of", "a", "an", "the", "on", "in", "for", "with", "at", "by", "from", "as",
	"is", "was", "are", "were", "be", "been", "has", "have", "had", "not", "did", "do", "does", "and",
	"or", "that", "it", "s", "t", "he", "she", "they", "we", "i", "you", "his", "her", "their", "its",
	"this", "would", "will", "could", "can", "should", "may", "might", "out", "up", "over", "more",
	"than", "so", "just", "even", "still", "now", "very", "into", "about", "against", "no", "own",
	"also", "being", "there", "what", "which", "who", "them", "him", "me", "us", "our", "my", "your", "then")

// notHead lists words that PolNeAR often puts inside cue spans but that never
// carry a report on their own (adverbs, nouns, prepositions).
var notHead = set("about", "also", "according", "publicly", "repeatedly", "previously", "strongly",
	"widely", "initially", "officially", "formally", "openly", "statement", "criticism", "assertion",
	"suggestion", "concern", "quick", "eager", "confident", "skeptical", "unclear", "reportedly",
	"known", "titled", "interview", "clear")

// always are the reporting verbs that are cues whatever the model says (some
// too rare in PolNeAR train for it to know them).
var always = set("said", "says", "say", "told", "tells", "stated", "confirmed", "confirms",
	"denied", "denies", "rejected", "rejects", "mentioned", "indicated", "described", "announced",
	"revealed", "insisted", "warned", "noted", "added", "wrote", "reported", "reports", "declined",
	"refused", "disclosed", "characterized", "characterised", "acknowledged", "claimed", "asserted", "explained", "stressed", "testified")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// denyCues mark a denial.
var denyCues = set("denied", "denies", "deny", "denying", "rejected", "rejects", "reject", "rejecting",
	"refuted", "refutes", "disputed", "disputes", "dismissed", "dismisses")

// declineObjects follow "declined to"/"refused to" in a refusal to comment.
var declineObjects = set("comment", "discuss", "say", "elaborate", "confirm", "answer", "respond",
	"provide", "specify", "disclose", "reveal", "be", "speak", "address", "talk", "give", "offer", "identify", "detail")

// auxiliaries and adverbs that may sit between a source and its cue.
var preCue = set("has", "have", "had", "also", "later", "previously", "reportedly", "repeatedly",
	"recently", "would", "will", "did", "does", "do", "not", "never", "first", "publicly", "further",
	"again", "then", "once", "already", "strongly", "specifically", "'ve", "'d", "'s", "is", "was",
	"were", "are", "been", "be", "privately", "initially", "earlier", "since", "just", "separately",
	"quickly", "flatly", "categorically", "explicitly", "immediately", "openly", "officially", "formally",
	"may", "might", "could", "can", "should", "must", "still", "even", "only", "now", "often", "all", "both",
	"himself", "herself", "themselves", "itself", "n't", "'t", "never", "subsequently", "ultimately", "however", "almost", "together")

// beForms introduce a passive cue ("was reported by").
var beForms = set("is", "was", "were", "are", "been", "being", "be")

// npStop ends a source noun phrase scanned leftwards from its cue.
var npStop = set("that", "but", "because", "while", "when", "as", "if", "which", "what", "where",
	"so", "since", "after", "before", "though", "although", "whether", "than", "then", "yet", "until",
	"unless", "whereas", "however", "meanwhile", "also", "and", "or", "nor", "how", "why", "said",
	"says", "told", "there", "in", "on", "at", "during", "with", "without", "to", "from", "into",
	"about", "over", "under", "against", "through", "despite", "amid", "among", "like", "per", "by")

// relPron start relative clauses that may sit between a source and its cue.
var relPron = set("who", "which", "whose", "whom")

// pronouns that can be a source on their own.
var pronouns = set("he", "she", "they", "it", "we", "i", "you", "who")

// weekdays and other time words skipped between a cue and its content.
var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "earlier", "later",
	"week", "month", "year", "last", "this", "recently", "previously", "on", "in", "at", "late",
	"early", "january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december")

// numberWords map counted descriptions ("two officials") to counts.
var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4,
	"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "another": 1, "single": 1,
	"both": 2, "twelve": 12, "eleven": 11, "dozen": 12}

// affiliations map country names, adjectives and capitals to one canonical name.
var affiliations = map[string]string{
	"iran": "Iran", "iranian": "Iran", "iranians": "Iran", "tehran": "Iran", "persian": "Iran",
	"u.s.": "United States", "us": "United States", "american": "United States", "america": "United States",
	"americans": "United States", "washington": "United States", "u.s": "United States", "usa": "United States",
	"israel": "Israel", "israeli": "Israel", "russia": "Russia", "russian": "Russia", "moscow": "Russia",
	"kremlin": "Russia", "china": "China", "chinese": "China", "beijing": "China", "ukraine": "Ukraine",
	"ukrainian": "Ukraine", "kyiv": "Ukraine", "british": "United Kingdom", "britain": "United Kingdom",
	"u.k.": "United Kingdom", "uk": "United Kingdom", "london": "United Kingdom", "french": "France",
	"france": "France", "paris": "France", "german": "Germany", "germany": "Germany", "berlin": "Germany",
	"saudi": "Saudi Arabia", "turkish": "Turkey", "turkey": "Turkey", "syrian": "Syria", "syria": "Syria",
	"iraqi": "Iraq", "iraq": "Iraq", "pakistani": "Pakistan", "pakistan": "Pakistan", "indian": "India",
	"india": "India", "japanese": "Japan", "japan": "Japan", "korean": "Korea", "mexican": "Mexico",
	"mexico": "Mexico", "canadian": "Canada", "canada": "Canada", "european": "European Union", "eu": "European Union",
	"palestinian": "Palestine", "egyptian": "Egypt", "egypt": "Egypt", "qatari": "Qatar", "qatar": "Qatar",
	"lebanese": "Lebanon", "lebanon": "Lebanon", "afghan": "Afghanistan", "cuban": "Cuba", "venezuelan": "Venezuela",
	"nato": "NATO", "un": "United Nations", "u.n.": "United Nations", "pentagon": "United States",
	"hamas": "Hamas", "hezbollah": "Hezbollah", "taliban": "Taliban",
}

// anonRoles are descriptions that do not name their referent.
var anonRoles = set("official", "officials", "source", "sources", "person", "people", "diplomat",
	"diplomats", "aide", "aides", "analyst", "analysts", "expert", "experts", "investigator",
	"investigators", "officer", "officers", "insider", "insiders", "colleague", "colleagues",
	"lawmaker", "lawmakers", "staffer", "staffers", "employee", "employees", "witness", "witnesses",
	"resident", "residents", "adviser", "advisers", "advisor", "advisors", "member", "members",
	"spokesman", "spokeswoman", "spokesperson", "representative", "representatives", "negotiator",
	"negotiators", "executive", "executives", "leader", "leaders", "authorities", "observers", "critics",
	"supporters", "opponents", "democrats", "republicans", "voters", "participants", "attendees")

// roleNouns are heads that name a kind of source ("spokesperson", "mission").
var roleNouns = set("official", "officials", "spokesperson", "spokesman", "spokeswoman", "spokespeople",
	"source", "sources", "diplomat", "diplomats", "ambassador", "mission", "ministry", "minister",
	"team", "campaign", "department", "agency", "office", "government", "administration", "aide",
	"aides", "adviser", "advisers", "advisor", "analyst", "analysts", "expert", "experts", "prosecutors",
	"prosecutor", "police", "investigators", "director", "president", "secretary", "senator", "lawmakers",
	"lawmaker", "leader", "leaders", "statement", "report", "reports", "person", "people", "officers",
	"officer", "members", "member", "representative", "negotiators", "commander", "military", "army",
	"court", "judge", "committee", "council", "company", "firm", "group", "party", "embassy",
	"transition", "white", "kremlin", "pentagon", "media", "newspaper", "outlet", "spokesmen")

// orgHeads are heads naming organisations rather than people.
var orgHeads = set("mission", "ministry", "team", "campaign", "department", "agency", "office",
	"government", "administration", "police", "military", "army", "court", "committee", "council",
	"company", "firm", "group", "party", "embassy", "transition", "kremlin", "pentagon", "statement",
	"report", "reports", "house", "senate", "congress", "union", "organization", "organisation",
	"commission", "board", "bureau", "service", "services", "foundation", "institute", "center", "poll",
	"survey", "study")

// outlets are news organisations, matched on the lower-cased source text.
var outlets = []string{"new york times", "the times", "wall street journal", "the journal",
	"associated press", "ap", "reuters", "irna", "cnn", "bbc", "fox news", "washington post",
	"the post", "bloomberg", "axios", "politico", "nbc", "cbs", "abc", "msnbc", "tasnim", "fars",
	"al jazeera", "guardian", "usa today", "breitbart", "huffpost", "huffington post", "daily news",
	"news agency", "newspaper", "the outlet", "the paper", "the magazine", "afp", "agence france-presse",
	"financial times", "the economist", "npr", "isna", "mehr", "press tv", "tass", "xinhua", "yonhap",
	"kyodo", "dpa", "anadolu", "the hill", "vox", "the atlantic", "newsweek", "time magazine",
	"los angeles times", "chicago tribune", "the independent", "the telegraph", "daily mail", "the sun",
	"semafor", "punchbowl", "the intercept", "propublica", "the daily beast", "buzzfeed", "the new yorker",
	"western journal", "news outlet", "media outlet", "state media", "state television", "state tv",
	"broadcaster", "wire service", "website", "tabloid"}
