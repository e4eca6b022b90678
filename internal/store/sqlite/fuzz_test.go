package sqlite

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// FuzzSearch feeds arbitrary user text to the full-text search: it may match
// nothing, but it must never be read as FTS5 syntax and fail.
func FuzzSearch(f *testing.F) {
	s, err := Open(context.Background(), Memory)
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutArticles(context.Background(), []*news.Article{
		{ID: "a", Title: "Musk met Iran's envoy", Body: "Elon Musk met Amir Saeid Iravani on Monday, officials said."},
	}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.ListArticles(context.Background(), store.ArticleQuery{Search: q}); err != nil {
			t.Errorf("Search %q: %v", q, err)
		}
		if _, err := s.ListStories(context.Background(), store.StoryQuery{Search: q, Entity: q}); err != nil {
			t.Errorf("story search %q: %v", q, err)
		}
	})
}
