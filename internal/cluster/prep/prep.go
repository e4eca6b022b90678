// Package prep turns raw article text into cluster.Docs: it fills entity
// keys and event dates from the language layer (as the pipeline does from
// stored analyses) and, for records without a date, infers a publication
// date from a dateline near the top of the text.
package prep

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/news"
)

// Features returns the entity keys and day-precise event dates of an
// analysis, in order of first mention, without repeats.
func Features(a *news.Analysis) (keys, dates []string) {
	if a == nil {
		return nil, nil
	}
	seen := map[string]bool{}
	for _, r := range a.Refs {
		if r.Key != "" && !seen[r.Key] {
			seen[r.Key] = true
			keys = append(keys, r.Key)
		}
	}
	seenD := map[string]bool{}
	for _, t := range a.Timexes {
		if t.Type == news.TimexDate && len(t.Value) == 10 && !seenD[t.Value] {
			seenD[t.Value] = true
			dates = append(dates, t.Value)
		}
	}
	return keys, dates
}

// Fill sets d.Entities and d.EventDates from an analysis.
func Fill(d *cluster.Doc, a *news.Analysis) {
	d.Entities, d.EventDates = Features(a)
}

const month = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

var (
	// "September 15 , 2013", "Jan. 5, 2011", "Nov 12 2011"
	reMDY = regexp.MustCompile(`(?i)\b` + month + `\s*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b`)
	// "16 September 2013", "9 Sep , 2013"
	reDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + month + `\s*\.?\s*,?\s*(\d{4})\b`)
	// "11 / 30 / 09", "11/30/2009" (US order; "14 / 09 / 2013" when the first field cannot be a month)
	reUS = regexp.MustCompile(`\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})\b`)
	// "2013-09-16", "2013 / 09 / 16" (also in URL paths)
	reISO = regexp.MustCompile(`\b((?:19|20)\d{2})\s*[-/_.]\s*(\d{1,2})\s*[-/_.]\s*(\d{1,2})\b`)
	// "2013 / aug / 02" (URL paths)
	reYMD = regexp.MustCompile(`(?i)\b((?:19|20)\d{2})\s*/\s*` + month + `\s*/\s*(\d{1,2})\b`)
)

var months = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// Dateline looks for a publication date in the first lines of an article
// ("September 15 , 2013 11 : 26 pm", "16 September 2013 Last updated at",
// "11 / 30 / 09", a /2013/09/16/ URL path) and returns it (UTC midnight).
// Only the head is read: dates deeper in the body are usually event dates.
func Dateline(text string) (time.Time, bool) {
	// The head: the first lines that are a URL, or short and not ending
	// like a sentence — a dateline or headline. Body sentences carry event
	// dates and birthdays, not the publication date.
	var b strings.Builder
	rest := text
	for i := 0; i < 6 && rest != ""; i++ {
		line := rest
		if j := strings.IndexByte(rest, '\n'); j >= 0 {
			line, rest = rest[:j], rest[j+1:]
		} else {
			rest = ""
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "http") || len(t) <= 120 && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "!") && !strings.HasSuffix(t, "?") {
			b.WriteString(line)
		}
		b.WriteByte('\n')
	}
	head := b.String()
	best, bestPos := time.Time{}, -1
	try := func(pos int, y, m, d int) {
		if y < 100 {
			y += 2000
		}
		if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return
		}
		if bestPos < 0 || pos < bestPos {
			best, bestPos = t, pos
		}
	}
	mon := func(s string) int { return int(months[strings.ToLower(s)[:3]]) }
	for _, m := range reMDY.FindAllStringSubmatchIndex(head, -1) {
		try(m[0], atoi(head[m[6]:m[7]]), mon(head[m[2]:m[3]]), atoi(head[m[4]:m[5]]))
	}
	for _, m := range reDMY.FindAllStringSubmatchIndex(head, -1) {
		try(m[0], atoi(head[m[6]:m[7]]), mon(head[m[4]:m[5]]), atoi(head[m[2]:m[3]]))
	}
	for _, m := range reUS.FindAllStringSubmatchIndex(head, -1) {
		a, b := atoi(head[m[2]:m[3]]), atoi(head[m[4]:m[5]])
		if a > 12 {
			a, b = b, a
		}
		try(m[0], atoi(head[m[6]:m[7]]), a, b)
	}
	for _, m := range reYMD.FindAllStringSubmatchIndex(head, -1) {
		try(m[0], atoi(head[m[2]:m[3]]), mon(head[m[4]:m[5]]), atoi(head[m[6]:m[7]]))
	}
	for _, m := range reISO.FindAllStringSubmatchIndex(head, -1) {
		try(m[0], atoi(head[m[2]:m[3]]), atoi(head[m[4]:m[5]]), atoi(head[m[6]:m[7]]))
	}
	return best, bestPos >= 0
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Record is one raw article.
type Record struct {
	ID, Title, Text string
	Time            time.Time // zero when unknown
}

// Analyzer is the part of the language layer Docs needs (nlp.Analyzer).
type Analyzer interface {
	Analyze(id, text, date string) *news.Analysis
}

// Docs turns records into cluster docs: title + text, entity keys and event
// dates from the language layer (nil an: text only), and a publication date
// inferred from the dateline when a record has none (TimeInferred set).
// Relative dates are resolved against the given or inferred date. Up to
// workers records are analysed at once; the result does not depend on it.
func Docs(an Analyzer, recs []Record, workers int) []cluster.Doc {
	docs := make([]cluster.Doc, len(recs))
	if workers < 1 {
		workers = 1
	}
	next := make(chan int)
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func() {
			for i := range next {
				docs[i] = doc(an, recs[i])
			}
			done <- struct{}{}
		}()
	}
	for i := range recs {
		next <- i
	}
	close(next)
	for w := 0; w < workers; w++ {
		<-done
	}
	return docs
}

func doc(an Analyzer, r Record) cluster.Doc {
	text := r.Text
	if r.Title != "" && !strings.HasPrefix(text, r.Title) {
		text = r.Title + "\n\n" + text
	}
	d := cluster.Doc{ID: r.ID, Time: r.Time, Text: text}
	if d.Time.IsZero() {
		if t, ok := Dateline(text); ok {
			d.Time, d.TimeInferred = t, true
		}
	}
	if an != nil {
		date := ""
		if !d.Time.IsZero() {
			date = d.Time.UTC().Format("2006-01-02")
		}
		Fill(&d, an.Analyze(r.ID, text, date))
	}
	return d
}

// Order sorts docs for streaming: by time, undated ones last, ties in input order.
func Order(docs []cluster.Doc) {
	sort.SliceStable(docs, func(a, b int) bool {
		ta, tb := docs[a].Time, docs[b].Time
		if ta.IsZero() != tb.IsZero() {
			return !ta.IsZero()
		}
		return ta.Before(tb)
	})
}
