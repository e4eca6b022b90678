package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// tricky strings for the matchers: case folds outside ASCII ("ſ" matches
// (?i)s, the Kelvin sign (?i)k), broken UTF-8, text and window edges.
var trickyTexts = []string{
	"They met on Monday, October 14, for over an hour.",
	"ſoon, the paſt ſix weeK, two wee\u212As ago, NOW",
	"\xe2May 3 \xc5\xbfix years\xff1998\x80 20\x8012 \xe2\x84 2001",
	"é1998, 1998é, ’90s, the ’80s, 5 p.m.\u00a0EST Nov. 9",
	"in May", "May", "1999", "3 pm", "a", "",
	"the past three years and a half long, a couple of more weeks later",
	"fiscal 1989 and FY'90, 10/12/98, 1998-10-23, the 20th century",
	"nineteen ninety-six\nJanuary two thousand\tthe year two thousand",
}

// assertAgree checks that m.findAll finds in text[lo:hi] exactly what
// FindAllStringSubmatchIndex finds.
func assertAgree(t *testing.T, text string, lo, hi int) {
	t.Helper()
	starts := wordStarts(nil, text, lo, hi)
	for pi, p := range patterns {
		want := p.re.FindAllStringSubmatchIndex(text[lo:hi], -1)
		for _, m := range want {
			for i := range m {
				if m[i] >= 0 {
					m[i] += lo
				}
			}
		}
		got := matchers[pi].findAll(nil, text, lo, hi, starts)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("pattern %d on %q: matcher %v, regexp %v", pi, text[lo:hi], got, want)
		}
	}
}

// TestMatchersAgree checks the matchers against plain regexp matching, over
// whole texts and their windows: tricky strings, the seeds and TE3 dev.
func TestMatchersAgree(t *testing.T) {
	texts := slices.Clone(trickyTexts)
	paths, _ := filepath.Glob(filepath.Join(seedDir(), "*.txt"))
	for _, p := range paths {
		bs, _ := os.ReadFile(p)
		texts = append(texts, string(bs))
	}
	if f, err := os.Open(filepath.Join(evalDir(), "temporal", "te3_dev.jsonl")); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<26)
		for sc.Scan() {
			var d goldDoc
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, d.Text)
		}
		f.Close()
	}
	for _, text := range texts {
		assertAgree(t, text, 0, len(text))
		for _, w := range windows(text) {
			assertAgree(t, text, w[0], w[1])
		}
	}
}

// TestMatchersNotPlain keeps every pattern on the fast path.
func TestMatchersNotPlain(t *testing.T) {
	for i, m := range matchers {
		if m.plain {
			t.Errorf("pattern %d falls back to plain FindAll", i)
		}
	}
}

func FuzzMatchers(f *testing.F) {
	for _, s := range trickyTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		assertAgree(t, text, 0, len(text))
		// A window cut at a space, as windows makes them.
		if i := strings.IndexByte(text, ' '); i >= 0 {
			assertAgree(t, text, i+1, len(text))
		}
	})
}
