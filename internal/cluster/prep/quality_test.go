package prep

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/nlp"
)

func evalDir(t testing.TB) string {
	if d := os.Getenv("CROSSCHECK_EVAL"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	d := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "eval")
	if _, err := os.Stat(d); err != nil {
		t.Skip("no evaluation data (set CROSSCHECK_EVAL or put shared/eval beside the repository)")
	}
	return d
}

type split struct {
	docs []cluster.Doc
	gold map[string]string
}

var (
	splitsMu sync.Mutex
	splits   = map[string]*split{}
	analyzer *nlp.Analyzer
)

// load reads an ECB+ split as the cluster command sees it: id and text only.
func load(t testing.TB, name string) *split {
	splitsMu.Lock()
	defer splitsMu.Unlock()
	if s := splits[name]; s != nil {
		return s
	}
	f, err := os.Open(filepath.Join(evalDir(t), "clustering", "ecbplus_"+name+".jsonl"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if analyzer == nil {
		if analyzer, err = nlp.New(); err != nil {
			t.Fatal(err)
		}
	}
	var recs []Record
	s := &split{gold: map[string]string{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d struct{ ID, Event, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, Record{ID: d.ID, Text: d.Text})
		s.gold[d.ID] = d.Event
	}
	s.docs = Docs(analyzer, recs, runtime.GOMAXPROCS(0)) // input order; run sorts
	splits[name] = s
	return s
}

// bcubed scores a clustering against gold labels (BCubed P, R, F1 in %).
func bcubed(pred, gold map[string]string) (float64, float64, float64) {
	byPred, byGold := map[string]int{}, map[string]int{}
	pair := map[[2]string]int{}
	for id, p := range pred {
		byPred[p]++
		byGold[gold[id]]++
		pair[[2]string{p, gold[id]}]++
	}
	var p, r float64
	for id := range pred {
		same := float64(pair[[2]string{pred[id], gold[id]}])
		p += same / float64(byPred[pred[id]])
		r += same / float64(byGold[gold[id]])
	}
	p /= float64(len(pred))
	r /= float64(len(pred))
	return 100 * p, 100 * r, 200 * p * r / (p + r)
}

func run(s *split, opt cluster.Options, mod func(cluster.Doc) cluster.Doc) map[string]string {
	docs := make([]cluster.Doc, len(s.docs))
	for i, d := range s.docs {
		if mod != nil {
			d = mod(d)
		}
		docs[i] = d
	}
	Order(docs)
	c := cluster.New(opt)
	c.Prime(docs)
	for _, d := range docs {
		c.Add(d)
	}
	if os.Getenv("CLUSTER_NOREFINE") == "" {
		c.Refine()
	}
	return c.Assignments()
}

func report(name string, s *split, a map[string]string) string {
	p, r, f := bcubed(a, s.gold)
	n := map[string]bool{}
	for _, v := range a {
		n[v] = true
	}
	return fmt.Sprintf("%s P=%.2f R=%.2f F1=%.2f (%d clusters)", name, p, r, f, len(n))
}

// TestECBQuality holds the floor of the full cluster path (language layer,
// inferred datelines, streaming and refinement) on ECB+ events.
func TestECBQuality(t *testing.T) {
	for _, tc := range []struct {
		split string
		floor float64
	}{{"train", 89}, {"dev", 88}} {
		s := load(t, tc.split)
		a := run(s, cluster.Options{}, nil)
		_, _, f := bcubed(a, s.gold)
		t.Log(report("ECB+ "+tc.split, s, a))
		if f < tc.floor {
			t.Errorf("ECB+ %s BCubed F1 = %.2f, below the floor %.0f", tc.split, f, tc.floor)
		}
	}
}

// TestTune sweeps the clusterer's thresholds (CLUSTER_TUNE=1).
func TestTune(t *testing.T) {
	if os.Getenv("CLUSTER_TUNE") == "" {
		t.Skip("set CLUSTER_TUNE=1")
	}
	train, dev := load(t, "train"), load(t, "dev")
	for _, hl := range []time.Duration{10, 30} {
		for _, coh := range []float64{0.6, 0.7, 0.8, 0.9} {
			for _, th := range []float64{0.15, 0.2, 0.25, 0.3} {
				for _, rt := range []float64{0.15, 0.2, 0.25} {
					o := cluster.Options{Threshold: th, RefineThreshold: rt, RefineCohesion: coh, HalfLife: hl * 24 * time.Hour}
					fmt.Printf("hl=%d coh=%.1f th=%.2f rt=%.2f %s | %s\n", hl, coh, th, rt, report("train", train, run(train, o, nil)), report("dev", dev, run(dev, o, nil)))
				}
			}
		}
	}
}

func TestAblation(t *testing.T) {
	if os.Getenv("CLUSTER_TUNE") == "" {
		t.Skip("set CLUSTER_TUNE=1")
	}
	train, dev := load(t, "train"), load(t, "dev")
	mods := map[string]func(cluster.Doc) cluster.Doc{
		"text": func(d cluster.Doc) cluster.Doc { return cluster.Doc{ID: d.ID, Text: d.Text} },
		"text+dates": func(d cluster.Doc) cluster.Doc {
			return cluster.Doc{ID: d.ID, Text: d.Text, Time: d.Time, TimeInferred: d.TimeInferred}
		},
		"nlp": func(d cluster.Doc) cluster.Doc { d.Time = timeZero; return d },
		"all": nil,
	}
	var names []string
	for k := range mods {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		var o cluster.Options
		fmt.Sscan(os.Getenv("CLUSTER_OPT"), &o.Threshold, &o.RefineThreshold, &o.RefineCohesion)
		fmt.Println(report("train "+k, train, run(train, o, mods[k])), "|", report("dev", dev, run(dev, o, mods[k])))
	}
}

// TestShow prints the clusters of a split with their gold events.
func TestShow(t *testing.T) {
	name := os.Getenv("CLUSTER_SHOW")
	if name == "" {
		t.Skip("set CLUSTER_SHOW=dev|train")
	}
	s := load(t, name)
	var o cluster.Options
	fmt.Sscan(os.Getenv("CLUSTER_OPT"), &o.Threshold, &o.RefineThreshold, &o.RefineCohesion)
	a := run(s, o, nil)
	by := map[string][]string{}
	docs := append([]cluster.Doc(nil), s.docs...)
	Order(docs)
	for _, d := range docs {
		by[a[d.ID]] = append(by[a[d.ID]], d.ID+"("+s.gold[d.ID]+")")
	}
	var ks []string
	for k := range by {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		if os.Getenv("CLUSTER_BRIEF") != "" {
			n := map[string]int{}
			for _, x := range by[k] {
				n[s.gold[x[:strings.IndexByte(x, '(')]]]++
			}
			fmt.Println(k, n)
			continue
		}
		fmt.Println(k, by[k])
	}
	fmt.Println(report(name, s, a))
}

var timeZero = cluster.Doc{}.Time
