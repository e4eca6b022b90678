package attrib

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one word or punctuation mark of a sentence, with byte offsets into
// the article text. attrib tokenises sentences itself so its rules do not
// depend on another stage's token conventions.
type tok struct {
	s, e int
	text string
	low  string // lower case, curly apostrophes folded to '
	word bool   // starts with a letter or digit
	cap  bool   // starts with an upper-case letter
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits text[start:end] into tokens. Words keep inner hyphens and
// periods of initialisms ("U.S.", "murder-for-hire"); an apostrophe clitic
// ("’s", "n’t") is its own token.
func tokenize(text string, start, end int) []tok {
	var out []tok
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		switch {
		case isWordRune(r):
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if (r2 == '\'' || r2 == '’') && j+n2 < end && nameApostrophe(text[i:j], text[j+n2:end]) {
					j += n2 // "O'Neill", "D’Amato"
					continue
				}
				if (r2 == '-' || r2 == '.') && j+n2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2 : end])
					if isWordRune(r3) && (r2 == '-' || j-i <= 2 || strings.Contains(text[i:j], ".")) {
						j += n2
						continue
					}
				}
				break
			}
			// Initialisms keep their final period: "U.S." and "D.C.".
			if j < end && text[j] == '.' && strings.Contains(text[i:j], ".") {
				j++
			}
		case r == '\'' && j < end && text[j] == '\'':
			j++ // '' is a quotation mark in some newspapers' style
		case r == '\'' || r == '’':
			// Clitic: 's, 't, 've… when glued to the previous word.
			if i > start && len(out) > 0 && out[len(out)-1].e == i && out[len(out)-1].word {
				for j < end {
					r2, n2 := utf8.DecodeRuneInString(text[j:end])
					if !unicode.IsLetter(r2) {
						break
					}
					j += n2
				}
			}
		}
		t := text[i:j]
		low := strings.ToLower(t)
		if strings.ContainsRune(low, '’') {
			low = strings.ReplaceAll(low, "’", "'")
		}
		out = append(out, tok{s: i, e: j, text: t, low: low, word: isWordRune(r), cap: unicode.IsUpper(r)})
		i = j
	}
	return out
}

// quoteSpan is one quotation: from its opening mark to just after its
// closing mark (or to the end of the paragraph when it is not closed).
type quoteSpan struct {
	s, e   int
	closed bool
}

// findQuotes pairs quotation marks paragraph by paragraph. Curly marks give
// their direction; straight ones alternate.
func findQuotes(text string) []quoteSpan {
	var out []quoteSpan
	open := -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' && i+1 < len(text) && text[i+1] == '\n':
			if open >= 0 {
				out = append(out, quoteSpan{open, i, false})
				open = -1
			}
		case r == '“':
			if open >= 0 {
				out = append(out, quoteSpan{open, i, false})
			}
			open = i
		case r == '”' && open < 0 && (i == 0 || text[i-1] == '\n'):
			open = i // a closing mark typed for an opening one at a line start
		case r == '”':
			if open >= 0 {
				out = append(out, quoteSpan{open, i + n, true})
				open = -1
			}
		case r == '"' || r == '\'' && i+1 < len(text) && text[i+1] == '\'':
			if r == '\'' {
				n = 2
			}
			if open >= 0 {
				out = append(out, quoteSpan{open, i + n, true})
				open = -1
			} else {
				open = i
			}
		}
		i += n
	}
	if open >= 0 {
		out = append(out, quoteSpan{open, len(text), false})
	}
	return out
}

// quoteAt returns the index of the quotation holding byte offset p, or -1.
func quoteAt(qs []quoteSpan, p int) int {
	k := sort.Search(len(qs), func(i int) bool { return qs[i].e > p })
	if k < len(qs) && qs[k].s <= p {
		return k
	}
	return -1
}

func isOpenQuote(t tok) bool  { return t.text == "“" || t.text == "\"" || t.text == "''" }
func isCloseQuote(t tok) bool { return t.text == "”" || t.text == "\"" || t.text == "''" }
func isQuoteMark(t tok) bool {
	return t.text == "“" || t.text == "”" || t.text == "\"" || t.text == "‘" || t.text == "’" || t.text == "''"
}

// isStop reports sentence-final punctuation.
func isStop(t tok) bool { return t.text == "." || t.text == "!" || t.text == "?" }

// nameApostrophe reports an apostrophe inside a name ("O'Neill") rather than
// before a clitic ("Trump's"): one capital letter before it, a capital after.
func nameApostrophe(before, after string) bool {
	if len(before) != 1 || before[0] < 'A' || before[0] > 'Z' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return unicode.IsUpper(r)
}
