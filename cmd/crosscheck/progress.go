package main

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// isTerminal reports whether f is a terminal (progress bars and colour only then).
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// progress draws one bar per pipeline stage on stderr when it is a terminal,
// and nothing otherwise (quiet when piped).
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	stage string
	bar   *progressbar.ProgressBar
}

func newProgress(w io.Writer, quiet bool) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, on: !quiet && ok && isTerminal(f)}
}

// Update is a pipeline.Progress.
func (p *progress) Update(stage string, done, total int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if stage != p.stage || p.bar == nil {
		if p.bar != nil {
			_ = p.bar.Finish()
			p.w.Write([]byte("\n"))
		}
		max := total
		if max <= 0 {
			max = -1
		}
		p.bar = progressbar.NewOptions(max, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription(stage),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		p.stage = stage
	}
	_ = p.bar.Set(done)
}

// Finish clears the bar.
func (p *progress) Finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}

var _ pipeline.Progress = (*progress)(nil).Update

// ingestOptions builds reading options from the common flags.
func ingestOptions(date, outlet string, workers int) pipeline.IngestOptions {
	ro := ingest.DefaultOptions()
	ro.Outlet = outlet
	if date != "" {
		if t, _, err := ingest.ParseDate(date); err == nil {
			ro.Date = t
		}
	}
	if workers > 0 {
		ro.Concurrency = workers
	}
	return pipeline.IngestOptions{Read: ro}
}
