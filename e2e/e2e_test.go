// Package e2e runs the main job end to end — ingest, analyse, group,
// reconcile, report — over article folders and checks what a reader must
// see, plus golden copies of the text and JSON reports (regenerate with
// go test ./e2e -update after a deliberate change, and read the diff).
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/compare"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/report"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden reports")

// now is the fixed reference time of the reports (for future-date flags).
var now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// run analyses a folder into a fresh database and returns the stories and the ingest summary.
func run(t *testing.T, dir string) ([]*compare.Story, pipeline.IngestSummary) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e2e.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	an, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	opt := pipeline.RunOptions{
		Ingest:  pipeline.IngestOptions{Read: ingest.DefaultOptions(), Stdin: strings.NewReader("")},
		Stories: pipeline.StoryOptions{Compare: compare.Options{Now: now}},
	}
	res, err := pipeline.Run(ctx, st, an, []string{dir}, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Re-ingesting the same folder adds nothing.
	again, err := pipeline.Run(ctx, st, an, []string{dir}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if again.Ingest.Ingested != 0 || again.Ingest.NearDuplicates != 0 || again.Analyzed != 0 {
		t.Errorf("re-ingest stored something: %s, analysed %d", again.Ingest, again.Analyzed)
	}
	// ... and rebuilds nothing: every story keeps its stored report, which
	// reads back as the story that was built.
	if len(again.Stories.Built) != 0 || again.Stories.Kept != len(again.Stories.IDs) {
		t.Errorf("re-run rebuilt %d stories, kept %d of %d", len(again.Stories.Built), again.Stories.Kept, len(again.Stories.IDs))
	}
	built, err := res.Stories.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := again.Stories.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	report.Order(built)
	report.Order(stored)
	var a, b bytes.Buffer
	if err := report.Write(&a, "json", built, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := report.Write(&b, "json", stored, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("a stored report reads back differently from the story that was built")
	}
	return built, res.Ingest
}

// golden compares the rendered reports with testdata/<name>/report.{txt,json}.
func golden(t *testing.T, name string, stories []*compare.Story) {
	t.Helper()
	for _, f := range []struct{ format, file string }{{"text", "report.txt"}, {"json", "report.json"}, {"markdown", "report.md"}} {
		var buf bytes.Buffer
		if err := report.Write(&buf, f.format, stories, report.Options{}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", name, f.file)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./e2e -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from the golden file; run go test ./e2e -update and review the diff", path)
		}
	}
}

func findings(s *compare.Story) []compare.Finding {
	return append(append([]compare.Finding{}, s.Findings...), s.Background...)
}

func evidenceOf(f compare.Finding) []compare.Evidence {
	var out []compare.Evidence
	for _, sd := range f.Sides {
		out = append(out, sd.Evidence...)
	}
	return out
}

// TestSeeds is the model input: two reports of one meeting that disagree on
// who asked for it and whether it happened at all.
func TestSeeds(t *testing.T) {
	stories, sum := run(t, filepath.Join("..", "examples", "seeds"))
	if sum.Ingested != 2 || sum.Failed != 0 {
		t.Fatalf("ingest: %s", sum)
	}
	if len(stories) != 1 {
		t.Fatalf("%d stories, want one story of two articles", len(stories))
	}
	s := stories[0]
	if len(s.Articles) != 2 || s.Articles[0].Date != "2024-11-15" || s.Articles[1].Date != "2024-11-17" {
		t.Fatalf("articles: %+v", s.Articles)
	}
	if !strings.HasPrefix(s.Articles[0].Lead, "Elon Musk, who was named") || !strings.HasPrefix(s.Articles[1].Lead, "WASHINGTON — Iran managed") {
		t.Errorf("leads: %q / %q", s.Articles[0].Lead, s.Articles[1].Lead)
	}

	// Who asked for the meeting: Musk (one Iranian official) versus the Iranians (a U.S. official).
	var agent *compare.Finding
	for i, f := range s.Findings {
		if f.Status == compare.Disputed && f.Disagreement == "agent" && strings.Contains(f.Question, "requested the meeting") {
			agent = &s.Findings[i]
		}
	}
	if agent == nil {
		t.Fatalf("no dispute on who requested the meeting; findings: %v", questions(s))
	}
	sides := map[string]string{}
	for _, sd := range agent.Sides {
		for _, ev := range sd.Evidence {
			sides[strings.ToLower(sd.Position)] += ev.Article + ":" + ev.Source + ";"
		}
	}
	if !strings.Contains(sides["musk"], "A:One Iranian official") || !strings.Contains(sides["iranians"], "B:") {
		t.Errorf("sides of the request dispute: %v", sides)
	}

	// The denial: Baghaei, via IRNA, against the meeting claim.
	denied := false
	for _, f := range s.Findings {
		if f.Status != compare.Denied || f.Predicate != "meet" {
			continue
		}
		for _, ev := range evidenceOf(f) {
			if ev.Stance == "deny" && strings.Contains(ev.Source, "Baghaei") && strings.Contains(strings.Join(ev.Via, " "), "IRNA") {
				denied = true
			}
		}
	}
	if !denied {
		t.Errorf("no denial of the meeting by Baghaei via IRNA; findings: %v", questions(s))
	}

	// Non-answers: Cheung and the mission decline, Musk does not respond, the transition team neither confirms nor denies.
	kinds := map[string]string{}
	for _, na := range s.NonAnswers {
		kinds[na.Kind] += na.Who + ";"
	}
	for kind, who := range map[string]string{"decline": "Cheung", "no_response": "Musk", "neither": "transition team"} {
		if !strings.Contains(kinds[kind], who) {
			t.Errorf("non-answer %s by %s missing: %v", kind, who, kinds)
		}
	}
	if !strings.Contains(kinds["decline"], "mission") {
		t.Errorf("the Iranian mission's decline is missing: %v", kinds)
	}

	// The Times' first report is one chain however many articles lean on it.
	times := false
	for _, c := range s.Chains {
		if c.ID == "outlet:new york times" && len(c.Articles) == 2 {
			times = true
		}
	}
	if !times {
		t.Errorf("the New York Times chain is not shared by both articles: %+v", s.Chains)
	}
	if len(s.Background) == 0 {
		t.Error("no background: the 2018 withdrawal and the Soleimani killing are context, not news")
	}
	// Every piece of evidence points at its sentence.
	for _, f := range findings(s) {
		for _, ev := range evidenceOf(f) {
			if ev.SentenceEnd <= ev.SentenceStart || !strings.Contains(ev.SentenceText, strings.TrimSpace(ev.Text[:min(len(ev.Text), 20)])) {
				t.Errorf("evidence %s s%d does not point into its sentence: %q in %q", ev.Article, ev.Sentence, ev.Text, ev.SentenceText)
			}
		}
	}
	golden(t, "seeds", stories)
}

// TestPlantFire is a different event written for this test (four outlets,
// three formats, a contradiction on the death toll, a denial, a syndicated
// copy, a declined comment): nothing in the pipeline is tuned to the seeds.
func TestPlantFire(t *testing.T) {
	stories, sum := run(t, filepath.Join("testdata", "plant-fire", "articles"))
	if sum.Failed != 0 || sum.Ingested != 3 || sum.NearDuplicates != 1 {
		t.Fatalf("ingest: %s, want 3 articles and 1 near-duplicate; errors %v", sum, sum.Errors)
	}
	if len(stories) != 1 {
		t.Fatalf("%d stories, want 1", len(stories))
	}
	s := stories[0]
	if s.Counts.Copies != 1 || len(s.Articles) != 3 {
		t.Errorf("articles %d, copies %d; want 3 and 1", len(s.Articles), s.Counts.Copies)
	}
	toll := false
	for _, f := range s.Findings {
		if f.Status == compare.Disputed && f.Disagreement == "number" && f.Predicate == "kill" {
			toll = true
		}
	}
	if !toll {
		t.Errorf("no dispute on the death toll (12 vs 9); findings: %v", questions(s))
	}
	denial := false
	for _, f := range s.Findings {
		for _, ev := range evidenceOf(f) {
			if ev.Stance == "deny" && strings.Contains(ev.Source, "Norvak") {
				denial = true
			}
		}
	}
	if !denial {
		t.Errorf("no denial by Norvak Chemicals; findings: %v", questions(s))
	}
	declined := false
	for _, na := range s.NonAnswers {
		if strings.Contains(na.Who, "Norvak") || strings.Contains(na.Who, "company") {
			declined = true
		}
	}
	if !declined {
		t.Errorf("Norvak's non-answers are missing: %+v", s.NonAnswers)
	}
	golden(t, "plant-fire", stories)
}

// TestDeterministic: the same input gives the same bytes.
func TestDeterministic(t *testing.T) {
	a, _ := run(t, filepath.Join("testdata", "plant-fire", "articles"))
	b, _ := run(t, filepath.Join("testdata", "plant-fire", "articles"))
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Error("two runs over the same input differ")
	}
}

// TestEmptyFolder: no articles, no stories, no crash.
func TestEmptyFolder(t *testing.T) {
	stories, sum := run(t, t.TempDir())
	if len(stories) != 0 || sum.Ingested != 0 {
		t.Errorf("empty folder gave %d stories, %s", len(stories), sum)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, "text", stories, report.Options{}); err != nil || !strings.Contains(buf.String(), "No stories") {
		t.Errorf("empty report: %v %q", err, buf.String())
	}
}

func questions(s *compare.Story) []string {
	var out []string
	for _, f := range s.Findings {
		out = append(out, f.ID+" "+f.Status+"/"+f.Disagreement+" "+f.Question+" «"+f.Summary+"»")
	}
	return out
}
