// Package attrib finds reported statements: who says what, through whom, with which stance.
package attrib

import "github.com/crosscheck/crosscheck/internal/news"

// Find returns the statements in an analysed text (placeholder: none).
func Find(text string, a *news.Analysis) []news.Statement { return nil }
