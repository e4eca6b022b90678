package compare

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

// doc builds an article whose body is the given sentences, one claim per
// sentence, each carried by the statement described in the claim spec.
type spec struct {
	sentence string
	claim    news.Claim
	stance   string // "" for the article's own voice
	source   string
	via      string
	anon     bool
}

func doc(id, outlet, date string, specs []spec) Doc {
	var body strings.Builder
	a := &news.Analysis{ArticleID: id, Date: date}
	for i, sp := range specs {
		if i > 0 {
			body.WriteString(" ")
		}
		start := body.Len()
		body.WriteString(sp.sentence)
		span := news.Span{Start: start, End: body.Len()}
		a.Sentences = append(a.Sentences, news.Sentence{Span: span})
		c := sp.claim
		c.Span, c.Sentence, c.Statement = span, i, -1
		if c.Polarity == "" {
			c.Polarity = news.Positive
		}
		if sp.stance != "" {
			st := news.Statement{Span: span, Stance: sp.stance, Sentence: i,
				Source: &news.Source{Text: sp.source, Anonymous: sp.anon, Role: "official"}}
			if sp.via != "" {
				st.Via = []news.Via{{Text: sp.via}}
			}
			c.Statement = len(a.Statements)
			a.Statements = append(a.Statements, st)
		}
		a.Claims = append(a.Claims, c)
	}
	t, _ := time.Parse("2006-01-02", date)
	return Doc{Article: &news.Article{ID: id, Outlet: outlet, OutletConfidence: 1, Published: t, Body: body.String()}, Analysis: a}
}

func TestReconcile(t *testing.T) {
	meet := news.Claim{Predicate: "meet", Participants: []string{"elon musk", "iravani"}, Time: "2024-11-11", Place: "new york"}
	a := doc("a", "Daily A", "2024-11-15", []spec{
		{sentence: "Musk met Iravani on Monday, the Times reported, citing two Iranian officials.", claim: meet, stance: news.Assert, source: "two Iranian officials", via: "The New York Times", anon: true},
		{sentence: "One Iranian official said Musk requested the meeting.", claim: news.Claim{Predicate: "request", Participants: []string{"elon musk"}, SubjectKeys: []string{"elon musk"}, SubjectText: "Musk", ObjectKeys: []string{"#meet"}}, stance: news.Assert, source: "One Iranian official", anon: true},
		{sentence: "In 2018, Trump withdrew from the deal.", claim: news.Claim{Predicate: "end", Participants: []string{"trump"}, Background: true}},
	})
	b := doc("b", "Wire B", "2024-11-17", []spec{
		{sentence: "Iravani met with Musk, a U.S. official said.", claim: meet, stance: news.Assert, source: "a U.S. official", anon: true},
		{sentence: "The official said the Iranians were seeking a meeting with Musk.", claim: news.Claim{Predicate: "request", Participants: []string{"elon musk", "iran"}, SubjectKeys: []string{"iran"}, SubjectText: "Iranians", ObjectKeys: []string{"#meet"}}, stance: news.Assert, source: "The official", anon: true},
		{sentence: "Baghaei denied that Iravani met with Musk.", claim: func() news.Claim { c := meet; c.Polarity = news.Negative; return c }(), stance: news.Deny, source: "Esmail Baghaei", via: "IRNA"},
		{sentence: "The Trump administration ended the deal.", claim: news.Claim{Predicate: "end", Participants: []string{"trump"}}},
	})
	s := Reconcile("s1", []Doc{b, a}, Options{})
	if s.Articles[0].ID != "a" || s.Articles[0].Ref != "A" {
		t.Fatalf("articles not in date order: %+v", s.Articles)
	}
	status := map[string]Finding{}
	for _, f := range s.Findings {
		status[f.Predicate] = f
	}
	if f := status["request"]; f.Status != Disputed || f.Disagreement != "agent" || len(f.Sides) != 2 {
		t.Errorf("request: got %s/%s with %d sides, want a dispute on the agent", f.Status, f.Disagreement, len(f.Sides))
	} else if f.Question != "Who requested the meeting?" {
		t.Errorf("question = %q", f.Question)
	}
	if f := status["meet"]; f.Status != Denied {
		t.Errorf("meet: status %s, want denied", f.Status)
	} else if f.IndependentChains != 2 {
		t.Errorf("meet: %d independent chains, want 2 (the Times' officials and the U.S. official)", f.IndependentChains)
	}
	if len(s.Background) != 1 || s.Background[0].Predicate != "end" || len(s.Background[0].Articles) != 2 {
		t.Errorf("background = %+v, want the deal withdrawal matched across both articles", s.Background)
	}
	if s.Counts.Disputed != 1 || s.Counts.Denied != 1 {
		t.Errorf("counts = %+v", s.Counts)
	}
	if len(s.Matrix.Rows) != len(s.Findings) {
		t.Errorf("matrix has %d rows for %d findings", len(s.Matrix.Rows), len(s.Findings))
	}
	// Determinism: input order does not matter.
	s2 := Reconcile("s1", []Doc{a, b}, Options{})
	j1, _ := json.Marshal(s)
	j2, _ := json.Marshal(s2)
	if string(j1) != string(j2) {
		t.Error("reconcile depends on input order")
	}
}

func TestReconcileNumbersAndChains(t *testing.T) {
	kill := func(n string) news.Claim {
		return news.Claim{Predicate: "kill", Participants: []string{"norvak"}, Numbers: []string{n + " worker"}}
	}
	a := doc("a", "Ledger", "2025-03-04", []spec{{sentence: "The fire killed 12 workers, the fire chief said.", claim: kill("12"), stance: news.Assert, source: "Marta Kovacs"}})
	b := doc("b", "Wire", "2025-03-05", []spec{{sentence: "The fire killed nine workers, police said.", claim: kill("9"), stance: news.Assert, source: "police", anon: true}})
	c := doc("c", "Times", "2025-03-06", []spec{{sentence: "The fire killed nine workers.", claim: kill("9")}})
	s := Reconcile("s", []Doc{a, b, c}, Options{})
	if len(s.Findings) != 1 || s.Findings[0].Disagreement != "number" {
		t.Fatalf("findings = %+v, want one number dispute", s.Findings)
	}
	if got := len(s.Findings[0].Sides); got != 2 {
		t.Errorf("%d sides, want 2 (12 and 9)", got)
	}
}

func TestReconcileEmptyAndUndated(t *testing.T) {
	s := Reconcile("s", nil, Options{})
	if s.Counts.Articles != 0 || s.Findings == nil {
		t.Errorf("empty story: %+v", s)
	}
	d := doc("x", "", "2024-01-01", nil)
	d.Article.Published = time.Time{}
	d.Article.Ingested = time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	s = Reconcile("s", []Doc{d}, Options{Now: time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)})
	if !s.Articles[0].Undated || len(s.Notes) == 0 {
		t.Errorf("undated article not flagged: %+v", s.Articles[0])
	}
}

func TestStances(t *testing.T) {
	meet := news.Claim{Predicate: "meet", Participants: []string{"elon musk", "iravani"}}
	a := doc("a", "Daily A", "2024-11-15", []spec{{sentence: "Musk met Iravani, officials said.", claim: meet, stance: news.Assert, source: "officials"}})
	b := doc("b", "Wire B", "2024-11-16", []spec{{sentence: "Tehran called the reports a fabrication.", claim: news.Claim{Predicate: "call"}}})
	var asked []string
	fake := func(claim, body string) (string, float64, []news.Span) {
		asked = append(asked, claim+" | "+body)
		return "disagree", 0.8, []news.Span{{Start: 0, End: len(body)}}
	}
	s := Reconcile("s", []Doc{a, b}, Options{Stance: fake})
	var f *Finding
	for i := range s.Findings {
		if s.Findings[i].Predicate == "meet" {
			f = &s.Findings[i]
		}
	}
	if f == nil || len(f.Stances) != 1 || f.Stances[0].Article != "B" || f.Stances[0].Stance != "disagree" || len(f.Stances[0].Evidence) != 1 {
		t.Fatalf("stances = %+v", f)
	}
	for _, q := range asked {
		if strings.HasPrefix(q, "Musk met Iravani | Musk met") {
			t.Error("the stance model was asked about an article that states the claim itself")
		}
	}
}

// TestMatrixCaps: a story with more findings and chains than a page holds
// keeps the first findings and the chains that speak to most of them, and
// says how many it left out.
func TestMatrixCaps(t *testing.T) {
	s := &Story{}
	for i := 0; i < MatrixRows+15; i++ {
		f := Finding{ID: fmt.Sprintf("F%d", i+1), Status: SingleSource}
		var evs []Evidence
		for j := 0; j <= i%(MatrixColumns+20); j++ {
			evs = append(evs, Evidence{Chain: fmt.Sprintf("named:source %03d", j), Source: fmt.Sprintf("Source %d", j)})
		}
		f.Sides = []Side{{Position: "asserted", Polarity: "positive", Evidence: evs}}
		s.Findings = append(s.Findings, f)
	}
	m := BuildMatrix(s)
	if len(m.Rows) != MatrixRows || m.OmittedFindings != 15 {
		t.Errorf("rows %d, omitted %d; want %d and 15", len(m.Rows), m.OmittedFindings, MatrixRows)
	}
	if len(m.Columns) != MatrixColumns || m.OmittedChains != 20 {
		t.Errorf("columns %d, omitted %d; want %d and 20", len(m.Columns), m.OmittedChains, MatrixColumns)
	}
	for _, r := range m.Rows {
		if len(r.Cells) != len(m.Columns) {
			t.Fatalf("row %s has %d cells for %d columns", r.Finding, len(r.Cells), len(m.Columns))
		}
	}
	// The chain every finding cites comes first.
	if m.Columns[0].Chain != "named:source 000" {
		t.Errorf("first column %q", m.Columns[0].Chain)
	}
}
