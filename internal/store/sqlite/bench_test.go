package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlstore"
	"github.com/crosscheck/crosscheck/internal/store/storetest"
)

// BenchmarkPutArticles stores 4 KB articles in batches of 500 into a file
// database (WAL, FTS triggers on); see the articles/s metric.
func BenchmarkPutArticles(b *testing.B) {
	storetest.BenchPut(b, func(b *testing.B) store.Store {
		s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		return s
	})
}

var searchDB struct {
	once sync.Once
	dir  string
	s    *sqlstore.DB
	err  error
}

// BenchmarkSearch runs two-word full-text queries (top 20) over 20k articles.
func BenchmarkSearch(b *testing.B) {
	searchDB.once.Do(func() {
		searchDB.dir, searchDB.err = os.MkdirTemp("", "crosscheck-bench-")
		if searchDB.err != nil {
			return
		}
		searchDB.s, searchDB.err = Open(context.Background(), filepath.Join(searchDB.dir, "search.db"))
		if searchDB.err == nil {
			searchDB.err = storetest.FillSearchCorpus(searchDB.s)
		}
	})
	if searchDB.err != nil {
		b.Fatal(searchDB.err)
	}
	storetest.BenchSearch(b, searchDB.s)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if searchDB.s != nil {
		searchDB.s.Close()
	}
	if searchDB.dir != "" {
		os.RemoveAll(searchDB.dir)
	}
	os.Exit(code)
}

// BenchmarkAnalysis stores and reads back analyses and lists stories.
func BenchmarkAnalysis(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "an.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchAnalysis(b, s)
}
