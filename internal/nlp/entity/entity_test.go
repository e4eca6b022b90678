package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp/segment"
)

var tagger = func() *Tagger {
	t, err := Load()
	if err != nil {
		panic(err)
	}
	return t
}()

func seed(t *testing.T, name string) string {
	_, file, _, _ := runtime.Caller(0)
	b, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "..", "examples", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSpace(string(b))
	f := strings.Fields(s)
	return strings.TrimSpace(s[strings.Index(s, f[1])+len(f[1]):])
}

// TestSeeds lists entities a reader finds in the seeds, and which mentions
// must be one entity.
func TestSeeds(t *testing.T) {
	tests := []struct {
		file string
		want map[string]string // surface text → type
		same [][2]string       // two surface texts of one entity
		role map[string]string // entity name → a role it must carry
	}{
		{"000_9d73244eedff589e.txt",
			map[string]string{"Elon Musk": news.Person, "Donald Trump": news.Person, "Amir Saeid Iravani": news.Person, "New York": news.GPE,
				"Steven Cheung": news.Person, "Qassem Soleimani": news.Person, "Tehran": news.GPE, "United Nations": news.Org},
			[][2]string{{"Elon Musk", "Musk"}, {"Amir Saeid Iravani", "Iravani"}, {"United States", "US"}},
			map[string]string{"Steven Cheung": "communications director", "Ali Khamenei": "Ayatollah"}},
		{"002_dab798fd02c5118b.txt",
			map[string]string{"Elon Musk": news.Person, "Esmail Baghaei": news.Person, "Karoline Leavitt": news.Person, "IRNA": news.Org,
				"Marco Rubio": news.Person, "Mike Waltz": news.Person, "UNITED STATES": news.GPE, "Justice Department": news.Org,
				"Wall Street Journal": news.Org, "Michelle L. Price": news.Person, "Florida": news.GPE},
			[][2]string{{"Elon Musk", "Musk"}, {"UNITED STATES", "U.S."}},
			map[string]string{"Marco Rubio": "Sen.", "Mike Waltz": "Rep."}},
	}
	for _, tc := range tests {
		text := seed(t, tc.file)
		ms, refs := tagger.Tag(text, segment.Split(text))
		byText := map[string]news.Mention{}
		for _, m := range ms {
			if _, ok := byText[m.Text]; !ok {
				byText[m.Text] = m
			}
		}
		for s, typ := range tc.want {
			if m, ok := byText[s]; !ok || m.Type != typ {
				t.Errorf("%s: %q = %+v, want type %s", tc.file, s, m, typ)
			}
		}
		for _, p := range tc.same {
			a, b := byText[p[0]], byText[p[1]]
			if a.Ref == "" || a.Ref != b.Ref {
				t.Errorf("%s: %q and %q should be one entity (%q vs %q)", tc.file, p[0], p[1], a.Ref, b.Ref)
			}
		}
		for name, role := range tc.role {
			found := false
			for _, r := range refs {
				if r.Name == name && strings.Contains(strings.Join(r.Roles, "|"), role) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: %s lacks role %q", tc.file, name, role)
			}
		}
	}
}

// TestCoNLLDev holds the model's floor on CoNLL-2003 dev (gold tokens, exact spans).
func TestCoNLLDev(t *testing.T) {
	dir := os.Getenv("CROSSCHECK_EVAL")
	if dir == "" {
		_, file, _, _ := runtime.Caller(0)
		dir = filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "eval")
	}
	f, err := os.Open(filepath.Join(dir, "ner", "conll2003_dev.jsonl"))
	if err != nil {
		t.Skip("no CoNLL-2003 dev data (set CROSSCHECK_EVAL)")
	}
	defer f.Close()
	type span struct {
		s, e int
		t    string
	}
	spans := func(tags []string) map[span]bool {
		out := map[span]bool{}
		start, typ := -1, ""
		for i := 0; i <= len(tags); i++ {
			tg := "O"
			if i < len(tags) {
				tg = tags[i]
			}
			if tg == "O" || tg[:2] == "B-" || tg[2:] != typ {
				if start >= 0 {
					out[span{start, i, typ}] = true
				}
				start, typ = -1, ""
				if tg != "O" {
					start, typ = i, tg[2:]
				}
			}
		}
		return out
	}
	type sent struct {
		Doc          int
		Tokens, Tags []string
	}
	var dev []sent
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var s sent
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		dev = append(dev, s)
	}
	// Whole documents, as the tagger reads them (the second pass uses the
	// first pass's labels of the same words elsewhere in the document).
	tp, np, ng := 0, 0, 0
	for i := 0; i < len(dev); {
		j := i
		var ws [][]string
		for j < len(dev) && dev[j].Doc == dev[i].Doc {
			ws = append(ws, dev[j].Tokens)
			j++
		}
		for k, tags := range tagger.model.DecodeDoc(ws) {
			g, p := spans(dev[i+k].Tags), spans(tags)
			for x := range p {
				if g[x] {
					tp++
				}
			}
			np, ng = np+len(p), ng+len(g)
		}
		i = j
	}
	P, R := float64(tp)/float64(np), float64(tp)/float64(ng)
	f1 := 200 * P * R / (P + R)
	t.Logf("CoNLL-2003 dev: P %.2f R %.2f F1 %.2f", 100*P, 100*R, f1)
	if f1 < 90 {
		t.Errorf("F1 %.2f below the floor of 90", f1)
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	if _, err := LoadModel(); err != nil {
		t.Fatal(err)
	}
	t.Logf("model load: %v", time.Since(start))
}

func FuzzTag(f *testing.F) {
	f.Add("Sen. Marco Rubio met UNITED STATES officials, \xff said Musk.")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		ms, refs := tagger.Tag(text, segment.Split(text))
		ids := map[string]bool{}
		for _, r := range refs {
			ids[r.ID] = true
		}
		for _, m := range ms {
			if !m.Valid(len(text)) || text[m.Start:m.End] != m.Text || !ids[m.Ref] {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	_, file, _, _ := runtime.Caller(0)
	data, _ := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "..", "examples", "seeds", "002_dab798fd02c5118b.txt"))
	text := string(data)
	sents := segment.Split(text)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		tagger.Tag(text, sents)
	}
}
