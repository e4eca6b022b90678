// Package jsonl runs a function over JSON Lines records in parallel while
// keeping output in input order. The annotate, stance and cluster commands
// and the JSONL article reader share it.
package jsonl

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// MaxLine is the longest JSONL record accepted (64 MiB).
const MaxLine = 64 << 20

// Scanner returns a line scanner over r that accepts records up to MaxLine.
func Scanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), MaxLine)
	return sc
}

// Map reads lines from r, calls fn on each (with its 1-based line number) on
// up to workers goroutines, and writes each non-nil result to w as one JSON
// line, in input order. Blank lines are skipped. fn's error for one line is
// reported through onErr (which may be nil) and does not stop the others.
func Map(ctx context.Context, r io.Reader, w io.Writer, workers int, fn func(line int, raw []byte) (any, error), onErr func(line int, err error)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		line int
		raw  []byte
		out  chan result
	}
	jobs := make(chan job, workers*4)
	order := make(chan job, workers*4)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				v, err := fn(j.line, j.raw)
				j.out <- result{v, err}
			}
		}()
	}
	var readErr error
	go func() {
		defer close(jobs)
		defer close(order)
		sc := Scanner(r)
		line := 0
		for sc.Scan() {
			line++
			if ctx.Err() != nil {
				return
			}
			b := sc.Bytes()
			if len(trimSpace(b)) == 0 {
				continue
			}
			j := job{line: line, raw: append([]byte(nil), b...), out: make(chan result, 1)}
			order <- j
			jobs <- j
		}
		if err := sc.Err(); err != nil {
			readErr = fmt.Errorf("line %d: %w", line+1, err)
		}
	}()
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	var writeErr error
	for j := range order {
		res := <-j.out
		if res.err != nil {
			if onErr != nil {
				onErr(j.line, res.err)
			}
			continue
		}
		if res.v == nil || writeErr != nil {
			continue
		}
		writeErr = enc.Encode(res.v)
	}
	wg.Wait()
	if err := bw.Flush(); err != nil && writeErr == nil {
		writeErr = err
	}
	if readErr != nil {
		return readErr
	}
	if writeErr != nil {
		return fmt.Errorf("write: %w", writeErr)
	}
	return ctx.Err()
}

type result struct {
	v   any
	err error
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
