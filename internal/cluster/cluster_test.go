package cluster

import (
	"fmt"
	"testing"
	"time"
)

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func TestStories(t *testing.T) {
	docs := []Doc{
		{ID: "q1", Time: day("2025-01-10"), Text: "A magnitude 6.1 earthquake struck Tessaly province on Friday, killing 14 people, officials in Tessaly said.", Entities: []string{"tessaly"}},
		{ID: "q2", Time: day("2025-01-11"), Text: "Rescuers in Tessaly searched collapsed buildings after the 6.1 earthquake that killed 14 people in the province.", Entities: []string{"tessaly"}},
		{ID: "r1", Time: day("2025-01-12"), Text: "A magnitude 5.4 earthquake hit northern Corvana on Sunday, injuring 30 people, the Corvana government said.", Entities: []string{"corvana"}},
		{ID: "f1", Time: day("2025-01-12"), Text: "The Tessaly earthquake toll rose to 17 as rescuers pulled more bodies from the rubble in Tessaly province.", Entities: []string{"tessaly"}},
		{ID: "x1", Time: day("2025-01-12"), Text: "Shares of Norvak Chemicals fell after the company reported lower quarterly profits.", Entities: []string{"norvak chemicals"}},
		{ID: "e1", Time: day("2025-01-13"), Text: ""},
	}
	c := New(Options{})
	for _, d := range docs {
		c.Add(d)
	}
	a := c.Assignments()
	same := func(x, y string) bool { return a[x] == a[y] }
	if !same("q1", "q2") || !same("q1", "f1") {
		t.Errorf("the Tessaly follow-ups did not join their story: %v", a)
	}
	if same("q1", "r1") {
		t.Errorf("two different earthquakes were merged: %v", a)
	}
	if same("q1", "x1") || same("r1", "x1") {
		t.Errorf("an unrelated article joined a story: %v", a)
	}
	if a["e1"] == "" || same("e1", "q1") {
		t.Errorf("an empty article must get a story of its own: %v", a)
	}
	if a["q1"] != "s-q1" {
		t.Errorf("story id = %q, want it derived from its first article", a["q1"])
	}
}

func TestDeterministic(t *testing.T) {
	run := func() map[string]string {
		c := New(Options{})
		for i := 0; i < 200; i++ {
			c.Add(Doc{ID: fmt.Sprintf("d%03d", i), Text: fmt.Sprintf("Story %d about place%d and person%d, with report number %d.", i%7, i%7, i%5, i)})
		}
		return c.Assignments()
	}
	a, b := run(), run()
	for k, v := range a {
		if b[k] != v {
			t.Fatalf("run-to-run difference for %s: %s vs %s", k, v, b[k])
		}
	}
}

func TestOneBigStory(t *testing.T) {
	c := New(Options{})
	for i := 0; i < 5000; i++ {
		c.Add(Doc{ID: fmt.Sprintf("a%05d", i), Time: day("2025-01-01").Add(time.Duration(i) * time.Minute),
			Text: fmt.Sprintf("The Tessaly plant fire investigation continued; update %d from the Norvak Chemicals site in Tessaly.", i)})
	}
	stories := map[string]bool{}
	for _, s := range c.Assignments() {
		stories[s] = true
	}
	if len(stories) > 5 {
		t.Errorf("5,000 articles on one story made %d stories", len(stories))
	}
}

func BenchmarkAdd(b *testing.B) {
	for _, archive := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("archive=%d", archive), func(b *testing.B) {
			c := New(Options{})
			for i := 0; i < archive; i++ {
				c.Add(Doc{ID: fmt.Sprintf("p%d", i), Time: day("2024-01-01").Add(time.Duration(i) * time.Minute),
					Text: fmt.Sprintf("Event %d in city%d: officials%d said person%d met group%d about topic%d.", i, i%997, i%31, i%389, i%53, i%211)})
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c.Add(Doc{ID: fmt.Sprintf("q%d", i), Time: day("2024-06-01"),
					Text: fmt.Sprintf("Event %d in city%d: officials said person%d met group%d.", i, i%997, i%389, i%53)})
			}
		})
	}
}

// BenchmarkRefine: the batch pass over a 10,000-article archive (time per article).
func BenchmarkRefine(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		c := New(Options{})
		for j := 0; j < 10000; j++ {
			c.Add(Doc{ID: fmt.Sprintf("p%d", j), Time: day("2024-01-01").Add(time.Duration(j) * time.Minute),
				Text: fmt.Sprintf("Event %d in city%d: officials%d said person%d met group%d about topic%d.", j, j%997, j%31, j%389, j%53, j%211)})
		}
		b.StartTimer()
		c.Refine()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/article")
}

// TestRefine: an undated follow-up joins its dated story only in Refine; two
// similar events years apart stay apart.
func TestRefine(t *testing.T) {
	c := New(Options{})
	docs := []Doc{
		{ID: "a1", Time: day("2013-09-15"), Text: "Climber Robert Buckley died in a fall on Mount Sefton near Mount Cook, police said."},
		{ID: "a2", Time: day("2013-09-16"), Text: "The body of British climber Robert Buckley was recovered from Mount Sefton after his fall."},
		{ID: "b1", Time: day("2008-01-03"), Text: "Australian climber Mark Vinar is presumed dead after a fall from Mount Cook."},
		{ID: "b2", Time: day("2008-01-04"), Text: "Mark Vinar fell from Zurbriggens Ridge on Mount Cook; his brother survived in an ice cave."},
		{ID: "u1", Text: "Police recovered the body of Robert Buckley, the British climber who fell on Mount Sefton."},
	}
	for _, d := range docs {
		c.Add(d)
	}
	if a := c.Assignments(); a["u1"] == a["a1"] {
		t.Errorf("an undated article joined a dated story while streaming: %v", a)
	}
	c.Refine()
	a := c.Assignments()
	if a["u1"] != a["a1"] || a["a1"] != a["a2"] || a["b1"] != a["b2"] {
		t.Errorf("refined stories = %v", a)
	}
	if a["a1"] == a["b1"] {
		t.Errorf("two climbing deaths five years apart were merged: %v", a)
	}
}

// TestCloneRefine: refining a clone leaves the streaming clusterer as it
// was, and streaming on after a refined view gives the batch result. It
// runs on ECB+ train (where Refine merges many stories) when the shared
// evaluation data is there.
func TestCloneRefine(t *testing.T) {
	var docs []Doc
	for _, d := range loadECB(t, "train") {
		docs = append(docs, Doc{ID: d.ID, Text: d.Text})
	}
	batch := New(Options{})
	for _, d := range docs {
		batch.Add(d)
	}
	streamed := fmt.Sprint(batch.Assignments())
	batch.Refine()
	want := fmt.Sprint(batch.Assignments())
	if want == streamed {
		t.Fatal("Refine merged nothing: the test data does not exercise it")
	}

	half := len(docs) / 2
	c := New(Options{})
	for _, d := range docs[:half] {
		c.Add(d)
	}
	before := fmt.Sprint(c.Assignments())
	view := c.Clone()
	view.Refine()
	if got := fmt.Sprint(c.Assignments()); got != before {
		t.Fatal("refining a clone changed the original")
	}
	for _, d := range docs[half:] {
		c.Add(d)
	}
	view = c.Clone()
	view.Refine()
	if got := fmt.Sprint(view.Assignments()); got != want {
		t.Error("stream, clone, refine differs from the batch run")
	}
}
