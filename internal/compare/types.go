// Package compare reconciles the articles of one story: it aligns claims
// about the same thing across outlets, labels each group (corroborated with
// the number of independent attribution chains, disputed with each side and
// its sources, denied, unconfirmed, single-source), separates the story's
// news from the background the articles repeat, lists non-answers, and builds
// a timeline of events (by resolved date) and of reports (who knew what when).
//
// Reconcile is pure: the same articles and analyses give the same Story, byte
// for byte once encoded. The JSON encoding of Story is the report schema
// documented in docs/report-schema.md.
package compare

// Version names the reconciler's output. Bump it whenever Reconcile would
// turn the same articles into a different story (a changed e2e golden is
// the sign): stored stories carry it in their fingerprint, so the next run
// rebuilds them instead of keeping stale reports.
const Version = "9"

// Finding statuses, in the order a reader should see them.
const (
	Disputed     = "disputed"
	Denied       = "denied"
	Corroborated = "corroborated"
	Unconfirmed  = "unconfirmed"
	SingleSource = "single_source"
)

// statusRank orders findings: disputes first.
var statusRank = map[string]int{Disputed: 0, Denied: 1, Corroborated: 2, Unconfirmed: 3, SingleSource: 4}

// Story is the reconciled view of one story.
type Story struct {
	ID       string `json:"id"`
	Headline string `json:"headline"`
	// First and Last are the earliest and latest publication dates (YYYY-MM-DD).
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// EventDates are the resolved dates of the story's main events, most cited first.
	EventDates []string `json:"event_dates"`
	// Places are the places of the main events, most cited first.
	Places   []string  `json:"places"`
	Articles []Article `json:"articles"`
	// Findings are the story's news: claim groups, disputes first.
	Findings []Finding `json:"findings"`
	// Background holds claim groups about the past that articles repeat as context.
	Background []Finding   `json:"background"`
	NonAnswers []NonAnswer `json:"non_answers"`
	Chains     []Chain     `json:"chains"`
	Timeline   Timeline    `json:"timeline"`
	Matrix     Matrix      `json:"matrix"`
	Counts     Counts      `json:"counts"`
	Notes      []string    `json:"notes"`
}

// Counts summarise a story for lists.
type Counts struct {
	Articles     int `json:"articles"`
	Copies       int `json:"copies"`
	Outlets      int `json:"outlets"`
	Disputed     int `json:"disputed"`
	Denied       int `json:"denied"`
	Corroborated int `json:"corroborated"`
	SingleSource int `json:"single_source"`
	NonAnswers   int `json:"non_answers"`
}

// Article is one member of the story, with a short reference ("A", "B", …)
// used by every line of the report.
type Article struct {
	Ref           string `json:"ref"`
	ID            string `json:"id"`
	Outlet        string `json:"outlet,omitempty"`
	OutletGuessed bool   `json:"outlet_guessed,omitempty"`
	Title         string `json:"title,omitempty"`
	Date          string `json:"date,omitempty"`
	URL           string `json:"url,omitempty"`
	Source        string `json:"source,omitempty"`
	// Undated marks an article without a publication date, placed by ingestion time.
	Undated bool `json:"undated,omitempty"`
	// FutureDate marks a publication date after the report's reference time.
	FutureDate bool `json:"future_date,omitempty"`
	// Lead is the article's first sentence.
	Lead string `json:"lead,omitempty"`
	// Copies are near-duplicates (syndicated copies) of this article; they are
	// never counted as sources.
	Copies []Copy `json:"copies,omitempty"`
}

// Copy is a near-duplicate of a story article.
type Copy struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet,omitempty"`
	Date   string `json:"date,omitempty"`
	Title  string `json:"title,omitempty"`
}

// Finding is a group of aligned claims about one question.
type Finding struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	// Question names what the claims are about ("Who requested the meeting?").
	Question string `json:"question"`
	// Summary is the representative claim's text.
	Summary      string   `json:"summary"`
	Predicate    string   `json:"predicate"`
	Aspect       string   `json:"aspect,omitempty"`
	Participants []string `json:"participants"`
	Time         string   `json:"time,omitempty"`
	Place        string   `json:"place,omitempty"`
	// Articles are the refs of the articles that carry the claim.
	Articles []string `json:"articles"`
	// IndependentChains counts distinct attribution chains behind the claim:
	// two outlets citing the same first report are one chain.
	IndependentChains int `json:"independent_chains"`
	// Disagreement says what the sides disagree on: "agent", "polarity",
	// "number", "date" or "place" (empty when they agree).
	Disagreement string `json:"disagreement,omitempty"`
	Sides        []Side `json:"sides"`
	Hedged       bool   `json:"hedged,omitempty"`
	// Stances are how the story's other articles (those that do not state
	// the claim) stand toward it, by the stance model: agree, disagree or
	// discuss, with a score and evidence sentences.
	Stances []ArticleStance `json:"article_stances,omitempty"`
}

// ArticleStance is the stance model's reading of one article against a finding.
type ArticleStance struct {
	Article   string     `json:"article"`
	ArticleID string     `json:"article_id"`
	Stance    string     `json:"stance"`
	Score     float64    `json:"score"`
	Evidence  []Evidence `json:"evidence,omitempty"`
}

// Side is one position inside a finding with the evidence for it.
type Side struct {
	// Position is a short label: "asserted", "denied", "Musk", "12 people"…
	Position string     `json:"position"`
	Polarity string     `json:"polarity"`
	Chains   int        `json:"chains"`
	Evidence []Evidence `json:"evidence"`
}

// Evidence ties a claim to its sentence, its source and its chain.
type Evidence struct {
	Article   string `json:"article"` // ref ("A")
	ArticleID string `json:"article_id"`
	Outlet    string `json:"outlet,omitempty"`
	Date      string `json:"date,omitempty"`
	// Sentence is the 0-based sentence index; SentenceStart/End its byte span.
	Sentence      int    `json:"sentence"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
	Start         int    `json:"start"` // claim span in the article body
	End           int    `json:"end"`
	Text          string `json:"text"`
	SentenceText  string `json:"sentence_text"`
	// Stance of the statement carrying the claim ("assert", "deny"…), or
	// "article" when the article asserts it in its own voice.
	Stance string `json:"stance"`
	Cue    string `json:"cue,omitempty"`
	// Source is who the claim is attributed to, as written; Via the relays.
	Source    string   `json:"source,omitempty"`
	Anonymous bool     `json:"anonymous,omitempty"`
	Via       []string `json:"via,omitempty"`
	Chain     string   `json:"chain"`
	Polarity  string   `json:"polarity"`
	Hedged    bool     `json:"hedged,omitempty"`
	Time      string   `json:"time,omitempty"`
	// ReportedOn is the date the relay reported it, when the text says
	// ("IRNA reported on Saturday" → the Saturday's date).
	ReportedOn string `json:"reported_on,omitempty"`
}

// NonAnswer is a declined comment, a non-response or a neither-confirm-nor-deny.
type NonAnswer struct {
	Kind string `json:"kind"` // decline | no_response | neither
	Who  string `json:"who"`
	// About is the finding the non-answer concerns, when it can be told.
	About    string   `json:"about,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// Chain is one independent line of attribution: an original report or a
// source, and the articles that rely on it.
type Chain struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Kind     string   `json:"kind"` // outlet | named | anonymous | article
	Articles []string `json:"articles"`
	Findings []string `json:"findings"`
}

// Timeline has two axes: when things happened, and when they were reported.
type Timeline struct {
	Events  []TimelineEntry `json:"events"`
	Reports []TimelineEntry `json:"reports"`
}

// TimelineEntry is one dated line.
type TimelineEntry struct {
	Date    string `json:"date"`
	Finding string `json:"finding,omitempty"`
	Article string `json:"article,omitempty"`
	Text    string `json:"text"`
	Who     string `json:"who,omitempty"`
	Status  string `json:"status,omitempty"`
}
