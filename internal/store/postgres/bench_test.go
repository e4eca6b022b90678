package postgres

import (
	"context"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlstore"
	"github.com/crosscheck/crosscheck/internal/store/storetest"
)

func openBench(b *testing.B) *sqlstore.DB {
	b.Helper()
	if server == nil {
		b.Skip("no PostgreSQL: set TEST_POSTGRES_URL or install postgresql")
	}
	dsn, err := server.NewDatabase(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	s, err := Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkPutArticles stores 4 KB articles in batches of 500 (the test
// cluster runs with fsync off, so this measures the engine, not the disk).
func BenchmarkPutArticles(b *testing.B) {
	storetest.BenchPut(b, func(b *testing.B) store.Store { return openBench(b) })
}

var searchDB struct {
	once sync.Once
	s    *sqlstore.DB
	err  error
}

// BenchmarkSearch runs full-text queries (top 20) over 20k articles.
func BenchmarkSearch(b *testing.B) {
	searchDB.once.Do(func() {
		searchDB.s = openBench(b)
		searchDB.err = storetest.FillSearchCorpus(searchDB.s)
		if searchDB.err == nil {
			_, searchDB.err = searchDB.s.SQL().Exec(`ANALYZE`)
		}
	})
	if searchDB.err != nil {
		b.Fatal(searchDB.err)
	}
	storetest.BenchSearch(b, searchDB.s)
}

// BenchmarkAnalysis stores and reads back analyses and lists stories.
func BenchmarkAnalysis(b *testing.B) {
	s := openBench(b)
	defer s.Close()
	storetest.BenchAnalysis(b, s)
}
