package claim

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// irregular maps irregular verb forms to their lemma. Regular forms are
// handled by the stemmer; these are the ones a stemmer cannot undo.
var irregular = map[string]string{
	"met": "meet", "sought": "seek", "took": "take", "taken": "take", "withdrew": "withdraw",
	"withdrawn": "withdraw", "said": "say", "told": "tell", "made": "make", "began": "begin",
	"begun": "begin", "held": "hold", "led": "lead", "left": "leave", "won": "win", "fought": "fight",
	"struck": "strike", "shot": "shoot", "fled": "flee", "spoke": "speak", "spoken": "speak",
	"wrote": "write", "written": "write", "brought": "bring", "bought": "buy", "caught": "catch",
	"thought": "think", "knew": "know", "known": "know", "gave": "give", "given": "give", "went": "go",
	"gone": "go", "came": "come", "saw": "see", "seen": "see", "found": "find", "sent": "send",
	"spent": "spend", "kept": "keep", "lost": "lose", "paid": "pay", "rose": "rise", "risen": "rise",
	"fell": "fall", "fallen": "fall", "broke": "break", "broken": "break", "chose": "choose",
	"chosen": "choose", "drove": "drive", "flew": "fly", "flown": "fly", "grew": "grow", "threw": "throw",
	"shook": "shake", "stole": "steal", "swore": "swear", "sworn": "swear", "forbade": "forbid",
	"forbidden": "forbid", "slew": "slay", "slain": "slay", "hid": "hide", "hidden": "hide", "ran": "run",
	"sat": "sit", "stood": "stand", "understood": "understand", "overthrew": "overthrow", "beat": "beat",
	"beaten": "beat", "bore": "bear", "born": "bear", "sold": "sell", "heard": "hear", "felt": "feel",
	"meant": "mean", "built": "build", "dealt": "deal", "hung": "hang", "lit": "light", "sank": "sink",
	"sunk": "sink", "sped": "speed", "split": "split", "spread": "spread", "quit": "quit", "hit": "hit",
	"cut": "cut", "put": "put", "set": "set", "shut": "shut", "upheld": "uphold", "was": "be", "were": "be",
	"is": "be", "are": "be", "been": "be", "had": "have", "has": "have", "did": "do", "does": "do",
	"done": "do", "ended": "end", "elected": "elect", "reelected": "elect", "re-elected": "elect",
}

// classes groups predicate lemmas (verbs and event nouns) into classes, so
// that "Musk requested the meeting" and "the Iranians were seeking a meeting"
// share a predicate. Keys are lemmas; values are class names.
var classes = map[string]string{}

// classWords lists each class with its member lemmas and event nouns.
var classWords = map[string][]string{
	"meet":      {"meet", "meeting", "session", "talks", "talk", "confer", "summit", "encounter", "sit-down", "discussion", "conversation"},
	"request":   {"request", "seek", "ask", "propose", "invite", "initiate", "solicit", "demand", "urge", "encourage", "press"},
	"end":       {"withdraw", "withdrawal", "end", "exit", "abandon", "quit", "scrap", "terminate", "pull", "cancel", "revoke"},
	"kill":      {"kill", "killing", "assassinate", "assassination", "murder", "slay", "eliminate", "elimination", "execute"},
	"order":     {"order", "direct", "instruct", "authorize", "command"},
	"reveal":    {"reveal", "disclose", "announce", "unveil", "uncover", "expose", "publish", "release"},
	"charge":    {"charge", "indict", "indictment", "prosecute", "accuse", "sue"},
	"sanction":  {"sanction", "sanctions", "impose", "reimpose", "embargo"},
	"arrest":    {"arrest", "detain", "detention", "apprehend", "capture", "jail", "imprison"},
	"attack":    {"attack", "strike", "bomb", "bombing", "shell", "raid", "invade", "invasion", "explode", "explosion", "blast"},
	"die":       {"die", "death", "dead", "perish"},
	"injure":    {"injure", "wound", "hurt", "injury"},
	"plot":      {"plot", "plan", "conspire", "conspiracy", "scheme"},
	"select":    {"select", "choose", "pick", "appoint", "name", "nominate", "nomination", "designate"},
	"retaliate": {"retaliate", "retaliation", "revenge", "avenge", "vow"},
	"forbid":    {"forbid", "ban", "prohibit", "bar"},
	"win":       {"win", "victory", "defeat", "beat"},
	"resign":    {"resign", "resignation"},
	"elect":     {"elect", "election", "vote", "reelect"},
	"sign":      {"sign", "signing", "ratify"},
	"agree":     {"agree", "agreement", "deal", "accord", "pact", "treaty"},
	"threaten":  {"threaten", "threat", "warn", "warning"},
	"support":   {"support", "back", "endorse", "fund"},
	"oppose":    {"oppose", "opposition", "object", "protest"},
	"reject":    {"reject", "rejection", "deny", "denial", "refuse", "dismiss", "rebuff"},
	"depict":    {"depict", "portray", "show", "describe", "characterize"},
	"visit":     {"visit", "travel", "trip", "tour"},
	"leave":     {"leave", "depart", "flee"},
	"merge":     {"merge", "merger", "acquire", "acquisition", "buy", "purchase", "takeover"},
	"rise":      {"rise", "increase", "grow", "surge", "climb", "jump"},
	"fall":      {"fall", "decrease", "drop", "decline", "plunge", "slump"},
}

// symmetric classes have interchangeable participants: "A met B" is "B met A",
// so different subjects are not a dispute.
var symmetric = map[string]bool{"meet": true, "agree": true, "merge": false}

// lightVerbs, when their subject is an event noun, describe an aspect of that
// event rather than a new event: "the meeting took place at …" (place),
// "lasted over an hour" (duration), "focused on …" (topic).
var lightVerbs = map[string]string{
	"take": "place", "hold": "place", "happen": "", "occur": "", "last": "duration",
	"focus": "topic", "cover": "topic", "center": "topic", "concern": "topic", "address": "topic",
	"include": "topic", "involve": "topic", "be": "",
}

// reportingVerbs are attribution cues; inside a content span they do not make a claim of their own.
var reportingVerbs = map[string]bool{
	"say": true, "tell": true, "report": true, "state": true, "add": true, "note": true, "claim": true,
	"mention": true, "indicate": true, "confirm": true, "comment": true, "respond": true, "declin": true,
	"inform": true, "brief": true, "quot": true, "cite": true, "accord": true, "believ": true,
	"write": true, "speak": true, "explain": true, "insist": true, "suggest": true, "recal": true,
}

// hedges mark a claim as hedged.
var hedges = map[string]bool{
	"reportedly": true, "allegedly": true, "apparently": true, "purportedly": true, "possibly": true,
	"may": true, "might": true, "could": true, "appear": true, "appears": true, "appeared": true,
	"alleged": true, "supposedly": true, "likely": true, "perhaps": true, "seemingly": true,
	"seem": true, "seems": true, "seemed": true, "rumored": true, "unconfirmed": true,
}

// negators flip a clause's polarity.
var negators = map[string]bool{
	"not": true, "n't": true, "no": true, "never": true, "without": true, "neither": true, "nor": true,
	"didn't": true, "don't": true, "doesn't": true, "wasn't": true, "weren't": true, "isn't": true,
	"aren't": true, "hasn't": true, "haven't": true, "won't": true, "cannot": true, "can't": true,
}

// stop words that never head a phrase of interest.
var stop = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"of": true, "to": true, "in": true, "on": true, "at": true, "by": true, "for": true, "with": true,
	"from": true, "and": true, "or": true, "but": true, "as": true, "about": true, "into": true,
	"over": true, "than": true, "it": true, "he": true, "she": true, "they": true, "we": true,
	"who": true, "which": true, "whom": true, "whose": true, "also": true, "some": true, "any": true,
	"both": true, "either": true, "other": true, "such": true, "up": true, "out": true, "off": true,
	"very": true, "more": true, "most": true, "been": true, "be": true, "being": true, "have": true,
	"has": true, "had": true, "do": true, "does": true, "did": true, "will": true, "would": true,
	"should": true, "can": true, "could": true, "may": true, "might": true, "must": true, "shall": true,
	"was": true, "were": true, "is": true, "are": true, "am": true, "there": true, "then": true,
	"so": true, "if": true, "when": true, "while": true, "after": true, "before": true, "during": true,
	"not": true, "no": true, "all": true, "each": true, "every": true, "own": true, "only": true,
	"just": true, "even": true, "still": true, "yet": true, "already": true, "too": true,
	"ways": true, "way": true, "part": true, "series": true, "steps": true, "step": true,
}

// prepositions that put a following entity outside the clause's subject.
var prepositions = map[string]bool{
	"in": true, "at": true, "on": true, "during": true, "of": true, "with": true, "from": true,
	"to": true, "for": true, "by": true, "about": true, "after": true, "before": true, "under": true,
	"following": true, "against": true, "between": true, "among": true, "toward": true, "towards": true,
	"into": true, "over": true, "through": true, "across": true, "like": true, "than": true,
}

// numberWords maps spelled-out numbers to digits.
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
	"hundreds": "100s", "thousand": "1000", "thousands": "1000s", "dozens": "12s",
}

func init() {
	for class, words := range classWords {
		for _, w := range words {
			if _, ok := classes[w]; !ok {
				classes[w] = class
			}
		}
	}
}

// Lemma returns a lower-case lemma for a word: irregular forms are looked up,
// the rest are stemmed with Snowball English.
func Lemma(word string) string {
	w := strings.ToLower(strings.Trim(word, ".,;:!?\"'“”‘’()[]"))
	if l, ok := irregular[w]; ok {
		return l
	}
	if _, ok := classes[w]; ok {
		return w
	}
	return english.Stem(w, false)
}

// Class returns the predicate class of a word and whether the word is a known
// predicate (verb or event noun). Unknown words get their lemma as class.
func Class(word string) (string, bool) {
	w := strings.ToLower(strings.Trim(word, ".,;:!?\"'“”‘’()[]"))
	if l, ok := irregular[w]; ok {
		w = l
	}
	if c, ok := classes[w]; ok {
		return c, true
	}
	stem := english.Stem(w, false)
	if c, ok := classes[stem]; ok {
		return c, true
	}
	// Try common inflections: requested → request, seeking → seek, denies → deny.
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			base := w[:len(w)-len(suf)]
			if c, ok := classes[base]; ok {
				return c, true
			}
			if c, ok := classes[base+"e"]; ok {
				return c, true
			}
			if suf == "es" || suf == "ed" {
				if strings.HasSuffix(base, "i") {
					if c, ok := classes[base[:len(base)-1]+"y"]; ok {
						return c, true
					}
				}
			}
			// doubled consonant: "planned" → "plan"
			if n := len(base); n > 2 && base[n-1] == base[n-2] {
				if c, ok := classes[base[:n-1]]; ok {
					return c, true
				}
			}
		}
	}
	return stem, false
}

// Stopword reports a function word that never heads a phrase of interest.
func Stopword(w string) bool { return stop[strings.ToLower(w)] }
