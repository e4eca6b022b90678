// Package nlp runs the language layer over one article: segmentation, named
// entities with in-article coreference, temporal expressions, attributions
// and claims. Analyze is pure and safe to call from many goroutines.
package nlp

import (
	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp/attrib"
	"github.com/crosscheck/crosscheck/internal/nlp/claim"
	"github.com/crosscheck/crosscheck/internal/nlp/entity"
	"github.com/crosscheck/crosscheck/internal/nlp/segment"
	"github.com/crosscheck/crosscheck/internal/nlp/timex"
)

// Version identifies the analysis pipeline. Bump it when any stage changes
// its output so stored analyses are recomputed.
const Version = "0.2.0"

// Analyzer holds the loaded models.
type Analyzer struct {
	tagger *entity.Tagger
}

// New loads the embedded models.
func New() (*Analyzer, error) {
	t, err := entity.Load()
	if err != nil {
		return nil, err
	}
	return &Analyzer{tagger: t}, nil
}

// Analyze runs every stage over text. date is the document date as
// "YYYY-MM-DD" (or an ISO datetime), or "" when unknown.
func (an *Analyzer) Analyze(id, text, date string) *news.Analysis {
	a := &news.Analysis{ArticleID: id, Version: Version, Date: date}
	a.Sentences = segment.Split(text)
	a.Entities, a.Refs = an.tagger.Tag(text, a.Sentences)
	a.Nominals = entity.Nominals(text, a.Sentences, a.Entities, a.Refs)
	a.Timexes = timex.Find(text, a.Sentences, date)
	a.Statements = attrib.Find(text, a)
	linkNominalSources(a)
	a.Claims = claim.Extract(text, a)
	normalize(a)
	return a
}

// linkNominalSources resolves a source that is a description of a named
// person ("the spokeswoman added") to that person.
func linkNominalSources(a *news.Analysis) {
	for i := range a.Statements {
		src := a.Statements[i].Source
		if src == nil || src.Ref != "" {
			continue
		}
		for _, m := range a.Nominals {
			if m.Start >= src.Start && m.End <= src.End && 2*(m.End-m.Start) >= src.End-src.Start {
				src.Ref, src.Anonymous, src.Kind = m.Ref, false, "person"
				break
			}
		}
	}
}

// normalize replaces nil slices with empty ones so JSON output is stable ([] not null).
func normalize(a *news.Analysis) {
	if a.Sentences == nil {
		a.Sentences = []news.Sentence{}
	}
	if a.Entities == nil {
		a.Entities = []news.Mention{}
	}
	if a.Refs == nil {
		a.Refs = []news.EntityRef{}
	}
	if a.Timexes == nil {
		a.Timexes = []news.Timex{}
	}
	if a.Statements == nil {
		a.Statements = []news.Statement{}
	}
	if a.Claims == nil {
		a.Claims = []news.Claim{}
	}
}
