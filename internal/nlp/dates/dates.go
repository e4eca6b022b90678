// Package dates finds temporal expressions and normalises them to TIMEX3
// values against the article's date.
package dates

import "github.com/crosscheck/crosscheck/internal/news"

// Find returns the temporal expressions in text. docDate is the document
// creation time ("2024-11-15", "1998-02-13T14:26" or "" when unknown).
func Find(text string, sents []news.Sentence, docDate string) []news.Timex { return nil }
