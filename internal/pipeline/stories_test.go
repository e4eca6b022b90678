package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// events are three unrelated stories told by several outlets on several days.
var events = []struct{ title, text string }{
	{"Bridge closes in Springfield", "Officials in Springfield said the old Harlan bridge over the Tessel river would close for repairs after inspectors found cracks in its steel girders. Mayor Ana Ruiz said traffic would move to the Oak Street crossing."},
	{"Norvak plant fire kills workers", "A fire at the Norvak Chemicals plant in Tessaly killed nine workers, fire chief Marta Kovacs said. The blaze started in a solvent storage hall and burned for five hours before firefighters brought it under control."},
	{"Central bank raises rates", "The Valdorian central bank raised its main interest rate by half a point to 4.5 percent, governor Piet Mollen said, citing inflation that reached 7 percent in March. Economists had expected a smaller rise."},
}

// writeArticles writes one JSONL file of articles: for each day, each event
// told by one outlet.
func writeArticles(t *testing.T, dir, name string, days []string, outlets []string) string {
	t.Helper()
	var b strings.Builder
	for _, day := range days {
		for e, ev := range events {
			for _, o := range outlets {
				rec := map[string]string{"id": fmt.Sprintf("%s-%d-%s", day, e, o), "date": day, "outlet": o, "title": ev.title,
					"text": fmt.Sprintf("%s (%s, %s) %s Reporting continued on %s.", ev.text, o, day, strings.Repeat("More details from "+o+". ", e+1), day)}
				line, _ := json.Marshal(rec)
				b.Write(line)
				b.WriteByte('\n')
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// members renders a story set as sorted "story: members" lines.
func members(s *pipeline.StorySet) string {
	var lines []string
	for _, id := range s.IDs {
		m := append([]string(nil), s.Members[id]...)
		sort.Strings(m)
		lines = append(lines, id+": "+strings.Join(m, ","))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestStoryBuilderIncremental: a builder that only adds new articles ends with
// the stories of a full build, rebuilds only the stories that changed, and
// starts over when an article sorts before what it has seen.
func TestStoryBuilderIncremental(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	an, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	opt := pipeline.StoryOptions{NoStance: true}
	b := pipeline.NewStoryBuilder(opt)
	run := func(path string) *pipeline.RunResult {
		t.Helper()
		res, err := pipeline.Run(ctx, st, an, []string{path}, pipeline.RunOptions{
			Ingest:  pipeline.IngestOptions{Read: ingest.DefaultOptions(), Stdin: strings.NewReader("")},
			Builder: b,
		})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	full := func() *pipeline.StorySet {
		t.Helper()
		s, err := pipeline.BuildStories(ctx, st, opt)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}

	first := run(writeArticles(t, dir, "1.jsonl", []string{"2025-03-01", "2025-03-02"}, []string{"Ledger", "Wire"}))
	if n := len(first.Stories.IDs); n != len(events) || len(first.Stories.Built) != n {
		t.Fatalf("first build: %d stories (want %d, one per event), %d built:\n%s", n, len(events), len(first.Stories.Built), members(first.Stories))
	}

	// Later articles about one event only: the other stories are kept.
	later := filepath.Join(dir, "2.jsonl")
	body := fmt.Sprintf(`{"id":"late-bank","date":"2025-03-05","outlet":"Courier","title":%q,"text":%q}`+"\n", events[2].title, events[2].text+" The Courier confirmed the figures.")
	if err := os.WriteFile(later, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	second := run(later)
	if second.Stories.Kept != len(events)-1 || len(second.Stories.Built) != 1 {
		t.Errorf("incremental build rebuilt %d of %d stories (kept %d); want only the touched ones", len(second.Stories.Built), len(second.Stories.IDs), second.Stories.Kept)
	}
	if got, want := members(second.Stories), members(full()); got != want {
		t.Errorf("incremental stories differ from a full build:\n%s\nwant\n%s", got, want)
	}

	// An article dated before everything seen: the builder starts over and
	// still agrees with a full build.
	early := filepath.Join(dir, "3.jsonl")
	body = fmt.Sprintf(`{"id":"early-fire","date":"2025-02-27","outlet":"Gazette","title":%q,"text":%q}`+"\n", events[1].title, events[1].text)
	if err := os.WriteFile(early, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	third := run(early)
	if got, want := members(third.Stories), members(full()); got != want {
		t.Errorf("after a backdated article, stories differ from a full build:\n%s\nwant\n%s", got, want)
	}

	// Nothing new: nothing rebuilt, and the stored set is the same.
	again := run(early)
	if len(again.Stories.Built) != 0 {
		t.Errorf("a re-run rebuilt %d stories", len(again.Stories.Built))
	}
	recs, err := st.ListStories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(again.Stories.IDs) {
		t.Errorf("stored %d stories, built set has %d", len(recs), len(again.Stories.IDs))
	}
}
