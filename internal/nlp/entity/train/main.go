// Command train fits the entity sequence model on CoNLL-2003 train and
// writes the quantised weights for embedding:
//
//	go run ./internal/nlp/entity/train -data ../shared/eval/ner -out internal/nlp/entity/model.bin.gz
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
	Tokens []string `json:"tokens"`
	Tags   []string `json:"tags"`
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
	return out
}

func main() {
	data := flag.String("data", "../shared/eval/ner", "folder with conll2003_train.jsonl and conll2003_dev.jsonl")
	out := flag.String("out", "internal/nlp/entity/model.bin.gz", "model file")
	epochs := flag.Int("epochs", 8, "epochs")
	flag.Parse()
	train := load(filepath.Join(*data, "conll2003_train.jsonl"))
	dev := load(filepath.Join(*data, "conll2003_dev.jsonl"))
	log.Printf("train %d sentences, dev %d", len(train), len(dev))
	nl := len(entity.Labels)
	idx := map[string]int{}
	for i, l := range entity.Labels {
		idx[l] = i
	}
	w := make([]float32, entity.Buckets*nl)
	acc := make([]float32, entity.Buckets*nl) // sum of updates weighted by time, for averaging
	var c float32 = 1
	rng := rand.New(rand.NewSource(1))
	order := rng.Perm(len(train))
	var buf []int
	scores := make([]float32, nl)
	for ep := 0; ep < *epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			s := train[si]
			caps := capsSent(s.Tokens)
			pred := make([]string, len(s.Tokens))
			for i := range s.Tokens {
				// Train on the gold history (teacher forcing).
				prev, prev2 := "<s>", "<s>"
				if i > 0 {
					prev = s.Tags[i-1]
				}
				if i > 1 {
					prev2 = s.Tags[i-2]
				}
				buf = entity.Features(s.Tokens, i, prev, prev2, caps, buf)
				for l := range scores {
					scores[l] = 0
				}
				for _, f := range buf {
					for l := 0; l < nl; l++ {
						scores[l] += w[f*nl+l]
					}
				}
				best := 0
				for l := range scores {
					if scores[l] > scores[best] {
						best = l
					}
				}
				pred[i] = entity.Labels[best]
				gold := idx[s.Tags[i]]
				if best != gold {
					errs++
					for _, f := range buf {
						w[f*nl+gold]++
						w[f*nl+best]--
						acc[f*nl+gold] += c
						acc[f*nl+best] -= c
					}
				}
				c++
			}
		}
		avg := make([]float32, len(w))
		for i := range w {
			avg[i] = w[i] - acc[i]/c
		}
		p, r, f1 := score(&entity.Model{W: avg}, dev)
		log.Printf("epoch %d: %d token errors; dev P %.2f R %.2f F1 %.2f", ep+1, errs, p, r, f1)
		if ep == *epochs-1 {
			fo, err := os.Create(*out)
			if err != nil {
				log.Fatal(err)
			}
			if err := entity.EncodeModel(fo, avg); err != nil {
				log.Fatal(err)
			}
			fo.Close()
			m, err := entity.LoadModelFile(*out)
			if err != nil {
				log.Fatal(err)
			}
			p, r, f1 := score(m, dev)
			fmt.Printf("wrote %s; dev (quantised) P %.2f R %.2f F1 %.2f\n", *out, p, r, f1)
		}
	}
}

func capsSent(ws []string) bool {
	up, letters := 0, 0
	for _, w := range ws {
		for _, r := range w {
			if r >= 'A' && r <= 'Z' {
				up++
				letters++
			} else if r >= 'a' && r <= 'z' {
				letters++
			}
		}
	}
	return letters >= 8 && up*10 >= letters*8
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
	tp, np, ng := 0, 0, 0
	for _, s := range dev {
		g := spans(s.Tags)
		p := spans(m.Decode(s.Tokens))
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
