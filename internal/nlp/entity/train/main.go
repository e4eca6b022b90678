// Command train fits the entity sequence model on CoNLL-2003 train and
// writes the quantised weights for embedding:
//
//	go run ./internal/nlp/entity/train -data ../shared/eval/ner
//
// It is an averaged perceptron (greedy decoding with the previous two
// labels as features), trained for a fixed number of epochs over the
// sentences in a fixed shuffled order (seed 1), so retraining reproduces the
// file. It prints entity-level P/R/F1 on conll2003_dev after each epoch.
// The CoNLL-2003 data (Reuters RCV1) is not redistributed; only weights are.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/internal/nlp/entity"
)

type sent struct {
	Doc    int      `json:"doc"`
	Tokens []string `json:"tokens"`
	Tags   []string `json:"tags"`
	ctx    *entity.Doc
}

func load(path string) []sent {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var out []sent
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var s sent
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			log.Fatal(err)
		}
		if len(s.Tokens) > 0 && s.Tokens[0] != "-DOCSTART-" {
			out = append(out, s)
		}
	}
	// Each sentence carries its document's context, as at tagging time.
	for i := 0; i < len(out); {
		j := i
		var ws [][]string
		for j < len(out) && out[j].Doc == out[i].Doc {
			ws = append(ws, out[j].Tokens)
			j++
		}
		ctx := entity.NewDoc(ws)
		if *noDoc {
			ctx = nil
		}
		for k := i; k < j; k++ {
			out[k].ctx = ctx
		}
		i = j
	}
	return out
}

var (
	noDoc   = flag.Bool("nodoc", false, "train without document context features")
	epochs  = flag.Int("epochs", 12, "epochs per model")
	buckets = flag.Int("buckets", entity.DefaultBuckets, "hashed feature buckets")
	folds   = flag.Int("folds", 4, "jackknife folds for the training set's prediction history")
)

func main() {
	data := flag.String("data", "../shared/eval/ner", "folder with conll2003_train.jsonl and conll2003_dev.jsonl")
	dir := flag.String("dir", "internal/nlp/entity", "where to write model1.bin.gz (first pass) and model.bin.gz (second pass)")
	passes := flag.Int("passes", 2, "1: one model; 2: a second pass reading the first pass's document history")
	flag.Parse()
	train := load(filepath.Join(*data, "conll2003_train.jsonl"))
	dev := load(filepath.Join(*data, "conll2003_dev.jsonl"))
	log.Printf("train %d sentences, dev %d", len(train), len(dev))

	first := fit(train, dev, "first pass")
	if *passes == 1 {
		write(filepath.Join(*dir, "model.bin.gz"), first)
		os.WriteFile(filepath.Join(*dir, "model1.bin.gz"), nil, 0o644)
		return
	}
	write(filepath.Join(*dir, "model1.bin.gz"), first)
	// The second pass must learn from first-pass labels as noisy as at
	// tagging time, so each training document's history comes from a
	// first-pass model that did not see it (jackknife over documents).
	hist := make([][]string, len(train))
	for k := 0; k < *folds; k++ {
		var rest []sent
		for _, s := range train {
			if s.Doc%*folds != k {
				rest = append(rest, s)
			}
		}
		m := entity.NewModel(fit(rest, nil, fmt.Sprintf("fold %d/%d", k+1, *folds)))
		for i, s := range train {
			if s.Doc%*folds == k {
				hist[i] = m.DecodeIn(s.Tokens, s.ctx)
			}
		}
	}
	setHistory(train, hist)
	m1 := entity.NewModel(first)
	dh := make([][]string, len(dev))
	for i, s := range dev {
		dh[i] = m1.DecodeIn(s.Tokens, s.ctx)
	}
	setHistory(dev, dh)
	second := fit(train, dev, "second pass")
	write(filepath.Join(*dir, "model.bin.gz"), second)

	// Check the files as shipped: quantised, two passes, whole documents.
	final, err := entity.LoadModelFile(filepath.Join(*dir, "model.bin.gz"))
	if err != nil {
		log.Fatal(err)
	}
	if final.First, err = entity.LoadModelFile(filepath.Join(*dir, "model1.bin.gz")); err != nil {
		log.Fatal(err)
	}
	dev = load(filepath.Join(*data, "conll2003_dev.jsonl"))
	var pred []sent
	for i := 0; i < len(dev); {
		j := i
		var ws [][]string
		for j < len(dev) && dev[j].Doc == dev[i].Doc {
			ws = append(ws, dev[j].Tokens)
			j++
		}
		for k, tags := range final.DecodeDoc(ws) {
			pred = append(pred, sent{Tokens: dev[i+k].Tokens, Tags: tags})
		}
		i = j
	}
	p, r, f1 := scoreTags(dev, pred)
	fmt.Printf("wrote %s; dev (as shipped) P %.2f R %.2f F1 %.2f\n", *dir, p, r, f1)
}

// setHistory gives each document's context the first-pass labels of its sentences.
func setHistory(ss []sent, labels [][]string) {
	for i := 0; i < len(ss); {
		j := i
		var ws, ls [][]string
		for j < len(ss) && ss[j].Doc == ss[i].Doc {
			ws, ls = append(ws, ss[j].Tokens), append(ls, labels[j])
			j++
		}
		if ss[i].ctx != nil {
			ss[i].ctx.SetHistory(ws, ls)
		}
		i = j
	}
}

func write(path string, w []float32) {
	fo, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := entity.EncodeModel(fo, w); err != nil {
		log.Fatal(err)
	}
	if err := fo.Close(); err != nil {
		log.Fatal(err)
	}
}

// fit trains an averaged perceptron (greedy, teacher-forced label history)
// on train and returns the averaged weights; dev, if given, is scored after
// each epoch.
func fit(train, dev []sent, name string) []float32 {
	nl := len(entity.Labels)
	idx := map[string]int{}
	for i, l := range entity.Labels {
		idx[l] = i
	}
	w := make([]float32, *buckets*nl)
	acc := make([]float32, *buckets*nl) // sum of updates weighted by time, for averaging
	cur := entity.NewModel(w)
	var c float32 = 1
	rng := rand.New(rand.NewSource(1))
	order := rng.Perm(len(train))
	var fz entity.Featurizer
	scores := make([]float32, nl)
	prepared := make([]*entity.Sentence, len(train))
	for i, s := range train {
		prepared[i] = entity.NewSentence(s.Tokens)
	}
	avg := make([]float32, len(w))
	for ep := 0; ep < *epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			s := train[si]
			ps := prepared[si]
			for i := range s.Tokens {
				prev, prev2 := "<s>", "<s>"
				if i > 0 {
					prev = s.Tags[i-1]
				}
				if i > 1 {
					prev2 = s.Tags[i-2]
				}
				buf := fz.Features(ps, i, prev, prev2, s.ctx)
				cur.Score(buf, scores)
				best := 0
				for l := range scores {
					if scores[l] > scores[best] {
						best = l
					}
				}
				if gold := idx[s.Tags[i]]; best != gold {
					errs++
					for _, h := range buf {
						f := int(h % uint64(*buckets))
						w[f*nl+gold]++
						w[f*nl+best]--
						acc[f*nl+gold] += c
						acc[f*nl+best] -= c
					}
				}
				c++
			}
		}
		for i := range w {
			avg[i] = w[i] - acc[i]/c
		}
		if dev != nil {
			p, r, f1 := score(entity.NewModel(avg), dev)
			log.Printf("%s epoch %d: %d token errors; dev P %.2f R %.2f F1 %.2f", name, ep+1, errs, p, r, f1)
		}
	}
	return avg
}

type span struct {
	s, e int
	t    string
}

func spans(tags []string) map[span]bool {
	out := map[span]bool{}
	start, typ := -1, ""
	flush := func(i int) {
		if start >= 0 {
			out[span{start, i, typ}] = true
		}
		start, typ = -1, ""
	}
	for i, t := range tags {
		switch {
		case t == "O":
			flush(i)
		case t[:2] == "B-" || typ != t[2:]:
			flush(i)
			start, typ = i, t[2:]
		}
	}
	flush(len(tags))
	return out
}

func score(m *entity.Model, dev []sent) (float64, float64, float64) {
	pred := make([]sent, len(dev))
	for i, s := range dev {
		pred[i] = sent{Tags: m.DecodeIn(s.Tokens, s.ctx)}
	}
	return scoreTags(dev, pred)
}

func scoreTags(dev, pred []sent) (float64, float64, float64) {
	tp, np, ng := 0, 0, 0
	for i, s := range dev {
		g := spans(s.Tags)
		p := spans(pred[i].Tags)
		for k := range p {
			if g[k] {
				tp++
			}
		}
		np += len(p)
		ng += len(g)
	}
	P := 100 * float64(tp) / float64(max(np, 1))
	R := 100 * float64(tp) / float64(max(ng, 1))
	return P, R, 2 * P * R / max(P+R, 1e-9)
}
