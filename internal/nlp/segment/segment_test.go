package segment

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

func texts(sents []string) string { return strings.Join(sents, "|") }

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations and titles", "Sen. Marco Rubio met Gen. Smith on Jan. 5. They talked.", []string{"Sen. Marco Rubio met Gen. Smith on Jan. 5.", "They talked."}},
		{"initials", "AP reporter Michelle L. Price contributed from West Palm Beach, Florida.", []string{"AP reporter Michelle L. Price contributed from West Palm Beach, Florida."}},
		{"acronym inside", "a U.S. official said. The U.N. Security Council met.", []string{"a U.S. official said.", "The U.N. Security Council met."}},
		{"acronym at the end", "prospects for relations with the U.S. The next day, talks began.", []string{"prospects for relations with the U.S.", "The next day, talks began."}},
		{"closing quote", "He called it a “horrible one-sided deal.” He subsequently imposed sanctions.", []string{"He called it a “horrible one-sided deal.”", "He subsequently imposed sanctions."}},
		{"quote then sentence", "Cheung stated, “We do not comment on reports.” Musk did not respond.", []string{"Cheung stated, “We do not comment on reports.”", "Musk did not respond."}},
		{"numbers", "Shares rose 3.5 percent to $1,000.50 on Monday. Bonds fell.", []string{"Shares rose 3.5 percent to $1,000.50 on Monday.", "Bonds fell."}},
		{"headline without period", "Fire kills 12 in Tessaly\n\nA fire killed 12 workers.", []string{"Fire kills 12 in Tessaly", "A fire killed 12 workers."}},
		{"one sentence per line", "EU rejects German call\nPeter Blackburn\nBRUSSELS 1996-08-22", []string{"EU rejects German call", "Peter Blackburn", "BRUSSELS 1996-08-22"}},
		{"question and exclamation", "Was it real? Yes! It was.", []string{"Was it real?", "Yes!", "It was."}},
		{"lower-case continuation", "The vote was 5 vs. 4 in favor.", []string{"The vote was 5 vs. 4 in favor."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range Split(tc.in) {
				got = append(got, tc.in[s.Start:s.End])
			}
			if texts(got) != texts(tc.want) {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Iran's ambassador", "Iran|'s|ambassador"},
		{"Iran’s U.S. envoy", "Iran|’s|U.S.|envoy"},
		{"a murder-for-hire plot, 1,000 people", "a|murder-for-hire|plot|,|1,000|people"},
		{"“We don't comment.”", "“|We|don't|comment|.|”"},
		{"WASHINGTON — Iran", "WASHINGTON|—|Iran"},
		{"Sen. Rubio", "Sen.|Rubio"},
		{"wait...", "wait|..."},
	}
	for _, tc := range tests {
		var got []string
		for _, tk := range Tokenize(tc.in, 0, len(tc.in)) {
			got = append(got, tk.Text)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, strings.Join(got, "|"), tc.want)
		}
	}
}

// TestSeeds counts the sentences of the two seed articles, as read by a person.
func TestSeeds(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..")
	for _, tc := range []struct {
		file  string
		count int
		first string
	}{
		// 000: the meeting (1), the officials said (2), the meeting lasted (3), Cheung (4), Musk (5),
		// one official (6), previous term (7), 2018 (8), sanctions (9), compliance (10), Soleimani (11),
		// 2022 video (12), last week (13), rejected (14), quoted by the Times (15), encouraged (16), mission (17).
		{"000_9d73244eedff589e.txt", 17, "Elon Musk, who was named"},
		// 002: 24 sentences, the last two the credit lines.
		{"002_dab798fd02c5118b.txt", 24, "WASHINGTON — Iran managed"},
	} {
		b, err := os.ReadFile(filepath.Join(root, "examples", "seeds", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		text = text[strings.Index(text, tc.first):]
		sents := Split(text)
		if len(sents) != tc.count {
			for i, s := range sents {
				t.Logf("%d: %s", i+1, text[s.Start:s.End])
			}
			t.Errorf("%s: %d sentences, want %d", tc.file, len(sents), tc.count)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Sen. Rubio said. “Yes.” No!", "U.S. The\n\nnext", "\xff\xfe\x00 a. B", "", strings.Repeat("a. ", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Split(text) {
			if !s.Span.Valid(len(text)) || s.Start < prev || s.Len() == 0 {
				t.Fatalf("bad sentence span %v (prev end %d) in %q", s.Span, prev, text)
			}
			prev = s.End
			for _, tk := range s.Tokens {
				if !tk.Span.Valid(len(text)) || !s.Contains(tk.Span) || text[tk.Start:tk.End] != tk.Text {
					t.Fatalf("bad token %v in %q", tk.Span, text)
				}
				if utf8.ValidString(text) && !utf8.ValidString(tk.Text) {
					t.Fatalf("token splits a rune: %q", tk.Text)
				}
			}
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "..", "examples", "seeds", "002_dab798fd02c5118b.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Split(text)
	}
}
