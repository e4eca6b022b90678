package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// vocab is a Zipf-ish word list for synthetic articles: a few common words
// and a long tail, so full-text posting lists look like news text.
var vocab = func() []string {
	base := strings.Fields(`the of and to in a said that for on was with he it as is by at from his
		an were are which this be has had have not but they who their been its after two would one new
		iran musk meeting ambassador officials minister election president government united nations
		trump biden sanctions nuclear talks envoy denied reported according spokesman ministry foreign`)
	r := rand.New(rand.NewPCG(1, 2))
	for len(base) < 5000 {
		n := 3 + r.IntN(8)
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		base = append(base, string(b))
	}
	return base
}()

// Corpus returns n deterministic synthetic articles of about size bytes each,
// IDs prefixed with prefix, dated one minute apart from 2024-01-01.
func Corpus(prefix string, n, size int) []*news.Article {
	r := rand.New(rand.NewPCG(uint64(len(prefix)), uint64(n)))
	z := rand.NewZipf(r, 1.1, 1, uint64(len(vocab)-1))
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*news.Article, n)
	var sb strings.Builder
	for i := range out {
		sb.Reset()
		for sb.Len() < size {
			sb.WriteString(vocab[z.Uint64()])
			sb.WriteByte(' ')
		}
		out[i] = &news.Article{ID: fmt.Sprintf("%s%08d", prefix, i), Outlet: fmt.Sprintf("outlet%d", i%20),
			Title: vocab[z.Uint64()] + " " + vocab[z.Uint64()], Body: sb.String(),
			Published: t0.Add(time.Duration(i) * time.Minute), DatePrecision: "second", Sketch: r.Uint64()}
	}
	return out
}

// BenchPut measures PutArticles of 4 KB articles in batches of 500 and
// reports articles/s; open returns an empty store.
func BenchPut(b *testing.B, open func(b *testing.B) store.Store) {
	const batch = 500
	s := open(b)
	defer s.Close()
	arts := Corpus(fmt.Sprintf("p%d_", b.N), b.N*batch, 4096)
	b.SetBytes(batch * 4096)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.PutArticles(context.Background(), arts[i*batch:(i+1)*batch]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
}

// SearchCorpusSize is the number of articles BenchSearch expects stored.
const SearchCorpusSize = 20000

// FillSearchCorpus stores the SearchCorpusSize articles BenchSearch queries.
func FillSearchCorpus(s store.Store) error {
	arts := Corpus("s", SearchCorpusSize, 4096)
	for lo := 0; lo < len(arts); lo += 1000 {
		if _, err := s.PutArticles(context.Background(), arts[lo:min(lo+1000, len(arts))]); err != nil {
			return err
		}
	}
	return nil
}

// BenchSearch measures full-text queries (first 20 hits in time order) over
// a store filled by FillSearchCorpus: "selective" queries use mid-frequency
// words (a few hundred hits, like names in news), "common" ones words found in
// most articles (the worst case: the whole posting list is read).
func BenchSearch(b *testing.B, s store.Store) {
	sets := []struct {
		name    string
		queries []string
	}{
		{"selective", []string{vocab[300], vocab[500] + " " + vocab[90], vocab[1000], vocab[200] + " " + vocab[400], vocab[2500]}},
		{"common", []string{"iran meeting", "ambassador", "sanctions nuclear", "officials said"}},
	}
	for _, set := range sets {
		b.Run(set.name, func(b *testing.B) {
			hits := 0
			for i := 0; i < b.N; i++ {
				arts, err := s.ListArticles(context.Background(), store.ArticleQuery{Search: set.queries[i%len(set.queries)], Limit: 20})
				if err != nil {
					b.Fatal(err)
				}
				hits += len(arts)
			}
			if hits == 0 {
				b.Fatal("no hits: corpus not filled?")
			}
			b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
		})
	}
}

// BenchAnalysis measures PutAnalysis and GetAnalysis of realistic analyses
// (a 4 KB article: 40 sentences, 60 mentions, 20 entities, 30 claims).
func BenchAnalysis(b *testing.B, s store.Store) {
	ctx := context.Background()
	const n = 1000
	arts := Corpus("an", n, 4096)
	if _, err := s.PutArticles(ctx, arts); err != nil {
		b.Fatal(err)
	}
	mk := func(id string) *news.Analysis {
		an := &news.Analysis{ArticleID: id, Version: "bench", Date: "2024-11-15"}
		for i := 0; i < 40; i++ {
			an.Sentences = append(an.Sentences, news.Sentence{Span: news.Span{Start: i * 100, End: i*100 + 99}})
		}
		for i := 0; i < 60; i++ {
			an.Entities = append(an.Entities, news.Mention{Span: news.Span{Start: i * 60, End: i*60 + 9},
				Text: "Elon Musk", Type: news.Person, Ref: fmt.Sprintf("e%d", i%20+1)})
		}
		for i := 0; i < 20; i++ {
			an.Refs = append(an.Refs, news.EntityRef{ID: fmt.Sprintf("e%d", i+1), Name: vocab[i*7+50], Type: news.Person, Key: vocab[i*7+50]})
		}
		for i := 0; i < 30; i++ {
			an.Claims = append(an.Claims, news.Claim{Span: news.Span{Start: i * 120, End: i*120 + 80}, Predicate: "meet",
				Polarity: news.Positive, Statement: -1, Key: "elon musk|meet", Participants: []string{"elon musk", "iran"}})
		}
		return an
	}
	b.Run("put", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := s.PutAnalysis(ctx, mk(arts[i%n].ID)); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, a := range arts {
		if err := s.PutAnalysis(ctx, mk(a.ID)); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("get", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.GetAnalysis(ctx, arts[i%n].ID, "bench"); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Stories over those articles, listed as the web page does.
	var recs []*store.StoryRecord
	for i := 0; i < n; i += 5 {
		r := &store.StoryRecord{ID: fmt.Sprintf("story%05d", i), Title: arts[i].Title, Summary: []byte(`{"outlets":3}`),
			Report: make([]byte, 20000), First: arts[i].Published, Last: arts[i+4].Published, Updated: arts[i+4].Published}
		for j := i; j < i+5; j++ {
			r.ArticleIDs = append(r.ArticleIDs, arts[j].ID)
		}
		recs = append(recs, r)
	}
	if err := s.PutStories(ctx, recs); err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct {
		name string
		q    store.StoryQuery
	}{
		{"list-stories", store.StoryQuery{Limit: 50}},
		{"list-stories-entity", store.StoryQuery{Limit: 50, Entity: vocab[50]}},
		{"list-stories-outlet", store.StoryQuery{Limit: 50, Outlet: "outlet3"}},
	} {
		b.Run(q.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				recs, err := s.ListStories(ctx, q.q)
				if err != nil || len(recs) == 0 {
					b.Fatal(len(recs), err)
				}
			}
		})
	}
}
