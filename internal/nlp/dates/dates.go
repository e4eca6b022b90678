// Package dates finds temporal expressions and normalises them to TIMEX3
// values against the article's date (the document creation time, DCT).
//
// It is a rule-based tagger in the style of HeidelTime: token patterns for
// weekdays, months, years, decades, seasons, relative periods ("last
// week", "this month", "earlier this year"), offsets ("two days later",
// "three years ago"), durations ("over an hour", "six months") and sets
// ("every week"). Extents follow TimeBank: prepositions are outside the
// timex ("on Monday" → "Monday"), determiners and modifiers inside ("last
// week", "the past three years"). Weekdays and bare month-days resolve to
// the most recent such day before the DCT in past-tense sentences and to the
// next one when the sentence speaks of the future ("will meet on Monday").
// Without a DCT, expressions that need one get no value.
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp/segment"
)

var weekdays = map[string]time.Weekday{"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday}

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan.": 1, "feb.": 2, "aug.": 8,
	"sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12, "jan": 1, "feb": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7}

var seasons = map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

var numbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "hundred": 100, "several": -1, "few": -1, "couple": 2, "dozen": 12}

var units = map[string]string{"second": "S", "seconds": "S", "minute": "M", "minutes": "M", "hour": "H", "hours": "H",
	"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M", "year": "Y", "years": "Y",
	"decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE", "quarter": "Q", "quarters": "Q"}

var timeOfDay = map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}

// Find returns the temporal expressions in text. docDate is the document
// creation time ("2024-11-15", "1998-02-13T14:26" or "" when unknown).
func Find(text string, sents []news.Sentence, docDate string) []news.Timex {
	dct, hasDCT := parseDCT(docDate)
	if len(sents) == 0 {
		sents = segment.Split(text)
	}
	var out []news.Timex
	for _, s := range sents {
		toks := s.Tokens
		if len(toks) == 0 {
			toks = segment.Tokenize(text, s.Start, s.End)
		}
		future := futureTense(toks)
		for k := 0; k < len(toks); {
			if tx, n := match(toks, k, dct, hasDCT, future); n > 0 {
				tx.Span = news.Span{Start: toks[k].Start, End: toks[k+n-1].End}
				tx.Text = text[tx.Start:tx.End]
				out = append(out, tx)
				k += n
				continue
			}
			k++
		}
	}
	return out
}

func parseDCT(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}

var futureCues = map[string]bool{"will": true, "'ll": true, "shall": true, "next": true, "upcoming": true, "scheduled": true,
	"plans": true, "planned": true, "expected": true, "to": false, "going": true}

// futureTense guesses whether a sentence speaks of the future.
func futureTense(toks []news.Token) bool {
	for _, t := range toks {
		if w := strings.ToLower(t.Text); futureCues[w] {
			return true
		}
	}
	return false
}

func lower(toks []news.Token, k int) string {
	if k < 0 || k >= len(toks) {
		return ""
	}
	return strings.ToLower(toks[k].Text)
}

func isYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	return y, err == nil && y >= 1000 && y <= 2999
}

// match tries every pattern at token k; it returns the timex and its length in tokens.
func match(toks []news.Token, k int, dct time.Time, hasDCT, future bool) (news.Timex, int) {
	w := lower(toks, k)
	next := lower(toks, k+1)

	// ISO dates: 2024-11-15.
	if len(w) == 10 && w[4] == '-' && w[7] == '-' {
		if _, err := time.Parse("2006-01-02", w); err == nil {
			return news.Timex{Type: news.TimexDate, Value: w}, 1
		}
	}
	// Month [day][,] [year] ; day month year.
	if m, ok := months[w]; ok && (w != "may" || isDayOrYear(next)) && (w != "march" || isDayOrYear(next)) {
		if d, ok := day(next); ok {
			n := 2
			if lower(toks, k+2) == "," {
				if y, ok := isYear(lower(toks, k+3)); ok {
					return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}, 4
				}
			}
			if y, ok := isYear(lower(toks, k+2)); ok {
				return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}, 3
			}
			if !hasDCT {
				return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("XXXX-%02d-%02d", m, d)}, n
			}
			y := dct.Year()
			cand := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			if !future && cand.After(dct.AddDate(0, 0, 7)) {
				y--
			} else if future && cand.Before(dct) {
				y++
			}
			return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}, n
		}
		if y, ok := isYear(next); ok {
			return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("%04d-%02d", y, m)}, 2
		}
		if lower(toks, k+1) == "," {
			if y, ok := isYear(lower(toks, k+2)); ok {
				return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("%04d-%02d", y, m)}, 3
			}
		}
		if !hasDCT {
			return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("XXXX-%02d", m)}, 1
		}
		y := dct.Year()
		if !future && m > int(dct.Month()) {
			y--
		} else if future && m < int(dct.Month()) {
			y++
		}
		return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("%04d-%02d", y, m)}, 1
	}
	if d, ok := day(w); ok {
		if m, ok := months[next]; ok {
			if y, ok := isYear(lower(toks, k+2)); ok {
				return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}, 3
			}
		}
	}
	// Weekday [morning|night].
	if wd, ok := weekdays[w]; ok {
		if !hasDCT {
			return news.Timex{Type: news.TimexDate, Value: "XXXX-WXX-" + strconv.Itoa(isoWeekday(wd))}, 1
		}
		d := weekday(dct, wd, future)
		if tod, ok := timeOfDay[next]; ok {
			return news.Timex{Type: news.TimexTime, Value: d.Format("2006-01-02") + "T" + tod}, 2
		}
		return news.Timex{Type: news.TimexDate, Value: d.Format("2006-01-02")}, 1
	}
	// Years, decades: "2018", "the 1990s".
	if y, ok := isYear(w); ok && !isMonthBefore(toks, k) {
		if next == "-" || next == "–" {
			return news.Timex{}, 0
		}
		return news.Timex{Type: news.TimexDate, Value: strconv.Itoa(y)}, 1
	}
	if len(w) == 5 && strings.HasSuffix(w, "s") {
		if y, ok := isYear(w[:4]); ok && y%10 == 0 {
			return news.Timex{Type: news.TimexDate, Value: w[:3] + "X"}, 1
		}
	}
	switch w {
	case "today":
		return dateOf(dct, hasDCT, 0), 1
	case "yesterday":
		return dateOf(dct, hasDCT, -1), 1
	case "tomorrow":
		return dateOf(dct, hasDCT, 1), 1
	case "now", "currently":
		return news.Timex{Type: news.TimexDate, Value: "PRESENT_REF"}, 1
	case "recently", "formerly", "previously":
		return news.Timex{Type: news.TimexDate, Value: "PAST_REF"}, 1
	case "tonight":
		if hasDCT {
			return news.Timex{Type: news.TimexTime, Value: dct.Format("2006-01-02") + "TNI"}, 1
		}
	}
	// this/last/next/past/coming + unit|season|weekday.
	if w == "this" || w == "last" || w == "next" || w == "past" || w == "coming" || w == "previous" {
		if tx, ok := relative(w, next, dct, hasDCT); ok {
			return tx, 2
		}
	}
	if (w == "the") && (next == "past" || next == "last" || next == "next" || next == "coming") {
		// "the past three years" → duration P3Y.
		if n, ok := count(lower(toks, k+2)); ok {
			if u, ok := units[lower(toks, k+3)]; ok {
				return duration(n, u, false), 4
			}
		}
		if u, ok := units[lower(toks, k+2)]; ok {
			return duration(1, u, false), 3
		}
	}
	// "earlier this year", "later this month".
	if (w == "earlier" || w == "later") && (next == "this" || next == "last") {
		if tx, ok := relative(next, lower(toks, k+2), dct, hasDCT); ok {
			return tx, 3
		}
	}
	// "two days later/ago/earlier", "three years ago".
	if n, ok := count(w); ok {
		if u, ok := units[next]; ok {
			after := lower(toks, k+2)
			if after == "ago" || after == "earlier" || after == "later" || after == "before" {
				if after == "ago" && hasDCT && n > 0 {
					return shifted(dct, -n, u), 3
				}
				return duration(n, u, false), 3
			}
			return duration(n, u, false), 2
		}
	}
	// "over an hour", "about two weeks", "more than five hours": approximate durations.
	if w == "over" || w == "about" || w == "nearly" || w == "almost" || w == "around" || w == "roughly" || w == "some" {
		if n, ok := count(next); ok {
			if u, ok := units[lower(toks, k+2)]; ok {
				d := duration(n, u, true)
				return d, 3
			}
		}
	}
	if w == "more" && next == "than" {
		if n, ok := count(lower(toks, k+2)); ok {
			if u, ok := units[lower(toks, k+3)]; ok {
				return duration(n, u, true), 4
			}
		}
	}
	// Sets: "every week", "each year", "annually", "weekly".
	if (w == "every" || w == "each") && units[next] != "" {
		return news.Timex{Type: news.TimexSet, Value: "P1" + units[next]}, 2
	}
	switch w {
	case "annually", "yearly":
		return news.Timex{Type: news.TimexSet, Value: "P1Y"}, 1
	case "daily":
		return news.Timex{Type: news.TimexSet, Value: "P1D"}, 1
	case "weekly":
		return news.Timex{Type: news.TimexSet, Value: "P1W"}, 1
	case "monthly":
		return news.Timex{Type: news.TimexSet, Value: "P1M"}, 1
	}
	// Clock times: "3 p.m.", "10:30 a.m.".
	if h, m, ok := clock(w, next); ok && hasDCT {
		return news.Timex{Type: news.TimexTime, Value: fmt.Sprintf("%sT%02d:%02d", dct.Format("2006-01-02"), h, m)}, 2
	}
	return news.Timex{}, 0
}

func isDayOrYear(s string) bool {
	if _, ok := day(s); ok {
		return true
	}
	_, ok := isYear(s)
	return ok
}

func isMonthBefore(toks []news.Token, k int) bool {
	_, ok := months[lower(toks, k-1)]
	return ok
}

func day(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "st"), "nd"), "rd"), "th")
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(s)
	return d, err == nil && d >= 1 && d <= 31
}

func count(s string) (int, bool) {
	if n, ok := numbers[s]; ok {
		return n, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0 && n < 1000
}

func isoWeekday(wd time.Weekday) int {
	if wd == time.Sunday {
		return 7
	}
	return int(wd)
}

// weekday resolves a weekday name: the most recent one before the DCT, or
// the next one after it in a future-tense sentence. The DCT's own weekday
// means the DCT itself only for future tense... and for past tense the
// previous week.
func weekday(dct time.Time, wd time.Weekday, future bool) time.Time {
	diff := int(dct.Weekday()) - int(wd)
	if future {
		ahead := (int(wd) - int(dct.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return dct.AddDate(0, 0, ahead)
	}
	if diff <= 0 {
		diff += 7
	}
	if diff == 7 {
		return dct // "Friday" in a Friday article is most often that day
	}
	return dct.AddDate(0, 0, -diff)
}

func dateOf(dct time.Time, has bool, days int) news.Timex {
	if !has {
		return news.Timex{Type: news.TimexDate, Value: "PRESENT_REF"}
	}
	return news.Timex{Type: news.TimexDate, Value: dct.AddDate(0, 0, days).Format("2006-01-02")}
}

func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// relative resolves "this|last|next|past|coming UNIT|SEASON|WEEKDAY".
func relative(mod, unit string, dct time.Time, has bool) (news.Timex, bool) {
	if s, ok := seasons[unit]; ok {
		if !has {
			return news.Timex{Type: news.TimexDate, Value: "XXXX-" + s}, true
		}
		y := dct.Year()
		switch mod {
		case "last", "past", "previous":
			if !seasonPassed(dct, s) {
				y--
			}
		case "next", "coming":
			if seasonPassed(dct, s) {
				y++
			}
		}
		return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("%04d-%s", y, s)}, true
	}
	if wd, ok := weekdays[unit]; ok && has {
		return news.Timex{Type: news.TimexDate, Value: weekday(dct, wd, mod == "next" || mod == "coming").Format("2006-01-02")}, true
	}
	u, ok := units[unit]
	if !ok || strings.HasSuffix(unit, "s") {
		return news.Timex{}, false
	}
	if !has {
		switch mod {
		case "last", "past", "previous":
			return news.Timex{Type: news.TimexDate, Value: "PAST_REF"}, true
		case "next", "coming":
			return news.Timex{Type: news.TimexDate, Value: "FUTURE_REF"}, true
		}
		return news.Timex{Type: news.TimexDate, Value: "PRESENT_REF"}, true
	}
	off := 0
	switch mod {
	case "last", "past", "previous":
		off = -1
	case "next", "coming":
		off = 1
	}
	switch u {
	case "D":
		return news.Timex{Type: news.TimexDate, Value: dct.AddDate(0, 0, off).Format("2006-01-02")}, true
	case "W":
		return news.Timex{Type: news.TimexDate, Value: isoWeek(dct.AddDate(0, 0, 7*off))}, true
	case "M":
		if unit == "month" || unit == "months" {
			return news.Timex{Type: news.TimexDate, Value: dct.AddDate(0, off, 0).Format("2006-01")}, true
		}
	case "Y":
		return news.Timex{Type: news.TimexDate, Value: strconv.Itoa(dct.Year() + off)}, true
	case "Q":
		q := (int(dct.Month())-1)/3 + 1 + off
		y := dct.Year()
		if q < 1 {
			q, y = 4, y-1
		} else if q > 4 {
			q, y = 1, y+1
		}
		return news.Timex{Type: news.TimexDate, Value: fmt.Sprintf("%04d-Q%d", y, q)}, true
	case "DE":
		return news.Timex{Type: news.TimexDate, Value: strconv.Itoa((dct.Year()/10 + off))[:3] + "X"}, true
	}
	return news.Timex{}, false
}

// seasonPassed reports whether season s has started this year by the DCT.
func seasonPassed(dct time.Time, s string) bool {
	start := map[string]time.Month{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[s]
	return dct.Month() >= start
}

func duration(n int, u string, approx bool) news.Timex {
	val := "X"
	if n > 0 {
		val = strconv.Itoa(n)
	}
	var v string
	switch u {
	case "H", "S":
		v = "PT" + val + u
	case "MIN":
		v = "PT" + val + "M"
	case "M":
		v = "P" + val + "M"
	case "DE":
		if n > 0 {
			v = "P" + strconv.Itoa(10*n) + "Y"
		} else {
			v = "PXDE"
		}
	case "CE":
		if n > 0 {
			v = "P" + strconv.Itoa(100*n) + "Y"
		} else {
			v = "PXCE"
		}
	default:
		v = "P" + val + u
	}
	return news.Timex{Type: news.TimexDuration, Value: v, Approx: approx}
}

// minuteUnit distinguishes minutes ("PT5M") from months ("P5M") for
// durations: units maps both to "M", duration treats "M" as months, so
// minutes are spelled out here.
func init() {
	units["minute"], units["minutes"] = "MIN", "MIN"
}

func shifted(dct time.Time, n int, u string) news.Timex {
	switch u {
	case "D":
		return news.Timex{Type: news.TimexDate, Value: dct.AddDate(0, 0, n).Format("2006-01-02")}
	case "W":
		return news.Timex{Type: news.TimexDate, Value: isoWeek(dct.AddDate(0, 0, 7*n))}
	case "M":
		return news.Timex{Type: news.TimexDate, Value: dct.AddDate(0, n, 0).Format("2006-01")}
	case "Y":
		return news.Timex{Type: news.TimexDate, Value: strconv.Itoa(dct.Year() + n)}
	case "DE":
		return news.Timex{Type: news.TimexDate, Value: strconv.Itoa(dct.Year() + 10*n)[:3] + "X"}
	}
	return news.Timex{Type: news.TimexDate, Value: "PAST_REF"}
}

func clock(w, next string) (int, int, bool) {
	if next != "a.m." && next != "p.m." && next != "am" && next != "pm" {
		return 0, 0, false
	}
	h, m := 0, 0
	hs, ms, found := strings.Cut(w, ":")
	var err error
	if h, err = strconv.Atoi(hs); err != nil || h < 1 || h > 12 {
		return 0, 0, false
	}
	if found {
		if m, err = strconv.Atoi(ms); err != nil || m < 0 || m > 59 {
			return 0, 0, false
		}
	}
	if strings.HasPrefix(next, "p") && h != 12 {
		h += 12
	}
	if strings.HasPrefix(next, "a") && h == 12 {
		h = 0
	}
	return h, m, true
}
