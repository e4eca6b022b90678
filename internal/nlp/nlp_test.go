package nlp

import (
	"github.com/crosscheck/crosscheck/internal/news"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func seed(t testing.TB, name string) (string, string) {
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSpace(string(b))
	f := strings.Fields(s)
	date := f[1]
	body := strings.TrimSpace(s[strings.Index(s, date)+len(date):])
	return body, date
}

// TestAnalyzeOffsets checks that every span of every stage is a valid slice of the text.
func TestAnalyzeOffsets(t *testing.T) {
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"000_9d73244eedff589e.txt", "002_dab798fd02c5118b.txt"} {
		text, date := seed(t, name)
		a := an.Analyze(name, text, date)
		n := len(text)
		for _, s := range a.Sentences {
			if !s.Valid(n) {
				t.Errorf("sentence %v", s.Span)
			}
		}
		for _, m := range a.Entities {
			if !m.Valid(n) || text[m.Start:m.End] != m.Text {
				t.Errorf("entity %+v", m)
			}
		}
		for _, x := range a.Timexes {
			if !x.Valid(n) || text[x.Start:x.End] != x.Text {
				t.Errorf("timex %+v", x)
			}
		}
		for _, s := range a.Statements {
			if !s.Valid(n) || !s.Cue.Valid(n) || (s.Source != nil && !s.Source.Valid(n)) {
				t.Errorf("statement %+v", s)
			}
		}
		for _, c := range a.Claims {
			if !c.Valid(n) {
				t.Errorf("claim %+v", c)
			}
		}
		if len(a.Entities) == 0 || len(a.Timexes) == 0 || len(a.Statements) == 0 || len(a.Claims) == 0 {
			t.Errorf("%s: a stage produced nothing: %d entities, %d timexes, %d statements, %d claims", name, len(a.Entities), len(a.Timexes), len(a.Statements), len(a.Claims))
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("WASHINGTON — Sen. Rubio said on Monday that “talks failed.” Iran denied it.", "2024-11-15")
	f.Add("\xff\x00\x01 Ünïcödé «text» 2015", "")
	f.Add("The adviser to John Smith resigned on Monday. John Smith, a senior adviser, said he was surprised.", "2024-11-15")
	an, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, date string) {
		checkSpans(t, text, an.Analyze("f", text, date))
	})
}

// checkSpans fails unless every span of the analysis is a valid slice of
// text and every stored surface string is that slice.
func checkSpans(t *testing.T, text string, a *news.Analysis) {
	t.Helper()
	check := func(what string, sp news.Span, surface *string) {
		if !sp.Valid(len(text)) {
			t.Fatalf("%s span %v invalid for %d bytes", what, sp, len(text))
		}
		if surface != nil && text[sp.Start:sp.End] != *surface {
			t.Fatalf("%s %v: text %q, slice %q", what, sp, *surface, text[sp.Start:sp.End])
		}
	}
	for _, s := range a.Sentences {
		check("sentence", s.Span, nil)
		for _, tk := range s.Tokens {
			check("token", tk.Span, &tk.Text)
		}
	}
	for _, m := range append(append([]news.Mention(nil), a.Entities...), a.Nominals...) {
		check("mention", m.Span, &m.Text)
	}
	for _, x := range a.Timexes {
		check("timex", x.Span, &x.Text)
	}
	for _, st := range a.Statements {
		check("statement", st.Span, nil)
		check("cue", st.Cue.Span, &st.Cue.Text)
		if st.Source != nil {
			check("source", st.Source.Span, &st.Source.Text)
		}
	}
	for _, c := range a.Claims {
		check("claim", c.Span, nil)
	}
}

// BenchmarkAnalyze measures the whole language layer on a news article (MB/s).
func BenchmarkAnalyze(b *testing.B) {
	an, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text, date := seed(b, "002_dab798fd02c5118b.txt")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		an.Analyze("b", text, date)
	}
}
