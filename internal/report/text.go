package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/internal/compare"
)

// writeText renders the terminal page: headline, outlets and dates, disputes
// and denials first, then corroborated and single-source claims, the
// non-answers, the sources' independence, the timeline and the background.
func writeText(w io.Writer, stories []*compare.Story, opt Options) error {
	bw := bufio.NewWriter(w)
	t := &textWriter{w: bw, color: opt.Color}
	if len(stories) == 0 {
		t.line("No stories: no articles were analysed.")
	}
	for i, s := range stories {
		if i > 0 {
			t.line("")
		}
		t.story(s, opt)
	}
	return bw.Flush()
}

type textWriter struct {
	w     *bufio.Writer
	color bool
}

func (t *textWriter) line(format string, args ...any) {
	if len(args) == 0 {
		t.w.WriteString(format)
	} else {
		fmt.Fprintf(t.w, format, args...)
	}
	t.w.WriteByte('\n')
}

func (t *textWriter) style(code, s string) string {
	if !t.color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (t *textWriter) heading(s string) {
	t.line("")
	t.line("%s", t.style("1", s))
}

func quote(s string) string { return "“" + clipText(s, 180) + "”" }

func clipText(s string, n int) string { return compare.Clip(s, n) }

func (t *textWriter) story(s *compare.Story, opt Options) {
	rule := strings.Repeat("═", 72)
	t.line("%s", t.style("1", rule))
	t.line("%s", t.style("1", "STORY "+s.ID))
	t.line("%s", t.style("1", clipText(s.Headline, 200)))
	meta := []string{plural(s.Counts.Articles, "article"), plural(s.Counts.Outlets, "known outlet")}
	if s.Counts.Copies > 0 {
		meta = append(meta, plural(s.Counts.Copies, "syndicated copy")+" (not counted)")
	}
	switch {
	case s.First != "" && s.First != s.Last:
		meta = append(meta, s.First+" → "+s.Last)
	case s.First != "":
		meta = append(meta, s.First)
	}
	if len(s.EventDates) > 0 {
		meta = append(meta, "events "+strings.Join(s.EventDates, ", "))
	}
	if len(s.Places) > 0 {
		meta = append(meta, "in "+strings.Join(s.Places, ", "))
	}
	t.line("%s", strings.Join(meta, " · "))
	t.line("%s", fmt.Sprintf("%d disputed · %d denied · %d corroborated · %d single-source · %d non-answers",
		s.Counts.Disputed, s.Counts.Denied, s.Counts.Corroborated, s.Counts.SingleSource, s.Counts.NonAnswers))
	for _, n := range s.Notes {
		t.line("note: %s", n)
	}

	t.heading("Articles")
	for _, a := range s.Articles {
		date := a.Date
		if date == "" {
			date = "undated   "
		} else if a.Undated {
			date += "*"
		}
		t.line("  %-2s %-11s %-28s %s", a.Ref, date, clipText(outletName(a), 28), clipText(firstNonEmpty(a.Title, a.Lead), 90))
		if a.Source != "" {
			t.line("     %s", a.Source)
		}
		for _, c := range a.Copies {
			t.line("     copy: %s %s %s (near-duplicate, not a separate source)", c.Date, firstNonEmpty(c.Outlet, "outlet unknown"), c.ID)
		}
	}

	var disputes, corroborated, rest []compare.Finding
	for _, f := range s.Findings {
		switch f.Status {
		case compare.Disputed, compare.Denied:
			disputes = append(disputes, f)
		case compare.Corroborated:
			corroborated = append(corroborated, f)
		default:
			rest = append(rest, f)
		}
	}
	if len(disputes) > 0 {
		t.heading("Disputed and denied")
		for _, f := range disputes {
			t.finding(f, "✗")
		}
	}
	if len(corroborated) > 0 {
		t.heading("Corroborated")
		for _, f := range corroborated {
			t.finding(f, "✓")
		}
	}
	if len(rest) > 0 {
		t.heading("Single source and unconfirmed")
		for i, f := range rest {
			if i == opt.MaxSingle {
				t.line("  … %d more (see --format json)", len(rest)-i)
				break
			}
			ev := f.Sides[0].Evidence[0]
			mark := "•"
			if f.Status == compare.Unconfirmed {
				mark = "?"
			}
			t.line("  %s %s %s", mark, f.ID, quote(f.Summary))
			t.line("      %s", sourceLine(ev))
			// Other accounts of the same thing that do not make it
			// corroborated ("not at the mission" beside "a location
			// Iravani chose"), each with its side.
			for si, sd := range f.Sides {
				for ei, other := range sd.Evidence {
					if si == 0 && ei == 0 {
						continue
					}
					t.line("      %s: %s %s", sd.Position, sourceLine(other), quote(other.Text))
				}
			}
		}
	}
	if len(s.NonAnswers) > 0 {
		t.heading("Non-answers")
		for _, na := range s.NonAnswers {
			who := firstNonEmpty(na.Who, "someone")
			about := ""
			if na.About != "" {
				about = " (on " + na.About + ")"
			}
			via := ""
			if len(na.Evidence.Via) > 0 {
				via = " via " + strings.Join(na.Evidence.Via, " via ")
			}
			t.line("  – %s%s %s%s %s", who, via, kindTitle[na.Kind], about, cite(na.Evidence))
			t.line("      %s", quote(na.Evidence.SentenceText))
		}
	}
	t.chains(s)
	t.timeline(s)
	if len(s.Background) > 0 {
		t.heading("Background (context the articles repeat, not news of this story)")
		for i, f := range s.Background {
			if i == opt.MaxSingle {
				t.line("  … %d more (see --format json)", len(s.Background)-i)
				break
			}
			var refs []string
			for _, sd := range f.Sides {
				for _, ev := range sd.Evidence {
					refs = append(refs, cite(ev))
				}
			}
			matched := ""
			if len(f.Articles) > 1 {
				matched = " — in " + strings.Join(f.Articles, ", ")
			}
			t.line("  · %s %s%s %s", f.ID, quote(f.Summary), matched, strings.Join(refs, " "))
		}
	}
}

func (t *textWriter) finding(f compare.Finding, mark string) {
	status := statusTitle[f.Status]
	if f.Disagreement != "" {
		status += " on " + f.Disagreement
	}
	t.line("  %s %s %s  [%s]", mark, f.ID, f.Question, status)
	t.line("      %s", quote(f.Summary))
	defer func() {
		for _, as := range f.Stances {
			where := ""
			if len(as.Evidence) > 0 {
				where = " " + cite(as.Evidence[0]) + " " + quote(as.Evidence[0].Text)
			}
			t.line("      article %s %s (stance model, %.2f)%s", as.Article, stanceVerb[as.Stance], as.Score, where)
		}
	}()
	for _, sd := range f.Sides {
		head := sd.Position
		if len(f.Sides) == 1 && f.Status == compare.Corroborated {
			head = "asserted"
		}
		t.line("      %s — %s:", t.style("1", head), plural(sd.Chains, "independent chain"))
		for _, ev := range sd.Evidence {
			t.line("        %s", sourceLine(ev))
			t.line("          %s", quote(ev.Text))
		}
	}
}

func (t *textWriter) chains(s *compare.Story) {
	var shared []compare.Chain
	for _, c := range s.Chains {
		if len(c.Articles) > 1 {
			shared = append(shared, c)
		}
	}
	if len(s.Chains) == 0 {
		return
	}
	t.heading("Sources and their independence")
	for _, c := range s.Chains {
		t.line("  %-50s articles %-8s findings %s", clipText(c.Label, 50), strings.Join(c.Articles, ","), strings.Join(c.Findings, ","))
	}
	for _, c := range shared {
		if c.Kind == "outlet" {
			t.line("  ! articles %s all rely on %s: one chain, not %d independent confirmations.",
				strings.Join(c.Articles, ", "), clipText(c.Label, 60), len(c.Articles))
		}
	}
}

func (t *textWriter) timeline(s *compare.Story) {
	if len(s.Timeline.Events) == 0 && len(s.Timeline.Reports) == 0 {
		return
	}
	t.heading("Timeline")
	if len(s.Timeline.Events) > 0 {
		t.line("  what happened (resolved dates):")
		for _, e := range s.Timeline.Events {
			t.line("    %-10s %-4s %s [%s]", e.Date, e.Finding, clipText(e.Text, 100), e.Status)
		}
	}
	t.line("  who reported what, when:")
	for _, e := range s.Timeline.Reports {
		date := e.Date
		if date == "" {
			date = "undated"
		}
		if e.Finding != "" {
			t.line("    %-10s %-4s %s %s: %s", date, e.Finding, e.Who, e.Status, clipText(e.Text, 90))
		} else {
			t.line("    %-10s %-4s %s: %s", date, e.Article, e.Who, clipText(e.Text, 90))
		}
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ey") {
		return fmt.Sprintf("%d %sies", n, word[:len(word)-1])
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

var stanceVerb = map[string]string{"agree": "agrees", "disagree": "disputes it", "discuss": "discusses it"}
