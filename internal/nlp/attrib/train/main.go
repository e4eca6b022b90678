// Command train learns attrib's cue lexicon from PolNeAR training data.
//
// For every lower-cased word it counts how often the word lies inside a gold
// cue span and how often it occurs at all, and writes the words that are cues
// often enough as "word<TAB>cue count<TAB>total count" lines, sorted by word,
// to internal/nlp/attrib/cues.tsv (embedded by the attrib package).
//
// Retrain with:
//
//	go run ./internal/nlp/attrib/train -data ../shared/eval/attribution/polnear_train.jsonl \
//	    -out internal/nlp/attrib/cues.tsv
//
// The data (PolNeAR, networkdynamics/PolNeAR @ c3eee83, research use only) is
// read from the evaluation kit and never copied into the repository; only the
// word counts are.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
)

type record struct {
	Text         string `json:"text"`
	Attributions []struct {
		Cue [][2]int `json:"cue"`
	} `json:"attributions"`
}

func main() {
	data := flag.String("data", "../shared/eval/attribution/polnear_train.jsonl", "PolNeAR training JSONL")
	out := flag.String("out", "internal/nlp/attrib/cues.tsv", "output lexicon")
	minCue := flag.Int("min", 3, "minimum number of cue occurrences")
	minRatio := flag.Float64("ratio", 0.25, "minimum share of occurrences that are cues")
	flag.Parse()
	if err := run(*data, *out, *minCue, *minRatio); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(data, out string, minCue int, minRatio float64) error {
	f, err := os.Open(data)
	if err != nil {
		return fmt.Errorf("train: open data: %w", err)
	}
	defer f.Close()
	cue := map[string]int{}
	tot := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("train: parse record: %w", err)
		}
		runes := []rune(r.Text)
		mark := make([]bool, len(runes))
		for _, a := range r.Attributions {
			for _, sp := range a.Cue {
				for i := max(sp[0], 0); i < sp[1] && i < len(runes); i++ {
					mark[i] = true
				}
			}
		}
		for i := 0; i < len(runes); {
			if !unicode.IsLetter(runes[i]) {
				i++
				continue
			}
			j := i
			for j < len(runes) && unicode.IsLetter(runes[j]) {
				j++
			}
			w := strings.ToLower(string(runes[i:j]))
			tot[w]++
			if mark[i] {
				cue[w]++
			}
			i = j
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("train: read data: %w", err)
	}
	var words []string
	for w, c := range cue {
		if c >= minCue && float64(c)/float64(tot[w]) >= minRatio {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	var b strings.Builder
	for _, w := range words {
		fmt.Fprintf(&b, "%s\t%d\t%d\n", w, cue[w], tot[w])
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("train: write lexicon: %w", err)
	}
	fmt.Fprintf(os.Stderr, "train: %d cue words written to %s\n", len(words), out)
	return nil
}
