package attrib

import (
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// TestConstructions checks one construction per case, written by hand.
func TestConstructions(t *testing.T) {
	tests := []struct {
		name, text string
		want       seedWant
	}{
		{"inverted quote", "“We will win,” said Jane Smith.",
			seedWant{cue: "said", content: "We will win", source: "Jane Smith", stance: news.Assert, quote: true, kind: "person"}},
		{"quote then source", "“The plan failed,” the minister said.",
			seedWant{cue: "said", content: "The plan failed", source: "the minister", stance: news.Assert, quote: true}},
		{"according to first", "According to the report, prices rose sharply.",
			seedWant{cue: "according to", content: "prices rose sharply", source: "the report", stance: news.Assert}},
		{"according to last", "Prices rose sharply, according to two analysts.",
			seedWant{cue: "according to", content: "Prices rose sharply", source: "two analysts", stance: news.Assert, anon: true, count: 2}},
		{"told that", "Smith told reporters that the talks had collapsed.",
			seedWant{cue: "told", content: "the talks had collapsed", source: "Smith", stance: news.Assert}},
		{"declined", "The company declined to comment on the report.",
			seedWant{cue: "declined", content: "to comment", source: "The company", stance: news.Decline, kind: "org"}},
		{"no response", "The embassy did not immediately respond to a request for comment.",
			seedWant{cue: "did not immediately respond", content: "a request for comment", source: "The embassy", stance: news.NoResponse}},
		{"denied", "The minister denied that the meeting took place.",
			seedWant{cue: "denied", content: "the meeting took place", source: "The minister", stance: news.Deny}},
		{"neither", "Officials neither confirmed nor denied the report.",
			seedWant{cue: "neither confirmed nor denied", content: "the report", source: "Officials", stance: news.Neither, anon: true}},
		{"coordinated", "The mayor criticised the plan and said it would fail.",
			seedWant{cue: "said", content: "it would fail", source: "The mayor", stance: news.Assert}},
		{"appositive", "Ann Lee, a senior adviser to the governor, said the bill was dead.",
			seedWant{cue: "said", content: "the bill was dead", source: "Ann Lee, a senior adviser to the governor", stance: news.Assert, kind: "person"}},
		{"citing relay", "Reuters reported, citing three diplomats, that the deal was close.",
			seedWant{cue: "reported", content: "the deal was close", source: "three diplomats", stance: news.Assert,
				via: []string{"Reuters"}, anon: true, count: 3}},
		{"no comment quote", "A spokesman said: “We do not comment on rumours.”",
			seedWant{cue: "said", content: "We do not comment", source: "A spokesman", stance: news.Decline, quote: true, anon: true, count: 1}},
		{"nested relay", "AP reported that the senator denied that he had resigned.",
			seedWant{cue: "denied", content: "he had resigned", source: "the senator", stance: news.Deny, via: []string{"AP"}}},
		{"colon then next paragraph", "The senator added:\n\n“We will not back down from this fight.”",
			seedWant{cue: "added", content: "We will not back down", source: "The senator", stance: news.Assert, quote: true}},
		{"speaker label", "Debate night.\n\nPENCE: Well, look, the question really should be why she invited him. It is serious business.",
			seedWant{cue: ":", content: "It is serious business", source: "PENCE", stance: news.Assert}},
		{"dash signed quote", "Readers wrote in.\n“He is not fit to lead this country.” ― Carla Sanchez\n“Next one.”",
			seedWant{cue: "―", content: "He is not fit to lead", source: "Carla Sanchez", stance: news.Assert, quote: true}},
		{"name with apostrophe", "O'Neill said officials are reviewing the video.",
			seedWant{cue: "said", content: "officials are reviewing the video", source: "O'Neill", stance: news.Assert}},
		{"by saying", "Obama responded to a mother on Wednesday by saying the issue was manufactured.",
			seedWant{cue: "saying", content: "the issue was manufactured", source: "Obama", stance: news.Assert}},
		{"role in a place", "Officials in Springfield said the old bridge would close.",
			seedWant{cue: "said", content: "the old bridge would close", source: "Officials in Springfield", stance: news.Assert, anon: true}},
		{"passive by", "The plan was described as reckless by two Israeli officials.",
			seedWant{cue: "described", content: "The plan", source: "two Israeli officials", stance: news.Assert, anon: true, count: 2, aff: "Israel"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text, nil)
			st := findStatement(tc.text, got, tc.want.cue, tc.want.content)
			if st == nil {
				t.Fatalf("no statement with cue %q and content %q in %s", tc.want.cue, tc.want.content, dump(tc.text, got))
			}
			checkStatement(t, tc.text, st, tc.want)
		})
	}
}

// TestAttitude checks that beliefs and intentions are kept apart from speech.
func TestAttitude(t *testing.T) {
	text := "Iran opposes Trump's second term, intelligence officials said."
	got := Find(text, nil)
	for _, st := range got {
		want := news.StatementAttitude
		if st.Cue.Text == "said" {
			want = news.StatementSpeech
		}
		if st.Kind != want {
			t.Errorf("cue %q: kind = %q, want %q", st.Cue.Text, st.Kind, want)
		}
	}
	if findStatement(text, got, "said", "Iran opposes") == nil {
		t.Errorf("no speech statement: %s", dump(text, got))
	}
}

// TestMultiSentenceQuote checks that a quote continuing after its cue is one statement.
func TestMultiSentenceQuote(t *testing.T) {
	text := "“We lost,” she said. “We will be back next year.”\n\nThe team left."
	got := Find(text, nil)
	if len(got) != 1 {
		t.Fatalf("got %d statements, want 1: %s", len(got), dump(text, got))
	}
	c := text[got[0].Start:got[0].End]
	if !strings.Contains(c, "We lost") || !strings.Contains(c, "next year") || strings.Contains(c, "team") {
		t.Errorf("content = %q, want both quoted sentences", c)
	}
}

// TestPronounRef checks that "he" resolves to the preceding person mention.
func TestPronounRef(t *testing.T) {
	text := "John Smith arrived late. He said the meeting was over."
	a := &news.Analysis{
		Entities: []news.Mention{{Span: news.Span{Start: 0, End: 10}, Text: "John Smith", Type: news.Person, Ref: "e1"}},
		Refs:     []news.EntityRef{{ID: "e1", Name: "John Smith", Type: news.Person}},
	}
	got := Find(text, a)
	st := findStatement(text, got, "said", "the meeting was over")
	if st == nil || st.Source == nil {
		t.Fatalf("no statement: %s", dump(text, got))
	}
	if st.Source.Ref != "e1" || st.Source.Kind != "person" {
		t.Errorf("source = %+v, want ref e1, kind person", *st.Source)
	}
}

// TestNamedRef checks that a named source links to its entity.
func TestNamedRef(t *testing.T) {
	text := "Iran's foreign ministry spokesman Esmail Baghaei said the report was false."
	a := &news.Analysis{
		Entities: []news.Mention{
			{Span: news.Span{Start: 0, End: 4}, Text: "Iran", Type: news.GPE, Ref: "e1"},
			{Span: news.Span{Start: 34, End: 48}, Text: "Esmail Baghaei", Type: news.Person, Ref: "e2"},
		},
	}
	got := Find(text, a)
	st := findStatement(text, got, "said", "the report was false")
	if st == nil || st.Source == nil {
		t.Fatalf("no statement: %s", dump(text, got))
	}
	if st.Source.Ref != "e2" || st.Source.Anonymous || st.Source.Affiliation != "Iran" {
		t.Errorf("source = %+v, want ref e2, named, affiliation Iran", *st.Source)
	}
}

func TestEmpty(t *testing.T) {
	for _, s := range []string{"", " ", "said", "“", "according to", "\n\n\"", "He said", ", said ."} {
		for _, st := range Find(s, nil) {
			checkSpans(t, s, st)
		}
	}
}

// TestDeterministic checks that two runs give identical output.
func TestDeterministic(t *testing.T) {
	b, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	a1, a2 := Find(string(b), nil), Find(string(b), nil)
	if dump(string(b), a1) != dump(string(b), a2) {
		t.Fatal("two runs differ")
	}
	if len(a1) < 8 {
		t.Errorf("found %d statements in testdata/bench.txt, want at least 8: %s", len(a1), dump(string(b), a1))
	}
}

func checkSpans(t *testing.T, text string, st news.Statement) {
	t.Helper()
	n := len(text)
	if !st.Span.Valid(n) || !st.Cue.Span.Valid(n) {
		t.Fatalf("invalid span in %+v for text of %d bytes", st, n)
	}
	if text[st.Cue.Start:st.Cue.End] != st.Cue.Text {
		t.Fatalf("cue text %q does not match its span", st.Cue.Text)
	}
	if st.Source != nil && (!st.Source.Span.Valid(n) || text[st.Source.Start:st.Source.End] != st.Source.Text) {
		t.Fatalf("bad source %+v", *st.Source)
	}
	for _, v := range st.Via {
		if !v.Span.Valid(n) {
			t.Fatalf("bad via %+v", v)
		}
	}
}

func dump(text string, sts []news.Statement) string {
	var b strings.Builder
	for _, st := range sts {
		src := "<nil>"
		if st.Source != nil {
			src = st.Source.Text
		}
		b.WriteString("\n  [" + st.Stance + "] cue=" + st.Cue.Text + " src=" + src + " content=" + text[st.Start:st.End])
	}
	return b.String()
}

func FuzzFind(f *testing.F) {
	f.Add("“We will win,” said Jane Smith. “Next year.”")
	f.Add("According to two U.S. officials, the talks failed, the Journal reported, citing aides.")
	f.Add("He said ''it is over'' and declined to comment.")
	if b, err := os.ReadFile("testdata/bench.txt"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range Find(s, nil) {
			checkSpans(t, s, st)
		}
	})
}

func BenchmarkFind(b *testing.B) {
	data, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(data)+"\n\n", 20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Find(text, nil)
	}
}
