package attrib

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"
)

// evalDir finds the evaluation kit: $CROSSCHECK_EVAL or <repo>/../shared/eval.
func evalDir(t *testing.T) string {
	for _, d := range []string{os.Getenv("CROSSCHECK_EVAL"), "../../../../shared/eval"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "attribution", "polnear_dev.jsonl")); err == nil {
			return d
		}
	}
	t.Skip("PolNeAR dev not found: set CROSSCHECK_EVAL or put shared/eval beside the repository")
	return ""
}

// TestPolNeARDev holds attribution-level overlap F1 on PolNeAR dev above a
// floor. The scoring follows the evaluation kit (scorers/polnear_score.py):
// content is the statement span minus its cue and source, whitespace is
// ignored, and a prediction counts when cue, source and content each overlap
// one gold attribution's (or neither has a source), paired one to one.
func TestPolNeARDev(t *testing.T) {
	const floor = 70.0
	f, err := os.Open(filepath.Join(evalDir(t), "attribution", "polnear_dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var tp, nPred, nGold int
	for sc.Scan() {
		var rec struct {
			Title        string `json:"title"`
			Text         string `json:"text"`
			Attributions []struct {
				Source, Cue, Content [][2]int
			} `json:"attributions"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		text := rec.Text
		// Byte offset → character offset.
		charAt := make([]int, len(text)+1)
		isSpace := []bool{}
		c := 0
		for i, r := range text {
			for k := i; k < i+utf8.RuneLen(r) && k < len(text); k++ {
				charAt[k] = c
			}
			isSpace = append(isSpace, unicode.IsSpace(r))
			c++
		}
		charAt[len(text)] = c
		set := func(spans [][2]int) map[int]bool {
			m := map[int]bool{}
			for _, sp := range spans {
				for i := sp[0]; i < sp[1] && i < len(isSpace); i++ {
					if i >= 0 && !isSpace[i] {
						m[i] = true
					}
				}
			}
			return m
		}
		type attr struct{ src, cue, con map[int]bool }
		var gold []attr
		for _, a := range rec.Attributions {
			gold = append(gold, attr{set(a.Source), set(a.Cue), set(a.Content)})
		}
		var pred []attr
		for _, st := range Find(text, nil) {
			cue := [][2]int{{charAt[st.Cue.Start], charAt[st.Cue.End]}}
			var src [][2]int
			if st.Source != nil {
				src = [][2]int{{charAt[st.Source.Start], charAt[st.Source.End]}}
			}
			con := set([][2]int{{charAt[st.Start], charAt[st.End]}})
			for k := range set(cue) {
				delete(con, k)
			}
			for k := range set(src) {
				delete(con, k)
			}
			if len(con) == 0 {
				continue
			}
			pred = append(pred, attr{set(src), set(cue), con})
		}
		overlap := func(a, b map[int]bool) bool {
			for k := range a {
				if b[k] {
					return true
				}
			}
			return false
		}
		used := make([]bool, len(gold))
		for _, p := range pred {
			for gi, g := range gold {
				if used[gi] || !overlap(p.cue, g.cue) || !overlap(p.con, g.con) {
					continue
				}
				if (len(g.src) == 0 && len(p.src) == 0) || overlap(p.src, g.src) {
					used[gi] = true
					tp++
					break
				}
			}
		}
		nPred += len(pred)
		nGold += len(gold)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	p := float64(tp) / float64(max(nPred, 1))
	r := float64(tp) / float64(max(nGold, 1))
	f1 := 200 * p * r / max(p+r, 1e-9)
	t.Logf("PolNeAR dev attribution overlap: P=%.2f R=%.2f F1=%.2f (%d gold, %d predicted)", 100*p, 100*r, f1, nGold, nPred)
	if f1 < floor {
		t.Errorf("attribution F1 %.2f below the floor %.1f", f1, floor)
	}
}
