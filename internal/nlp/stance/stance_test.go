package stance

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var model = func() *Model {
	m, err := Load()
	if err != nil {
		panic(err)
	}
	return m
}()

func TestPredict(t *testing.T) {
	meeting := "Elon Musk met Iran's ambassador to the United Nations in New York on Monday, a U.S. official said. The official said the Iranians sought the meeting with Musk."
	denial := "Iran's foreign ministry spokesman denied that the ambassador met Elon Musk, calling reports of the meeting false and a fabrication by American media."
	sport := "Real Madrid beat Barcelona 3-1 on Sunday, with two goals in the second half sealing the league title for the visitors."
	tests := []struct {
		claim, text string
		want        []string
	}{
		{"Elon Musk met Iran's ambassador to the UN", meeting, []string{Agree, Discuss}},
		{"Elon Musk met Iran's ambassador to the UN", sport, []string{Unrelated}},
		{"Elon Musk met Iran's ambassador to the UN", denial, []string{Disagree}},
		// A claim that is itself a denial is not disagreed with by a denial.
		{"Iran denies its envoy met Elon Musk", denial, []string{Agree, Discuss}},
	}
	for _, tc := range tests {
		r := model.Predict(tc.claim, tc.text)
		ok := false
		for _, w := range tc.want {
			ok = ok || r.Stance == w
		}
		if !ok {
			t.Errorf("%q vs %.40q: %s (%.2f), want one of %v", tc.claim, tc.text, r.Stance, r.Score, tc.want)
		}
		for _, e := range r.Evidence {
			if e.Start < 0 || e.End > len(tc.text) || e.Start >= e.End {
				t.Errorf("bad evidence span %+v", e)
			}
		}
	}
}

// TestSeed checks the claim of the project's model seed against seed 002
// (examples/seeds), which reports the meeting and, later, Iran's denial.
func TestSeed(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	b, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "..", "examples", "seeds", "002_dab798fd02c5118b.txt"))
	if err != nil {
		t.Skipf("seed article missing: %v", err)
	}
	text := string(b)
	claim := "Musk met Iran's ambassador to the UN"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"seed 002", text, []string{Agree, Discuss}},
		{"Baghaei denial", "Iranian Foreign Ministry spokesperson Esmail Baghaei denied that Iran's ambassador to the UN met with Elon Musk in New York and expressed surprise at the coverage by American media.", []string{Disagree}},
		{"sports", "Real Madrid beat Barcelona 3-1 on Sunday, with two goals in the second half sealing the league title for the visitors.", []string{Unrelated}},
	}
	for _, tc := range tests {
		r := model.Predict(claim, tc.text)
		if !slices.Contains(tc.want, r.Stance) {
			t.Errorf("%s: %s (%.2f), want one of %v", tc.name, r.Stance, r.Score, tc.want)
		}
		for _, e := range r.Evidence {
			if e.Start < 0 || e.End > len(tc.text) || e.Start >= e.End {
				t.Errorf("%s: bad evidence span %+v", tc.name, e)
			}
		}
		if r.Score < 0 || r.Score > 1 {
			t.Errorf("%s: score %v outside 0..1", tc.name, r.Score)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a := model.Predict("Musk met Iravani", "Musk met Iravani in New York. Iran denied it.")
	b := model.Predict("Musk met Iravani", "Musk met Iravani in New York. Iran denied it.")
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("same input, different output")
	}
}

// TestFNCDev holds an accuracy floor on the first 1,000 FNC-1 dev pairs.
func TestFNCDev(t *testing.T) {
	dir := os.Getenv("CROSSCHECK_EVAL")
	if dir == "" {
		_, file, _, _ := runtime.Caller(0)
		dir = filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "eval")
	}
	f, err := os.Open(filepath.Join(dir, "stance", "fnc1_dev.jsonl"))
	if err != nil {
		t.Skip("no FNC-1 dev data (set CROSSCHECK_EVAL)")
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	score, max := 0.0, 0.0
	for n := 0; n < 1000 && sc.Scan(); n++ {
		var p struct{ Claim, Text, Stance string }
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		pred := model.Predict(p.Claim, p.Text).Stance
		if p.Stance == Unrelated {
			max += 0.25
		} else {
			max += 1
		}
		if (p.Stance == Unrelated) == (pred == Unrelated) {
			score += 0.25
			if p.Stance != Unrelated && pred == p.Stance {
				score += 0.75
			}
		}
	}
	rel := 100 * score / max
	t.Logf("FNC-1 dev (first 1,000 pairs): %.2f%%", rel)
	if rel < 80 {
		t.Errorf("FNC score %.2f%% below the floor of 80%%", rel)
	}
}

func FuzzPredict(f *testing.F) {
	f.Add("Musk met Iravani", "Iran denied it. \xff\x00 “quote”")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, claim, text string) {
		r := model.Predict(claim, text)
		for _, e := range r.Evidence {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End {
				t.Fatalf("bad evidence %+v", e)
			}
		}
	})
}

// BenchmarkPredict measures one pair with a news-length (~4 KB) body.
func BenchmarkPredict(b *testing.B) {
	text := strings.Repeat("Iran's foreign ministry spokesman denied that the ambassador met Elon Musk in New York on Monday. ", 40)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		model.Predict("Elon Musk met Iran's ambassador to the UN", text)
	}
}
