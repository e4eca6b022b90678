// Package cluster groups articles into stories, streaming in date order.
package cluster

import "time"

// Doc is what the clusterer needs to know about one article.
type Doc struct {
	ID   string
	Time time.Time // publication (or ingestion) time; zero when unknown
	Text string    // title + body
	// Entities are normalised entity keys found in the article (may be empty).
	Entities []string
	// EventDates are resolved DATE timex values mentioned in the article.
	EventDates []string
}

// Options tune the clusterer.
type Options struct{}

// Clusterer assigns documents to stories. Not safe for concurrent use.
type Clusterer struct{ n int }

// New returns an empty clusterer.
func New(opt Options) *Clusterer { return &Clusterer{} }

// Add assigns d to a story and returns the story ID (placeholder: one story per doc).
func (c *Clusterer) Add(d Doc) string { c.n++; return d.ID }

// Assignments returns the final doc ID → story ID map, after merges.
func (c *Clusterer) Assignments() map[string]string { return nil }
