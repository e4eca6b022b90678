// Command train learns attrib's cue lexicon from PolNeAR training data.
//
// For every lower-cased word it counts how often the word lies inside a gold
// cue span and how often it occurs at all, and writes the words that are cues
// often enough as "word<TAB>cue count<TAB>total count" lines, sorted by word,
// to internal/nlp/attrib/cues.tsv (embedded by the attrib package). It then
// fits attrib's contextual cue model (attrib.TrainCues) and writes it to
// internal/nlp/attrib/cuemodel.bin.gz.
//
// Retrain with:
//
//	go run ./internal/nlp/attrib/train -stage cues   # cues.tsv and cuemodel.bin.gz
//	go run ./internal/nlp/attrib/train -stage stmt   # stmtmodel.bin.gz, built on the new cue model
//
// (-data defaults to ../shared/eval/attribution/polnear_train.jsonl, run from the repository root.)
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
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp/attrib"
)

type record struct {
	Text         string `json:"text"`
	Attributions []struct {
		Source  [][2]int `json:"source"`
		Cue     [][2]int `json:"cue"`
		Content [][2]int `json:"content"`
	} `json:"attributions"`
}

func main() {
	data := flag.String("data", "../shared/eval/attribution/polnear_train.jsonl", "PolNeAR training JSONL")
	out := flag.String("out", "internal/nlp/attrib/cues.tsv", "output lexicon")
	minCue := flag.Int("min", 3, "minimum number of cue occurrences")
	minRatio := flag.Float64("ratio", 0.05, "minimum share of occurrences that are cues")
	modelOut := flag.String("model", "internal/nlp/attrib/cuemodel.bin.gz", "output cue model")
	stmtOut := flag.String("stmt", "internal/nlp/attrib/stmtmodel.bin.gz", "output statement model")
	epochs := flag.Int("epochs", 0, "training epochs (0: 8 for the cue model, 4 for the statement model)")
	stage := flag.String("stage", "cues", "what to train: cues (lexicon and cue model) or stmt (statement model; run after cues, so it is compiled with the new cue model)")
	flag.Parse()
	if *stage == "stmt" {
		*out, *modelOut = "", ""
		if *epochs == 0 {
			*epochs = 4
		}
	} else {
		*stmtOut = ""
		if *epochs == 0 {
			*epochs = 8 // 4 under-fits the cue model (train and dev F1 both rise at 8)
		}
	}
	if err := run(*data, *out, *modelOut, *stmtOut, *minCue, *minRatio, *epochs); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(data, out, modelOut, stmtOut string, minCue int, minRatio float64, epochs int) error {
	f, err := os.Open(data)
	if err != nil {
		return fmt.Errorf("train: open data: %w", err)
	}
	defer f.Close()
	var docs []attrib.TrainDoc
	var fdocs []attrib.FilterDoc
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
		// Character offsets to byte offsets.
		byteAt := make([]int, len(runes)+1)
		for i, b := 0, 0; i < len(runes); i++ {
			byteAt[i] = b
			b += utf8.RuneLen(runes[i])
			byteAt[i+1] = b
		}
		td := attrib.TrainDoc{Text: r.Text}
		for _, a := range r.Attributions {
			for _, sp := range a.Cue {
				if 0 <= sp[0] && sp[0] < sp[1] && sp[1] <= len(runes) {
					td.Cues = append(td.Cues, news.Span{Start: byteAt[sp[0]], End: byteAt[sp[1]]})
				}
			}
		}
		docs = append(docs, td)
		fd := attrib.FilterDoc{Text: r.Text}
		conv := func(sps [][2]int) []news.Span {
			var out []news.Span
			for _, sp := range sps {
				if 0 <= sp[0] && sp[0] < sp[1] && sp[1] <= len(runes) {
					out = append(out, news.Span{Start: byteAt[sp[0]], End: byteAt[sp[1]]})
				}
			}
			return out
		}
		for _, a := range r.Attributions {
			fd.Attributions = append(fd.Attributions, attrib.GoldAttribution{Source: conv(a.Source), Cue: conv(a.Cue), Content: conv(a.Content)})
		}
		fdocs = append(fdocs, fd)
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
	if out == "" {
		return trainFilter(fdocs, stmtOut, epochs)
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
	gz, err := attrib.TrainCues(docs, epochs, 0.2)
	if err != nil {
		return err
	}
	if err := os.WriteFile(modelOut, gz, 0o644); err != nil {
		return fmt.Errorf("train: write model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "train: cue model (%d bytes) written to %s\n", len(gz), modelOut)
	if stmtOut == "" {
		return nil
	}
	return nil
}

// trainFilter fits the statement model on the candidates of the embedded
// lexicon and cue model and writes it to stmtOut.
func trainFilter(docs []attrib.FilterDoc, stmtOut string, epochs int) error {
	gz, err := attrib.TrainFilter(docs, epochs, 0.05)
	if err != nil {
		return err
	}
	if err := os.WriteFile(stmtOut, gz, 0o644); err != nil {
		return fmt.Errorf("train: write statement model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "train: statement model (%d bytes) written to %s\n", len(gz), stmtOut)
	return nil
}
