// Package news holds crosscheck's domain types: articles, the per-article
// analysis (sentences, entities, dates, statements, claims), stories and the
// cross-source findings built from them. It does no I/O, so every stage of the
// pipeline can share these shapes without depending on each other.
package news

import "time"

// Article is one dated report from one outlet, as read from any input format.
//
// Body is the exact text that every offset in an Analysis points into; readers
// normalise it once (NFC, "\n" line ends, trimmed) before the ID is computed,
// and nothing rewrites it afterwards.
type Article struct {
	// ID is stable across runs and machines: the hex SHA-256 prefix of the
	// normalised body (see ingest.ContentID). Re-ingesting the same text is a no-op.
	ID string `json:"id"`
	// ExternalID is the identifier the input carried (a JSONL "id", a feed GUID), if any.
	ExternalID string `json:"external_id,omitempty"`
	// Outlet is the publisher ("The New York Times", "apnews.com"). Empty when unknown.
	Outlet string `json:"outlet,omitempty"`
	// OutletConfidence is 1 when the outlet came from metadata or the URL host,
	// lower when it was guessed from the text (a byline or credit line), 0 when unknown.
	OutletConfidence float64 `json:"outlet_confidence,omitempty"`
	URL              string  `json:"url,omitempty"`
	Title            string  `json:"title,omitempty"`
	// Published is the publication time in UTC; the zero value means the input
	// carried no date. A missing date is never invented.
	Published time.Time `json:"published,omitzero"`
	// DatePrecision says how much of Published is known: "day" for a bare date,
	// "second" for a datetime, "" when Published is zero.
	DatePrecision string `json:"date_precision,omitempty"`
	Body          string `json:"body"`
	// Source says where the article was read from: "path", "path:line" for a
	// JSONL record, or a URL. It is what error messages and reports cite.
	Source string `json:"source,omitempty"`
	// Ingested is when the article was first stored. It places undated
	// articles on the timeline and is set by the store, not by readers.
	Ingested time.Time `json:"ingested,omitzero"`
	// DuplicateOf is the ID of the original when this article is a
	// near-duplicate (syndicated copy, light edit); such copies never count as
	// independent sources.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Sketch is the near-duplicate signature (64-bit SimHash of word shingles).
	Sketch uint64 `json:"-"`
}

// HasDate reports whether the article carries a publication date.
func (a *Article) HasDate() bool { return !a.Published.IsZero() }

// Date returns the publication date as YYYY-MM-DD, or "" when unknown.
func (a *Article) Date() string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.UTC().Format("2006-01-02")
}

// EffectiveTime is the time used to order articles: the publication time, or
// the ingestion time when the article carries no date.
func (a *Article) EffectiveTime() time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	return a.Ingested
}
