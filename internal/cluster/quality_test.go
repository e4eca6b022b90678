package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// evalDir finds the shared evaluation data: $CROSSCHECK_EVAL or ../shared/eval beside the repository.
func evalDir(t *testing.T) string {
	if d := os.Getenv("CROSSCHECK_EVAL"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	d := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "eval")
	if _, err := os.Stat(d); err != nil {
		t.Skip("no evaluation data (set CROSSCHECK_EVAL or put shared/eval beside the repository)")
	}
	return d
}

type ecbDoc struct {
	ID    string `json:"id"`
	Event string `json:"event"`
	Topic string `json:"topic"`
	Text  string `json:"text"`
}

func loadECB(t *testing.T, split string) []ecbDoc {
	f, err := os.Open(filepath.Join(evalDir(t), "clustering", "ecbplus_"+split+".jsonl"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var docs []ecbDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d ecbDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// bcubed scores a clustering against gold labels (BCubed F1, in %).
func bcubed(pred, gold map[string]string) float64 {
	byPred, byGold := map[string][]string{}, map[string][]string{}
	for id, p := range pred {
		byPred[p] = append(byPred[p], id)
		byGold[gold[id]] = append(byGold[gold[id]], id)
	}
	var p, r float64
	for id := range pred {
		same := 0
		for _, o := range byPred[pred[id]] {
			if gold[o] == gold[id] {
				same++
			}
		}
		p += float64(same) / float64(len(byPred[pred[id]]))
		r += float64(same) / float64(len(byGold[gold[id]]))
	}
	p /= float64(len(pred))
	r /= float64(len(pred))
	return 200 * p * r / (p + r)
}

func score(docs []ecbDoc, opt Options, refine bool) float64 {
	c := New(opt)
	gold := map[string]string{}
	var all []Doc
	for _, d := range docs {
		all = append(all, Doc{ID: d.ID, Text: d.Text})
	}
	c.Prime(all)
	for _, d := range docs {
		c.Add(Doc{ID: d.ID, Text: d.Text})
		gold[d.ID] = d.Event
	}
	if refine {
		c.Refine()
	}
	return bcubed(c.Assignments(), gold)
}

// TestECBQuality holds the story-grouping floor on ECB+ (events, BCubed F1).
func TestECBQuality(t *testing.T) {
	for _, tc := range []struct {
		split string
		floor float64
	}{{"train", 89}, {"dev", 78}} {
		docs := loadECB(t, tc.split)
		got := score(docs, Options{}, true)
		t.Logf("ECB+ %s BCubed F1 = %.2f", tc.split, got)
		if got < tc.floor {
			t.Errorf("ECB+ %s BCubed F1 = %.2f, below the floor %.0f", tc.split, got, tc.floor)
		}
	}
}

func TestTune(t *testing.T) {
	if os.Getenv("CLUSTER_TUNE") == "" {
		t.Skip("set CLUSTER_TUNE=1 to sweep thresholds")
	}
	train, dev := loadECB(t, "train"), loadECB(t, "dev")
	for _, th := range []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4} {
		for _, m := range []float64{0.4, 0.6, 2} {
			o := Options{Threshold: th, MergeThreshold: m}
			fmt.Printf("th=%.2f merge=%.2f train=%.2f dev=%.2f | refined train=%.2f dev=%.2f\n", th, m,
				score(train, o, false), score(dev, o, false), score(train, o, true), score(dev, o, true))
		}
	}
}
