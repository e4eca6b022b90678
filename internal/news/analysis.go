package news

// Span is a half-open byte range [Start, End) into an article's Body (UTF-8).
// Every derived fact keeps one so a finding can always be traced back to the
// exact text it came from.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether s is a non-inverted slice of a text of length n.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Token is one word or punctuation mark.
type Token struct {
	Span
	// Text is Body[Start:End]; kept so taggers need not carry the body around.
	Text string `json:"text"`
}

// Sentence is one sentence with its tokens.
type Sentence struct {
	Span
	// Paragraph is the 0-based index of the paragraph holding the sentence.
	Paragraph int `json:"paragraph"`
	// Tokens are the sentence's tokens in order (omitted from JSON output).
	Tokens []Token `json:"-"`
}

// Entity types. The CoNLL scorer maps PERSON→PER, ORG→ORG, GPE/LOC→LOC and the
// rest to MISC.
const (
	Person = "PERSON"
	Org    = "ORG"
	GPE    = "GPE"
	Loc    = "LOC"
	NORP   = "NORP"
	Event  = "EVENT"
	Law    = "LAW"
	Misc   = "MISC"
)

// Mention is one occurrence of a named entity (or a description coreferent
// with one, such as "the world's richest man").
type Mention struct {
	Span
	Text string `json:"text"`
	Type string `json:"type"`
	// Ref is the in-article entity this mention belongs to ("e1"); mentions of
	// one entity share it.
	Ref string `json:"ref"`
	// Nominal marks a description rather than a name ("the ambassador").
	Nominal bool `json:"nominal,omitempty"`
}

// EntityRef is one entity of an article: all its mentions resolved together.
type EntityRef struct {
	ID   string `json:"id"`   // "e1", unique within the article
	Name string `json:"name"` // the longest proper name ("Amir Saeid Iravani")
	Type string `json:"type"`
	// Key is a normalised cross-article key ("amir saeid iravani", "united states")
	// used to match the same entity in different articles.
	Key string `json:"key"`
	// Roles are titles and appositive descriptions ("Iran's ambassador to the United Nations").
	Roles []string `json:"roles,omitempty"`
}

// Timex types, as in TimeML.
const (
	TimexDate     = "DATE"
	TimexTime     = "TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
)

// Timex is a temporal expression normalised to a TIMEX3 value against the
// article date ("on Monday" → "2024-11-11").
type Timex struct {
	Span
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	// Approx marks hedged values ("over an hour", "about two weeks").
	Approx bool `json:"approx,omitempty"`
}

// Statement stances.
const (
	Assert     = "assert"
	Deny       = "deny"
	Decline    = "decline"     // declined to comment
	NoResponse = "no_response" // did not respond
	Neither    = "neither"     // neither confirmed nor denied
)

// Cue is the word or phrase that marks a report ("said", "according to").
type Cue struct {
	Span
	Text string `json:"text"`
}

// Source is who a statement is attributed to.
type Source struct {
	Span
	Text string `json:"text"`
	// Ref links to an EntityRef when the source is named (or resolves to one).
	Ref string `json:"ref,omitempty"`
	// Anonymous marks unnamed sources ("two Iranian officials").
	Anonymous bool `json:"anonymous"`
	// Count is how many people the description names (2 for "two officials"), 0 if unsaid.
	Count int `json:"count,omitempty"`
	// Affiliation is the country or body the source belongs to ("Iran", "U.S.").
	Affiliation string `json:"affiliation,omitempty"`
	// Role is the kind of source ("officials", "spokesperson").
	Role string `json:"role,omitempty"`
	// Kind is "outlet" when the source is a news organisation, "person",
	// "org" or "group" otherwise.
	Kind string `json:"kind,omitempty"`
}

// Via is one relay in an attribution chain, outermost first: in "The New York
// Times reported, citing two Iranian officials" the source is the officials and
// Via holds the Times.
type Via struct {
	Text string `json:"text"`
	Ref  string `json:"ref,omitempty"`
	Span
}

// Statement is a reported statement: content attributed to a source by a cue.
type Statement struct {
	Span          // the content
	Stance string `json:"stance"`
	Cue    Cue    `json:"cue"`
	// Source is nil when the statement has no recoverable source.
	Source *Source `json:"source"`
	Via    []Via   `json:"via"`
	// Quote marks direct quotation.
	Quote bool `json:"quote,omitempty"`
	// Sentence is the index of the sentence holding the cue.
	Sentence int `json:"sentence"`
	// Kind is StatementSpeech when the cue reports what was said or written
	// ("said", "according to", "denied", "declined to comment") and
	// StatementAttitude for the wider PolNeAR sense of attribution: a belief,
	// intention, perception or evaluation ("Iran opposes …", "voters want …",
	// "seemed"). Claims should come from speech statements.
	Kind string `json:"kind,omitempty"`
}

// Statement kinds.
const (
	StatementSpeech   = "speech"
	StatementAttitude = "attitude"
)

// Claim polarity and role.
const (
	Positive = "positive"
	Negative = "negative"
)

// Claim is a small proposition: who did what to whom, when, where.
type Claim struct {
	Span
	Subject   string `json:"subject,omitempty"` // entity ref or literal text
	Predicate string `json:"predicate"`         // lemma ("meet", "request")
	Object    string `json:"object,omitempty"`
	// SubjectText and ObjectText are the surface strings, for display.
	SubjectText string `json:"subject_text,omitempty"`
	ObjectText  string `json:"object_text,omitempty"`
	Polarity    string `json:"polarity"`
	Hedged      bool   `json:"hedged,omitempty"`
	Time        string `json:"time,omitempty"`  // TIMEX3 value
	Place       string `json:"place,omitempty"` // entity ref or text
	// Background marks claims about the past that the article repeats as
	// context rather than reports as news.
	Background bool `json:"background,omitempty"`
	// Statement indexes Analysis.Statements; -1 when the article asserts the claim itself.
	Statement int `json:"statement"`
	// Key is the normalised key (sorted entity keys + predicate) used to align
	// claims across articles.
	Key string `json:"key"`
	// Sentence indexes Analysis.Sentences.
	Sentence int `json:"sentence"`
	// Aspect narrows the predicate to one question about an event: "" for the
	// event itself, "place", "duration", "topic" or "time".
	Aspect string `json:"aspect,omitempty"`
	// SubjectKeys and ObjectKeys are the cross-article entity keys (EntityRef.Key)
	// of the agent and the theme; ObjectKeys may hold an event class ("meet") when
	// the theme is an event noun ("requested the meeting").
	SubjectKeys []string `json:"subject_keys,omitempty"`
	ObjectKeys  []string `json:"object_keys,omitempty"`
	// Participants are all entity keys the claim mentions, sorted.
	Participants []string `json:"participants,omitempty"`
	// Numbers are the quantities the claim states ("12", "1.5 million"), normalised.
	Numbers []string `json:"numbers,omitempty"`
}

// Analysis is everything the language layer derives from one article.
type Analysis struct {
	ArticleID string `json:"id"`
	// Version identifies the pipeline that produced it, so an upgrade can re-analyse.
	Version   string     `json:"version"`
	Date      string     `json:"date,omitempty"`
	Sentences []Sentence `json:"sentences"`
	Entities  []Mention  `json:"entities"`
	// Nominals are descriptions coreferent with a named person ("the
	// ambassador", "the world's richest man"), kept apart from the names.
	Nominals   []Mention   `json:"nominals,omitempty"`
	Refs       []EntityRef `json:"refs"`
	Timexes    []Timex     `json:"timexes"`
	Statements []Statement `json:"statements"`
	Claims     []Claim     `json:"claims"`
}
