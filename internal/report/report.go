// Package report renders reconciled stories for people and machines: text
// for a terminal, Markdown, one self-contained HTML file, and JSON (the
// machine-readable twin of the others, schema in docs/report-schema.md).
//
// Every renderer reads the same compare.Story and is deterministic: the same
// stories give the same bytes.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/compare"
)

// Schema names the JSON document format; bump on incompatible changes.
const Schema = "crosscheck.report/v1"

// Formats lists the accepted --format values.
var Formats = []string{"text", "markdown", "json", "html"}

// Document is the JSON report: the stories in display order.
type Document struct {
	Schema  string           `json:"schema"`
	Stories []*compare.Story `json:"stories"`
}

// Options tune rendering.
type Options struct {
	// MaxSingle caps single-source findings listed per story in text and
	// Markdown (0: 12). JSON and HTML list them all.
	MaxSingle int
	// Color enables ANSI colour in text output (only on terminals).
	Color bool
}

// Write renders stories in format to w.
func Write(w io.Writer, format string, stories []*compare.Story, opt Options) error {
	if opt.MaxSingle == 0 {
		opt.MaxSingle = 12
	}
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if stories == nil {
			stories = []*compare.Story{}
		}
		return enc.Encode(Document{Schema: Schema, Stories: stories})
	case "text", "":
		return writeText(w, stories, opt)
	case "markdown", "md":
		return writeMarkdown(w, stories, opt)
	case "html":
		return writeHTML(w, stories)
	}
	return fmt.Errorf("report: unknown format %q (expected one of %s)", format, strings.Join(Formats, ", "))
}

// Order sorts stories for display: most articles first, then latest activity, then ID.
func Order(stories []*compare.Story) {
	sort.SliceStable(stories, func(i, j int) bool {
		a, b := stories[i], stories[j]
		if a.Counts.Articles != b.Counts.Articles {
			return a.Counts.Articles > b.Counts.Articles
		}
		if a.Last != b.Last {
			return a.Last > b.Last
		}
		return a.ID < b.ID
	})
}

// sourceLine describes one piece of evidence: "two Iranian officials via
// The New York Times [A¶1]".
func sourceLine(ev compare.Evidence) string {
	var b strings.Builder
	switch {
	case ev.Source != "":
		b.WriteString(ev.Source)
	case ev.Stance == "article":
		if ev.Outlet != "" {
			b.WriteString(ev.Outlet)
		} else {
			b.WriteString("article " + ev.Article)
		}
		b.WriteString(" (own voice)")
	default:
		b.WriteString("unattributed")
	}
	if len(ev.Via) > 0 {
		b.WriteString(" via ")
		b.WriteString(strings.Join(ev.Via, " via "))
	}
	if ev.ReportedOn != "" {
		b.WriteString(", " + ev.ReportedOn)
	}
	if ev.Hedged {
		b.WriteString(", hedged")
	}
	b.WriteString(" " + cite(ev))
	return b.String()
}

// cite is the compact reference to an evidence sentence: [A s3] is article
// A, sentence 3 (1-based, as a person counts).
func cite(ev compare.Evidence) string {
	return fmt.Sprintf("[%s s%d]", ev.Article, ev.Sentence+1)
}

var statusTitle = map[string]string{
	compare.Disputed:     "DISPUTED",
	compare.Denied:       "DENIED",
	compare.Corroborated: "CORROBORATED",
	compare.Unconfirmed:  "UNCONFIRMED",
	compare.SingleSource: "SINGLE SOURCE",
}

var kindTitle = map[string]string{
	"decline":     "declined to comment",
	"no_response": "did not respond",
	"neither":     "neither confirmed nor denied",
}

func outletName(a compare.Article) string {
	switch {
	case a.Outlet == "":
		return "outlet unknown"
	case a.OutletGuessed:
		return a.Outlet + " (guessed from text)"
	}
	return a.Outlet
}
