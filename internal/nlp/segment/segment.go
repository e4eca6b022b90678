// Package segment splits article text into paragraphs, sentences and
// tokens, all carrying byte offsets into the original text.
//
// It is rule-based and tuned for news: blank lines separate paragraphs and
// a line break ends a sentence (headlines, datelines lines, one-sentence-per-
// line corpora); inside a line a sentence ends at . ! ? (with closing quotes
// and brackets) before a word that can start a sentence, except after
// abbreviations that never end one (Sen., Gen., Mr., Jan.), single initials
// ("Michelle L. Price") and acronyms such as "U.S." unless the next word is
// a usual sentence opener ("… with the U.S. The next day …").
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Split returns the sentences of text with their tokens and paragraph index.
func Split(text string) []news.Sentence {
	var out []news.Sentence
	para := 0
	lineStart := 0
	blankRun := false
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		line := text[lineStart:i]
		if strings.TrimSpace(line) == "" {
			if !blankRun && len(out) > 0 {
				para++
			}
			blankRun = true
		} else {
			blankRun = false
			out = splitLine(text, lineStart, i, para, out)
		}
		lineStart = i + 1
	}
	return out
}

// splitLine appends the sentences of text[start:end] (one line).
func splitLine(text string, start, end, para int, out []news.Sentence) []news.Sentence {
	toks := Tokenize(text, start, end)
	if len(toks) == 0 {
		return out
	}
	first := 0
	for k := 0; k < len(toks); k++ {
		if !endsSentence(text, toks, k) {
			continue
		}
		// Closing quotes and brackets belong to the sentence they close.
		j := k
		for j+1 < len(toks) && isCloser(toks[j+1].Text) {
			j++
		}
		out = append(out, sentence(toks[first:j+1], para))
		first = j + 1
		k = j
	}
	if first < len(toks) {
		out = append(out, sentence(toks[first:], para))
	}
	return out
}

func sentence(toks []news.Token, para int) news.Sentence {
	return news.Sentence{Span: news.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}, Paragraph: para, Tokens: toks}
}

// endsSentence decides whether toks[k] ends a sentence.
func endsSentence(text string, toks []news.Token, k int) bool {
	t := toks[k].Text
	last, _ := utf8.DecodeLastRuneInString(t)
	if last != '.' && last != '!' && last != '?' && t != "…" {
		return false
	}
	// The next real token (after closing quotes/brackets) must exist and start a sentence.
	n := k + 1
	for n < len(toks) && isCloser(toks[n].Text) {
		n++
	}
	if n >= len(toks) {
		return false // end of line: the line break ends it anyway
	}
	if toks[n].Start == toks[n-1].End {
		return false // no space: "3.5", "U.S.-led"
	}
	next := toks[n].Text
	r, _ := utf8.DecodeRuneInString(next)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(next)) {
		return false
	}
	if t == "." || t == "!" || t == "?" || t == "…" || strings.HasSuffix(t, "...") {
		// A lone mark: check the word before it for abbreviations.
		if t != "." || k == 0 {
			return true
		}
		return !abbreviation(toks[k-1].Text+".", next)
	}
	// The period is part of the token (abbreviation or acronym).
	return !abbreviation(t, next)
}

// neverFinal are abbreviations that (almost) never end a sentence.
var neverFinal = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "sen.": true, "rep.": true, "gen.": true, "gov.": true,
	"lt.": true, "col.": true, "sgt.": true, "capt.": true, "cmdr.": true, "adm.": true, "maj.": true, "prof.": true,
	"rev.": true, "st.": true, "mt.": true, "ft.": true, "no.": true, "nos.": true, "vs.": true, "v.": true,
	"e.g.": true, "i.e.": true, "jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true,
	"aug.": true, "sep.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true, "pres.": true,
	"supt.": true, "gens.": true, "reps.": true, "sens.": true, "messrs.": true, "atty.": true, "fig.": true,
	"approx.": true, "est.": true, "dept.": true, "univ.": true, "ave.": true, "blvd.": true, "rd.": true,
}

// openers are words that usually begin a sentence; after an acronym such
// as "U.S." they signal that the acronym ended the sentence.
var openers = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"But": true, "And": true, "In": true, "On": true, "At": true, "This": true, "That": true, "These": true,
	"Those": true, "His": true, "Her": true, "Its": true, "Their": true, "There": true, "However": true,
	"Meanwhile": true, "After": true, "When": true, "While": true, "If": true, "As": true, "Still": true, "Yet": true,
}

func abbreviation(t, next string) bool {
	lt := strings.ToLower(t)
	if neverFinal[lt] {
		return true
	}
	core := strings.TrimSuffix(t, ".")
	// A single initial: "Michelle L. Price", "J. Smith".
	if utf8.RuneCountInString(core) == 1 {
		r, _ := utf8.DecodeRuneInString(core)
		return unicode.IsUpper(r)
	}
	// Acronyms with inner periods: "U.S.", "U.N.", "a.m."
	if strings.Contains(core, ".") {
		return !openers[next]
	}
	// "Inc.", "Corp.", "Co.", "Ltd.", "Jr." may end a sentence; decide by the next word.
	switch lt {
	case "inc.", "corp.", "co.", "ltd.", "jr.", "sr.", "bros.":
		return !openers[next]
	}
	return false
}

func isCloser(t string) bool {
	switch t {
	case "”", "\"", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

func isOpener(t string) bool {
	switch t {
	case "“", "\"", "‘", "'", "(", "[", "«", "—":
		return true
	}
	return false
}

// Tokenize splits text[start:end] into tokens: words (with inner
// apostrophes, hyphens and the periods of abbreviations such as "U.S."),
// numbers ("1,000", "3.5"), the possessive "'s" as its own token, and every
// other mark on its own. Offsets index text.
func Tokenize(text string, start, end int) []news.Token {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	var toks []news.Token
	emit := func(i, j int) {
		toks = append(toks, news.Token{Span: news.Span{Start: i, End: j}, Text: text[i:j]})
	}
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) || (r == utf8.RuneError && n <= 1 && !utf8.FullRuneInString(text[i:end])) {
			i += n
			continue
		}
		if !isWordRune(r) {
			// "..." as one token.
			if r == '.' && strings.HasPrefix(text[i:end], "...") {
				emit(i, i+3)
				i += 3
				continue
			}
			emit(i, i+n)
			i += n
			continue
		}
		j := i + n
		for j < end {
			r2, n2 := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r2) {
				j += n2
				continue
			}
			// Inner joiners: don't, U.S., 1,000, 3.5, murder-for-hire.
			if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == ',') && j+n2 < end {
				r3, _ := utf8.DecodeRuneInString(text[j+n2 : end])
				if isWordRune(r3) {
					if r2 == ',' && !(unicode.IsDigit(lastRune(text[i:j])) && unicode.IsDigit(r3)) {
						break
					}
					// Possessive 's / ’s ends the word: "Iran's" → "Iran" "'s".
					if (r2 == '\'' || r2 == '’') && (r3 == 's' || r3 == 'S') && !continuesWord(text, j+n2+1, end) {
						break
					}
					j += n2
					continue
				}
			}
			break
		}
		// Keep a final period that belongs to an abbreviation: "U.S." or "Sen."
		if j < end && text[j] == '.' {
			word := text[i:j]
			if strings.Contains(word, ".") || neverFinal[strings.ToLower(word)+"."] || isInitial(word) ||
				(len(word) <= 4 && abbrevLike[strings.ToLower(word)]) {
				j++
			}
		}
		emit(i, j)
		i = j
		// The possessive as its own token.
		if i+1 < end && (text[i] == '\'') && (text[i+1] == 's' || text[i+1] == 'S') && !continuesWord(text, i+2, end) {
			emit(i, i+2)
			i += 2
		} else if strings.HasPrefix(text[i:end], "’s") || strings.HasPrefix(text[i:end], "’S") {
			if !continuesWord(text, i+len("’s"), end) {
				emit(i, i+len("’s"))
				i += len("’s")
			}
		}
	}
	return toks
}

var abbrevLike = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "jr": true, "sr": true, "bros": true}

func isInitial(w string) bool {
	if utf8.RuneCountInString(w) != 1 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func continuesWord(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return isWordRune(r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
