package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/internal/compare"
)

// writeMarkdown renders the same page as text, as Markdown for notes and tickets.
func writeMarkdown(w io.Writer, stories []*compare.Story, opt Options) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format+"\n", args...) }
	if len(stories) == 0 {
		p("_No stories: no articles were analysed._")
	}
	for i, s := range stories {
		if i > 0 {
			p("\n---\n")
		}
		p("# %s", md(s.Headline))
		p("")
		p("Story `%s` · %s · %s → %s", s.ID, plural(s.Counts.Articles, "article"), firstNonEmpty(s.First, "?"), firstNonEmpty(s.Last, "?"))
		if len(s.EventDates) > 0 || len(s.Places) > 0 {
			p("· events %s %s", strings.Join(s.EventDates, ", "), strings.Join(s.Places, ", "))
		}
		p("")
		p("**%d disputed · %d denied · %d corroborated · %d single-source · %d non-answers**",
			s.Counts.Disputed, s.Counts.Denied, s.Counts.Corroborated, s.Counts.SingleSource, s.Counts.NonAnswers)
		for _, n := range s.Notes {
			p("\n> note: %s", md(n))
		}
		p("\n## Articles\n")
		p("| ref | date | outlet | title or lead |")
		p("|---|---|---|---|")
		for _, a := range s.Articles {
			p("| %s | %s | %s | %s |", a.Ref, firstNonEmpty(a.Date, "undated"), md(outletName(a)), md(clipText(firstNonEmpty(a.Title, a.Lead), 120)))
			for _, c := range a.Copies {
				p("| ↳ copy | %s | %s | near-duplicate `%s`, not counted |", c.Date, md(firstNonEmpty(c.Outlet, "?")), c.ID)
			}
		}
		sections := []struct {
			title    string
			statuses []string
		}{
			{"Disputed and denied", []string{compare.Disputed, compare.Denied}},
			{"Corroborated", []string{compare.Corroborated}},
			{"Single source and unconfirmed", []string{compare.SingleSource, compare.Unconfirmed}},
		}
		for _, sec := range sections {
			var fs []compare.Finding
			for _, f := range s.Findings {
				for _, st := range sec.statuses {
					if f.Status == st {
						fs = append(fs, f)
					}
				}
			}
			if len(fs) == 0 {
				continue
			}
			p("\n## %s\n", sec.title)
			for i, f := range fs {
				if sec.title == "Single source and unconfirmed" && i == opt.MaxSingle {
					p("- … %d more (see the JSON report)", len(fs)-i)
					break
				}
				status := statusTitle[f.Status]
				if f.Disagreement != "" {
					status += " on " + f.Disagreement
				}
				p("- **%s %s** _%s_ — %s", f.ID, md(f.Question), status, md(quote(f.Summary)))
				for _, sd := range f.Sides {
					p("  - **%s** (%s)", md(sd.Position), plural(sd.Chains, "independent chain"))
					for _, ev := range sd.Evidence {
						p("    - %s: %s", md(sourceLine(ev)), md(quote(ev.Text)))
					}
				}
			}
		}
		if len(s.NonAnswers) > 0 {
			p("\n## Non-answers\n")
			for _, na := range s.NonAnswers {
				about := ""
				if na.About != "" {
					about = " (on " + na.About + ")"
				}
				p("- %s %s%s %s: %s", md(firstNonEmpty(na.Who, "someone")), kindTitle[na.Kind], about, cite(na.Evidence), md(quote(na.Evidence.SentenceText)))
			}
		}
		if len(s.Chains) > 0 {
			p("\n## Sources and their independence\n")
			p("| chain | articles | findings |")
			p("|---|---|---|")
			for _, c := range s.Chains {
				p("| %s | %s | %s |", md(c.Label), strings.Join(c.Articles, ", "), strings.Join(c.Findings, ", "))
			}
		}
		p("\n## Timeline\n")
		for _, e := range s.Timeline.Events {
			p("- event %s — %s %s (%s)", e.Date, e.Finding, md(clipText(e.Text, 120)), e.Status)
		}
		for _, e := range s.Timeline.Reports {
			p("- report %s — %s: %s", firstNonEmpty(e.Date, "undated"), md(e.Who), md(clipText(e.Text, 120)))
		}
		if len(s.Background) > 0 {
			p("\n## Background\n")
			for _, f := range s.Background {
				p("- %s %s (in %s)", f.ID, md(quote(f.Summary)), strings.Join(f.Articles, ", "))
			}
		}
	}
	return b.Flush()
}

// md escapes Markdown control characters in text taken from articles.
func md(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "|", "\\|", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]", "<", "&lt;", ">", "&gt;", "\n", " ")
	return r.Replace(s)
}
