// Package segment splits article text into paragraphs, sentences and tokens,
// all carrying byte offsets into the original text.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Split returns the sentences of text with their tokens. (Placeholder
// splitter: blank lines separate paragraphs, ". " ends sentences.)
func Split(text string) []news.Sentence {
	var out []news.Sentence
	para := 0
	start := 0
	flush := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if s == "" {
			start = end
			return
		}
		off := start + strings.Index(text[start:end], s)
		out = append(out, news.Sentence{Span: news.Span{Start: off, End: off + len(s)}, Paragraph: para, Tokens: Tokenize(text, off, off+len(s))})
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\n' && i+1 < len(text) && text[i+1] == '\n':
			flush(i)
			para++
		case text[i] == '.' && i+1 < len(text) && text[i+1] == ' ':
			flush(i + 1)
		}
	}
	flush(len(text))
	return out
}

// Tokenize splits text[start:end] into word and punctuation tokens.
func Tokenize(text string, start, end int) []news.Token {
	var toks []news.Token
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2)) {
					break
				}
				j += n2
			}
		}
		toks = append(toks, news.Token{Span: news.Span{Start: i, End: j}, Text: text[i:j]})
		i = j
	}
	return toks
}
