// Command train fits the stance model on the FNC-1 training split and
// writes it (gzip'd JSON) for embedding:
//
//	go run ./internal/nlp/stance/train -data ../shared/eval/stance -out internal/nlp/stance/model.json.gz
//
// It computes IDF over the training bodies and claims, extracts the
// package's features for every pair, scales the dense features to [-1, 1],
// and trains with AdaGrad (fixed seeds, so the output is reproducible;
// weights averaged over the second half of training):
//
//   - a 4-way logistic regression, whose unrelated decision is used;
//   - a 3-way agree/disagree/discuss one on the related pairs only, with
//     disagree examples weighted 2, whose class offsets are tuned on 5-fold
//     cross-fitted predictions over the training split.
//
// Dev data is never read unless named with -report, which scores the final
// model on it (measuring only). -arc-weight adds ARC forum posts to the
// training data (off: it lowered the ARC dev FNC score and the
// cross-fitted FNC-1 score in our runs).
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/nlp/stance"
	"github.com/kljensen/snowball/english"
)

type pair struct {
	Claim  string `json:"claim"`
	BodyID int    `json:"body_id"`
	Text   string `json:"text"`
	Stance string `json:"stance"`
}

func readLines(path string, fn func([]byte) error) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		if err := fn(sc.Bytes()); err != nil {
			log.Fatal(err)
		}
	}
}

func main() {
	data := flag.String("data", "../shared/eval/stance", "folder with fnc1_train_pairs.jsonl, fnc1_train_bodies.jsonl, fnc1_dev.jsonl")
	out := flag.String("out", "internal/nlp/stance/model.json.gz", "model file to write")
	flag.IntVar(&cfg.epochs, "epochs", 12, "training epochs")
	flag.Float64Var(&cfg.l2, "l2", 1e-6, "L2 regularisation")
	flag.Float64Var(&cfg.lr, "lr", 0.5, "AdaGrad learning rate")
	flag.Float64Var(&cfg.disW, "disagree-weight", 2, "loss weight of disagree examples in the related model (the rarest class, and the one a fact-checker most needs)")
	flag.Float64Var(&cfg.agrW, "agree-weight", 1, "loss weight of agree examples in the related model")
	folds := flag.Int("folds", 5, "cross-fitting folds on train for tuning the related model's class offsets (0: no tuning)")
	twoStage := flag.Bool("two-stage", true, "add a related-only agree/disagree/discuss model")
	denyRule := flag.Bool("deny-rule", true, "turn related pairs whose best sentence denies the claim into disagree")
	arcW := flag.Float64("arc-weight", 0, "also train on arc_train.jsonl (forum posts) with this loss weight (0: FNC-1 only)")
	simOnly := flag.Bool("sim-only", false, "train the 4-way (related/unrelated) model on the similarity features only")
	mask := flag.String("mask", "", "comma-separated feature indices to leave out (ablation)")
	cache := flag.String("feature-cache", "", "gob file caching the training features between runs (experiments only; delete it when the features change)")
	report := flag.String("report", "", "comma-separated extra gold files (claim, text, stance) to score the final model on, for measuring only")
	flag.Parse()

	bodies := map[int]string{}
	readLines(filepath.Join(*data, "fnc1_train_bodies.jsonl"), func(b []byte) error {
		var r struct {
			BodyID int    `json:"body_id"`
			Text   string `json:"text"`
		}
		err := json.Unmarshal(b, &r)
		bodies[r.BodyID] = r.Text
		return err
	})
	var train []pair
	readLines(filepath.Join(*data, "fnc1_train_pairs.jsonl"), func(b []byte) error {
		var p pair
		err := json.Unmarshal(b, &p)
		p.Text = bodies[p.BodyID]
		train = append(train, p)
		return err
	})
	log.Printf("train %d pairs, %d bodies", len(train), len(bodies))

	// IDF over bodies and distinct claims.
	df := map[string]int{}
	docs := 0
	addDoc := func(s string) {
		docs++
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			st := english.Stem(w, false)
			if !seen[st] {
				seen[st] = true
				df[st]++
			}
		}
	}
	ids := make([]int, 0, len(bodies))
	for id := range bodies {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		addDoc(bodies[id])
	}
	claims := map[string]bool{}
	for _, p := range train {
		if !claims[p.Claim] {
			claims[p.Claim] = true
			addDoc(p.Claim)
		}
	}
	m := &stance.Model{IDF: map[string]float32{}, Dim: stance.NumFeatures}
	m.DefIDF = float32(math.Log(float64(docs+1)/1) + 1)
	for w, n := range df {
		if n >= 2 {
			m.IDF[w] = float32(math.Log(float64(docs+1)/float64(n+1)) + 1)
		}
	}
	nFNC := len(train)
	ew := make([]float64, 0, len(train))
	for range train {
		ew = append(ew, 1)
	}
	if *arcW > 0 {
		readLines(filepath.Join(*data, "arc_train.jsonl"), func(b []byte) error {
			var p pair
			err := json.Unmarshal(b, &p)
			train = append(train, p)
			ew = append(ew, *arcW)
			return err
		})
		log.Printf("+ %d ARC pairs (weight %g)", len(train)-nFNC, *arcW)
	}
	label := map[string]int{}
	for i, c := range stance.Classes {
		label[c] = i
	}
	ys := make([]int, len(train))
	for i, p := range train {
		ys[i] = label[p.Stance]
	}
	var xtr []stance.Vector
	var deny []bool
	if b, err := os.ReadFile(*cache); *cache != "" && err == nil {
		var c struct {
			X []stance.Vector
			D []bool
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&c); err != nil {
			log.Fatal(err)
		}
		xtr, deny = c.X, c.D
	} else {
		xtr, deny = features(m, train)
		if *cache != "" {
			var buf bytes.Buffer
			gob.NewEncoder(&buf).Encode(struct {
				X []stance.Vector
				D []bool
			}{xtr, deny})
			os.WriteFile(*cache, buf.Bytes(), 0o644)
		}
	}
	if *mask != "" {
		drop := map[int]bool{}
		for _, f := range strings.Split(*mask, ",") {
			var i int
			fmt.Sscan(f, &i)
			drop[i] = true
		}
		for n, x := range xtr {
			var v stance.Vector
			for _, f := range x {
				if !drop[f.I] {
					v = append(v, f)
				}
			}
			xtr[n] = v
		}
	}
	log.Printf("features done")
	scale := denseScale(xtr)
	xs := scaled(xtr, scale)
	xs4 := xs
	if *simOnly {
		xs4 = simFeatures(xs)
	}

	// Cross-fitting: out-of-fold probabilities on train, to tune the related
	// model's class offsets without touching dev.
	nc := len(stance.Classes)
	var offsets []float64
	if *twoStage && *folds > 1 {
		fold := make([]int, len(train))
		perm := rand.New(rand.NewSource(7)).Perm(len(train))
		for k, i := range perm {
			fold[i] = k % *folds
		}
		oof4 := make([][]float64, len(train))
		oof3 := make([][]float64, len(train))
		for f := 0; f < *folds; f++ {
			var in []int
			for i := range train {
				if fold[i] != f {
					in = append(in, i)
				}
			}
			W4 := fit(xs4, ys, ew, in, nc, nil, cfg)
			W3 := fit(xs, ys, ew, related(in, ys, label), 3, classWeights(cfg), cfg)
			for i := range train {
				if fold[i] == f {
					oof4[i] = stance.Softmax(score(W4, xs4[i]))
					oof3[i] = score(W3, xs[i])
				}
			}
		}
		offsets = tune(oof4[:nFNC], oof3[:nFNC], deny[:nFNC], ys[:nFNC], *denyRule)
		log.Printf("offsets (agree, disagree, discuss): %.2f", offsets)
		for d := -0.5; d <= 1.51; d += 0.25 {
			off := []float64{offsets[0], d, 0}
			log.Printf("  disagree offset %+.2f: %s", d, conf(nFNC, ys, func(i int) int { return decide(oof4[i], oof3[i], off, deny[i] && *denyRule) }))
		}
		pred := func(i int) int { return decide(oof4[i], oof3[i], offsets, deny[i] && *denyRule) }
		report0 := conf(nFNC, ys, pred)
		log.Printf("cross-fitted train: %s", report0)
	}
	W := fit(xs4, ys, ew, allIdx(len(train)), nc, nil, cfg)
	m.Weights = toF32(unscale(W, scale))
	if *twoStage {
		W3 := fit(xs, ys, ew, related(allIdx(len(train)), ys, label), 3, classWeights(cfg), cfg)
		for c := range offsets {
			W3[c][0] += offsets[c]
		}
		m.Related = toF32(unscale(W3, scale))
	}
	m.DenyRule = *denyRule
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	enc := json.NewEncoder(zw)
	if err := enc.Encode(m); err != nil {
		log.Fatal(err)
	}
	zw.Close()
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s (%d bytes)\n", *out, buf.Len())
	// Measuring only: nothing below feeds back into the model.
	for _, path := range strings.Split(*report, ",") {
		if path == "" {
			continue
		}
		var ps []pair
		readLines(path, func(b []byte) error {
			var p pair
			err := json.Unmarshal(b, &p)
			ps = append(ps, p)
			return err
		})
		gold := make([]int, len(ps))
		preds := make([]int, len(ps))
		for i, p := range ps {
			gold[i] = label[p.Stance]
			preds[i] = label[m.Predict(p.Claim, p.Text).Stance]
		}
		fmt.Printf("%s: %s\n", filepath.Base(path), conf(len(ps), gold, func(i int) int { return preds[i] }))
	}
}

type config struct {
	epochs     int
	l2, lr     float64
	disW, agrW float64
}

var cfg config

func allIdx(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// related keeps the related pairs of idx.
func related(idx, ys []int, label map[string]int) []int {
	var out []int
	for _, i := range idx {
		if ys[i] != label[stance.Unrelated] {
			out = append(out, i)
		}
	}
	return out
}

func classWeights(c config) []float64 { return []float64{c.agrW, c.disW, 1} }

func features(m *stance.Model, ps []pair) ([]stance.Vector, []bool) {
	xs := make([]stance.Vector, len(ps))
	deny := make([]bool, len(ps))
	done := make(chan struct{})
	const workers = 2
	for w := 0; w < workers; w++ {
		go func(w int) {
			for i := w; i < len(ps); i += workers {
				xs[i], _, deny[i] = m.Analyze(ps[i].Claim, ps[i].Text)
			}
			done <- struct{}{}
		}(w)
	}
	for w := 0; w < workers; w++ {
		<-done
	}
	return xs, deny
}

// denseScale is each feature's largest absolute training value, so that
// AdaGrad steps are comparable across features; hashed features are log
// counts and keep scale 1.
func denseScale(xs []stance.Vector) []float64 {
	s := make([]float64, stance.NumFeatures)
	for _, x := range xs {
		for _, f := range x {
			s[f.I] = math.Max(s[f.I], math.Abs(f.V))
		}
	}
	for j := range s {
		if s[j] == 0 || j >= stance.NumFeatures-(1<<14) {
			s[j] = 1
		}
	}
	return s
}

func scaled(xs []stance.Vector, s []float64) []stance.Vector {
	out := make([]stance.Vector, len(xs))
	for i, x := range xs {
		v := make(stance.Vector, len(x))
		for k, f := range x {
			v[k] = stance.Feature{I: f.I, V: f.V / s[f.I]}
		}
		out[i] = v
	}
	return out
}

func unscale(W [][]float64, s []float64) [][]float64 {
	for c := range W {
		for j := range W[c] {
			W[c][j] /= s[j]
		}
	}
	return W
}

func score(W [][]float64, x stance.Vector) []float64 {
	z := make([]float64, len(W))
	for c := range W {
		s := W[c][0]
		for _, f := range x {
			s += W[c][f.I] * f.V
		}
		z[c] = s
	}
	return z
}

// fit trains a multinomial logistic regression on the examples idx with
// AdaGrad (fixed seed) and returns the average of the weights over the
// second half of training, which is far steadier than the last iterate.
func fit(xs []stance.Vector, ys []int, ew []float64, idx []int, nc int, cw []float64, c config) [][]float64 {
	W := make([][]float64, nc)
	G := make([][]float64, nc)
	A := make([][]float64, nc)
	for k := range W {
		W[k] = make([]float64, stance.NumFeatures)
		G[k] = make([]float64, stance.NumFeatures)
		A[k] = make([]float64, stance.NumFeatures)
	}
	rng := rand.New(rand.NewSource(1))
	order := append([]int(nil), idx...)
	snaps := 0
	for ep := 0; ep < c.epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for n, i := range order {
			x := xs[i]
			y := ys[i]
			p := stance.Softmax(score(W, x))
			wt := ew[i]
			if cw != nil {
				wt *= cw[y]
			}
			for k := 0; k < nc; k++ {
				g := p[k]
				if k == y {
					g -= 1
				}
				g *= wt
				upd := func(j int, v float64) {
					gr := g*v + c.l2*W[k][j]
					G[k][j] += gr * gr
					W[k][j] -= c.lr * gr / (math.Sqrt(G[k][j]) + 1e-8)
				}
				upd(0, 1)
				for _, f := range x {
					upd(f.I, f.V)
				}
			}
			if 2*ep >= c.epochs && n%500 == 499 {
				snaps++
				for k := range A {
					for j, v := range W[k] {
						A[k][j] += v
					}
				}
			}
		}
	}
	if snaps == 0 {
		return W
	}
	for k := range A {
		for j := range A[k] {
			A[k][j] /= float64(snaps)
		}
	}
	return A
}

// decide mirrors stance.Model.Decide on 4-way probabilities p and related
// scores z (plus offsets).
func decide(p, z, off []float64, deny bool) int {
	best := 0
	for c := range p {
		if p[c] > p[best] {
			best = c
		}
	}
	if best == 3 {
		return 3
	}
	if z != nil {
		best = 0
		for c := range z {
			if z[c]+off[c] > z[best]+off[best] {
				best = c
			}
		}
	}
	if deny {
		return 1
	}
	return best
}

// tune picks offsets for the agree and disagree scores of the related
// model (discuss stays at 0) that maximise FNC score + macro-F1 + disagree
// F1 (counted twice, as the class a fact-checker most needs) on the
// cross-fitted train predictions.
func tune(p4, z3 [][]float64, deny []bool, ys []int, rule bool) []float64 {
	best, bestV := []float64{0, 0, 0}, -1.0
	for a := -1.5; a <= 1.51; a += 0.1 {
		for d := -1.5; d <= 2.01; d += 0.1 {
			off := []float64{a, d, 0}
			fnc, f1, cm := metrics(len(ys), ys, func(i int) int { return decide(p4[i], z3[i], off, deny[i] && rule) })
			if v := fnc/100 + f1 + classF1(cm, 1); v > bestV+1e-9 {
				best, bestV = off, v
			}
		}
	}
	return best
}

// metrics returns the FNC-1 weighted score (% of max), the macro-F1 and the
// confusion matrix.
func metrics(n int, gold []int, pred func(int) int) (float64, float64, [][]int) {
	score, max := 0.0, 0.0
	nc := len(stance.Classes)
	const unrelated = 3
	cm := make([][]int, nc)
	for i := range cm {
		cm[i] = make([]int, nc)
	}
	for i := 0; i < n; i++ {
		g, p := gold[i], pred(i)
		cm[g][p]++
		if g == unrelated {
			max += 0.25
		} else {
			max += 1
		}
		if (g == unrelated) == (p == unrelated) {
			score += 0.25
			if g != unrelated && g == p {
				score += 0.75
			}
		}
	}
	f1 := 0.0
	for c := 0; c < nc; c++ {
		f1 += classF1(cm, c)
	}
	return 100 * score / max, f1 / float64(nc), cm
}

func classF1(cm [][]int, c int) float64 {
	tp, fp, fn := cm[c][c], 0, 0
	for o := range cm {
		if o != c {
			fp += cm[o][c]
			fn += cm[c][o]
		}
	}
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	return 2 * p * r / (p + r)
}

func conf(n int, gold []int, pred func(int) int) string {
	fnc, f1, cm := metrics(n, gold, pred)
	s := fmt.Sprintf("FNC %.2f%% macro-F1 %.4f; F1", fnc, f1)
	for c, name := range stance.Classes {
		s += fmt.Sprintf(" %s %.3f", name, classF1(cm, c))
	}
	tot := 0
	for _, v := range cm[1] {
		tot += v
	}
	s += fmt.Sprintf("; disagree recall %.3f", float64(cm[1][1])/math.Max(1, float64(tot)))
	return s
}

func toF32(W [][]float64) [][]float32 {
	out := make([][]float32, len(W))
	for c := range W {
		out[c] = make([]float32, len(W[c]))
		for j, v := range W[c] {
			out[c][j] = float32(math.Round(v*1e5) / 1e5)
		}
	}
	return out
}

// simFeatures keeps the claim-body similarity and overlap features (dense
// features 1-8, 21-31 and 39-40: cosines, word and bigram overlap,
// lengths and similarity thresholds), which say whether a pair is related
// without the polarity cues.
func simFeatures(xs []stance.Vector) []stance.Vector {
	keep := func(i int) bool { return (i >= 1 && i <= 8) || (i >= 21 && i <= 31) || i == 39 || i == 40 }
	out := make([]stance.Vector, len(xs))
	for n, x := range xs {
		var v stance.Vector
		for _, f := range x {
			if keep(f.I) {
				v = append(v, f)
			}
		}
		out[n] = v
	}
	return out
}
