// Package store defines the one storage API the rest of crosscheck sees. Two
// engines implement it: store/sqlite (the embedded default, one file) and
// store/postgres (for teams); store/storetest holds the contract suite both pass.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Sentinel errors. Implementations wrap them so callers can use errors.Is.
var (
	// ErrNotFound is returned when an article, analysis or story does not exist.
	ErrNotFound = errors.New("not found")
)

// PutResult says what PutArticle did.
type PutResult int

const (
	// Inserted means the article was new and is now stored.
	Inserted PutResult = iota
	// Exists means an article with the same ID was already stored; nothing changed.
	Exists
)

// ArticleQuery filters ListArticles. Zero fields do not filter.
type ArticleQuery struct {
	// Search is a full-text query over title and body (FTS5 on SQLite,
	// tsvector on PostgreSQL); plain words, all must match, English stemming
	// ("meetings" finds "meeting"). Only letters and digits count: no query
	// syntax is interpreted. Engine nuances: PostgreSQL ignores English stop
	// words ("the"), SQLite also folds diacritics ("zurich" finds "Zürich").
	Search string
	Outlet string
	From   time.Time // inclusive, on EffectiveTime
	To     time.Time // exclusive
	IDs    []string
	// IncludeDuplicates also returns near-duplicate copies.
	IncludeDuplicates bool
	Limit             int // 0 means no limit
	Offset            int
}

// StoryRecord is one story as stored: its members and the cached report.
type StoryRecord struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	ArticleIDs []string  `json:"article_ids"`
	First      time.Time `json:"first"`
	Last       time.Time `json:"last"`
	// Summary counts for lists (outlets, disputes, denials...), as JSON.
	Summary []byte `json:"summary,omitempty"`
	// Report is the reconciled story (compare.Story) as JSON, cached.
	Report  []byte    `json:"report,omitempty"`
	Updated time.Time `json:"updated"`
	// Fingerprint names what Report was built from (opaque to the store);
	// a story whose fingerprint is unchanged need not be rebuilt.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// Digest is what the story clusterer needs of an article's analysis.
type Digest struct {
	Keys  []string // distinct entity keys, sorted
	Dates []string // distinct day-precise DATE values (YYYY-MM-DD), sorted
}

// StoryQuery filters ListStories.
type StoryQuery struct {
	Search string // words that must all occur in the title (case-insensitive)
	Outlet string // some member article is from this outlet
	// Entity is an entity key ("elon musk") or name (case-insensitive) that
	// some member article's stored analysis mentions.
	Entity string
	// From and To keep stories whose [First, Last] overlaps [From, To).
	From   time.Time
	To     time.Time
	Limit  int
	Offset int
}

// Store is implemented by every storage engine. All methods are safe for
// concurrent use. Writes are transactional: a crash never leaves a half-stored
// article or analysis.
type Store interface {
	// PutArticles stores articles in one transaction, skipping any whose ID is
	// already stored (a repeated ID within arts is Exists the second time); it
	// returns one result per article, in order. For new articles Ingested is set
	// to now, on the stored row and on the caller's struct, unless the caller
	// set it already. An article with an empty ID is an error and nothing is stored.
	PutArticles(ctx context.Context, arts []*news.Article) ([]PutResult, error)
	// GetArticle returns one article, or an error wrapping ErrNotFound.
	GetArticle(ctx context.Context, id string) (*news.Article, error)
	// ListArticles returns articles ordered by EffectiveTime then ID (never
	// nil). A Search with no letters or digits matches nothing.
	ListArticles(ctx context.Context, q ArticleQuery) ([]*news.Article, error)
	// CountArticles returns the number of stored articles, duplicates included.
	CountArticles(ctx context.Context) (int, error)
	// Sketches returns the near-duplicate sketches of stored originals (not
	// copies), for building the in-memory duplicate index at start-up.
	Sketches(ctx context.Context) (map[string]uint64, error)

	// PutAnalysis stores (replacing) one article's analysis for a pipeline
	// version, and indexes its entity keys (Refs) for StoryQuery.Entity. The
	// article must be stored first, else the error wraps ErrNotFound.
	PutAnalysis(ctx context.Context, a *news.Analysis) error
	// GetAnalysis returns an article's analysis for version, or an error wrapping ErrNotFound.
	GetAnalysis(ctx context.Context, articleID, version string) (*news.Analysis, error)
	// Digests returns the Digest of every article analysed for version,
	// by article ID, in one pass (no analysis is decoded).
	Digests(ctx context.Context, version string) (map[string]Digest, error)
	// MissingAnalysis lists IDs of original articles that lack an analysis for
	// version, in ListArticles order; limit 0 means all.
	MissingAnalysis(ctx context.Context, version string, limit int) ([]string, error)

	// PutStories replaces the whole set of stories in one transaction; a
	// repeated or empty story ID is an error and leaves the old set in place.
	PutStories(ctx context.Context, stories []*StoryRecord) error
	// UpdateStories stores put (replacing stories of the same ID) and deletes
	// every stored story whose ID is in neither put nor keep, in one
	// transaction: the incremental form of PutStories.
	UpdateStories(ctx context.Context, put []*StoryRecord, keep []string) error
	// GetStory returns one story with its Report, or an error wrapping ErrNotFound.
	GetStory(ctx context.Context, id string) (*StoryRecord, error)
	// ListStories returns stories, most recently active first (Last
	// descending, then ID). Records carry ArticleIDs and Summary but not
	// Report, which can be large: GetStory returns it.
	ListStories(ctx context.Context, q StoryQuery) ([]*StoryRecord, error)

	// Close releases the store's resources.
	Close() error
}
