// Command train fits the stance model on the FNC-1 training split and
// writes it (gzip'd JSON) for embedding:
//
//	go run ./internal/nlp/stance/train -data ../shared/eval/stance -out internal/nlp/stance/model.json.gz
//
// It computes IDF over the training bodies and claims, extracts the
// package's features for every pair, trains a multinomial logistic
// regression with AdaGrad (fixed seed, so the output is reproducible) and
// prints the FNC-1 score and macro-F1 on fnc1_dev.jsonl.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
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
	epochs := flag.Int("epochs", 12, "training epochs")
	l2 := flag.Float64("l2", 1e-6, "L2 regularisation")
	disW := flag.Float64("disagree-weight", 1, "loss weight of disagree examples (the rarest class, and the one a fact-checker most needs)")
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
	var dev []pair
	readLines(filepath.Join(*data, "fnc1_dev.jsonl"), func(b []byte) error {
		var p pair
		err := json.Unmarshal(b, &p)
		dev = append(dev, p)
		return err
	})
	log.Printf("train %d pairs, %d bodies; dev %d pairs", len(train), len(bodies), len(dev))

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
	label := map[string]int{}
	for i, c := range stance.Classes {
		label[c] = i
	}
	feats := func(ps []pair) []stance.Vector {
		xs := make([]stance.Vector, len(ps))
		done := make(chan struct{})
		const workers = 2
		for w := 0; w < workers; w++ {
			go func(w int) {
				for i := w; i < len(ps); i += workers {
					xs[i], _ = m.Features(ps[i].Claim, ps[i].Text)
				}
				done <- struct{}{}
			}(w)
		}
		for w := 0; w < workers; w++ {
			<-done
		}
		return xs
	}
	xtr, xdv := feats(train), feats(dev)
	log.Printf("features done")

	// Standardise dense features by their training maximum so AdaGrad steps are comparable.
	nc := len(stance.Classes)
	W := make([][]float64, nc)
	G := make([][]float64, nc)
	for c := range W {
		W[c] = make([]float64, stance.NumFeatures)
		G[c] = make([]float64, stance.NumFeatures)
	}
	rng := rand.New(rand.NewSource(1))
	order := rng.Perm(len(train))
	lr := 0.5
	for ep := 0; ep < *epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		loss := 0.0
		for _, i := range order {
			x := xtr[i]
			y := label[train[i].Stance]
			z := make([]float64, nc)
			for c := 0; c < nc; c++ {
				s := W[c][0]
				for _, f := range x {
					s += W[c][f.I] * f.V
				}
				z[c] = s
			}
			p := stance.Softmax(z)
			loss -= math.Log(math.Max(p[y], 1e-12))
			wt := 1.0
			if stance.Classes[y] == stance.Disagree {
				wt = *disW
			}
			for c := 0; c < nc; c++ {
				g := p[c]
				if c == y {
					g -= 1
				}
				g *= wt
				upd := func(j int, v float64) {
					gr := g*v + *l2*W[c][j]
					G[c][j] += gr * gr
					W[c][j] -= lr * gr / (math.Sqrt(G[c][j]) + 1e-8)
				}
				upd(0, 1)
				for _, f := range x {
					upd(f.I, f.V)
				}
			}
		}
		m.Weights = toF32(W)
		fnc, f1 := evaluate(m, xdv, dev, label)
		log.Printf("epoch %d: train loss %.4f; dev FNC %.2f%% macro-F1 %.4f", ep+1, loss/float64(len(train)), fnc, f1)
	}
	m.Weights = toF32(W)
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
	fnc, f1 := evaluate(m, xdv, dev, label)
	fmt.Printf("wrote %s (%d bytes); FNC-1 dev: FNC score %.2f%%, macro-F1 %.4f\n", *out, buf.Len(), fnc, f1)
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

// evaluate returns the FNC-1 weighted score (% of max) and the macro-F1.
func evaluate(m *stance.Model, xs []stance.Vector, ps []pair, label map[string]int) (float64, float64) {
	score, max := 0.0, 0.0
	nc := len(stance.Classes)
	conf := make([][]int, nc)
	for i := range conf {
		conf[i] = make([]int, nc)
	}
	unrelated := label[stance.Unrelated]
	for i, x := range xs {
		p := m.Probs(x)
		pred := 0
		for c := range p {
			if p[c] > p[pred] {
				pred = c
			}
		}
		gold := label[ps[i].Stance]
		conf[gold][pred]++
		if gold == unrelated {
			max += 0.25
		} else {
			max += 1
		}
		if (gold == unrelated) == (pred == unrelated) {
			score += 0.25
			if gold != unrelated && gold == pred {
				score += 0.75
			}
		}
	}
	f1 := 0.0
	for c := 0; c < nc; c++ {
		tp, fp, fn := 0, 0, 0
		for o := 0; o < nc; o++ {
			if o == c {
				tp = conf[c][c]
				continue
			}
			fp += conf[o][c]
			fn += conf[c][o]
		}
		if tp > 0 {
			p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
			f1 += 2 * p * r / (p + r)
		}
	}
	return 100 * score / max, f1 / float64(nc)
}
