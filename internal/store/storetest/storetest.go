// Package storetest is the contract every store.Store engine must meet. Each
// engine's tests call Run with a constructor for an empty store; the same
// cases then hold the SQLite and PostgreSQL engines to the same behaviour.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// Run runs the contract suite; open must return a new, empty store (it is
// closed by the suite).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		f    func(t *testing.T, s store.Store)
	}{
		{"PutGet", testPutGet},
		{"IdempotentPut", testIdempotent},
		{"Duplicates", testDuplicates},
		{"Search", testSearch},
		{"Filters", testFilters},
		{"Ordering", testOrdering},
		{"Analysis", testAnalysis},
		{"Stories", testStories},
		{"UpdateStories", testUpdateStories},
		{"Digests", testDigests},
		{"NotFound", testNotFound},
		{"ConcurrentWriters", testConcurrent},
		{"ConcurrentStories", testConcurrentStories},
		{"UnicodeAndLarge", testUnicode},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.f(t, s)
		})
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// art builds a test article; body doubles as the ID seed.
func art(id, outlet, date, title, body string) *news.Article {
	a := &news.Article{ID: id, Outlet: outlet, Title: title, Body: body, URL: "https://example.com/" + id,
		Source: "test:" + id, Sketch: 0xfedcba9876543210}
	if date != "" {
		a.Published = day(date)
		a.DatePrecision = "day"
	}
	return a
}

func put(t *testing.T, s store.Store, arts ...*news.Article) []store.PutResult {
	t.Helper()
	res, err := s.PutArticles(context.Background(), arts)
	if err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	return res
}

func ids(arts []*news.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

func list(t *testing.T, s store.Store, q store.ArticleQuery) []string {
	t.Helper()
	arts, err := s.ListArticles(context.Background(), q)
	if err != nil {
		t.Fatalf("ListArticles(%+v): %v", q, err)
	}
	return ids(arts)
}

func testPutGet(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := art("a1", "Reuters", "2024-11-15", "Musk met Iran's envoy", "Elon Musk met Iran's ambassador on Monday.")
	a.ExternalID, a.OutletConfidence = "ext-1", 0.5
	a.Published = time.Date(2024, 11, 15, 13, 4, 5, 123456789, time.UTC)
	a.DatePrecision = "second"
	before := time.Now().Add(-time.Second)
	if res := put(t, s, a); !slices.Equal(res, []store.PutResult{store.Inserted}) {
		t.Fatalf("PutArticles = %v, want [Inserted]", res)
	}
	if a.Ingested.Before(before) {
		t.Errorf("Ingested = %v, want about now", a.Ingested)
	}
	got, err := s.GetArticle(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published.Equal(a.Published) || !got.Ingested.Equal(a.Ingested) {
		t.Errorf("times: got %v/%v, want %v/%v", got.Published, got.Ingested, a.Published, a.Ingested)
	}
	got.Published, got.Ingested = a.Published, a.Ingested
	if *got != *a {
		t.Errorf("GetArticle:\n got %+v\nwant %+v", *got, *a)
	}
	undated := art("a2", "", "", "", "No date here.")
	put(t, s, undated)
	got, err = s.GetArticle(ctx, "a2")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published.IsZero() || got.Ingested.IsZero() {
		t.Errorf("undated: Published %v Ingested %v, want zero and set", got.Published, got.Ingested)
	}
	if n, err := s.CountArticles(ctx); err != nil || n != 2 {
		t.Errorf("CountArticles = %d, %v; want 2", n, err)
	}
	if _, err := s.PutArticles(ctx, []*news.Article{{Body: "no id"}}); err == nil {
		t.Error("PutArticles with empty ID: want error")
	}
	bad := art("bad", "", "", "", "year nine")
	bad.Published = time.Date(9, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := s.PutArticles(ctx, []*news.Article{art("ok", "", "", "", "fine"), bad}); err == nil {
		t.Error("PutArticles with a year-9 date: want error")
	}
	if _, err := s.GetArticle(ctx, "ok"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a rejected batch stored part of itself: err = %v", err)
	}
	if res, err := s.PutArticles(ctx, nil); err != nil || len(res) != 0 {
		t.Errorf("PutArticles(nil) = %v, %v", res, err)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := art("a1", "AP", "2024-11-15", "t", "body one")
	b := art("b1", "AP", "2024-11-16", "t", "body two")
	put(t, s, a)
	first, _ := s.GetArticle(ctx, "a1")
	a2 := art("a1", "Changed", "2024-01-01", "changed", "body one")
	res := put(t, s, a2, b, b)
	if want := []store.PutResult{store.Exists, store.Inserted, store.Exists}; !slices.Equal(res, want) {
		t.Fatalf("re-put = %v, want %v", res, want)
	}
	got, _ := s.GetArticle(ctx, "a1")
	if got.Outlet != "AP" || !got.Ingested.Equal(first.Ingested) {
		t.Errorf("re-put changed the stored article: %+v", got)
	}
	if n, _ := s.CountArticles(ctx); n != 2 {
		t.Errorf("count = %d, want 2", n)
	}
}

func testDuplicates(t *testing.T, s store.Store) {
	ctx := context.Background()
	orig := art("o1", "AP", "2024-11-15", "t", "original")
	orig.Sketch = 1<<63 | 5
	cp := art("c1", "Yahoo", "2024-11-15", "t", "copy")
	cp.DuplicateOf = "o1"
	put(t, s, orig, cp)
	if got := list(t, s, store.ArticleQuery{}); !slices.Equal(got, []string{"o1"}) {
		t.Errorf("default list = %v, want [o1]", got)
	}
	if got := list(t, s, store.ArticleQuery{IncludeDuplicates: true}); !slices.Equal(got, []string{"c1", "o1"}) {
		t.Errorf("with duplicates = %v, want [c1 o1]", got)
	}
	sk, err := s.Sketches(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sk) != 1 || sk["o1"] != 1<<63|5 {
		t.Errorf("Sketches = %v, want only o1 with its full 64-bit value", sk)
	}
	if n, _ := s.CountArticles(ctx); n != 2 {
		t.Errorf("CountArticles = %d, want 2 (copies count)", n)
	}
}

func seedCorpus(t *testing.T, s store.Store) {
	put(t, s,
		art("m1", "NYT", "2024-11-14", "Musk met Iran's ambassador", "Elon Musk met Iran's ambassador to the United Nations on Monday, officials said."),
		art("m2", "Reuters", "2024-11-15", "Iran denies meeting", "Iran's foreign ministry denied that the meeting took place."),
		art("m3", "AP", "2024-11-16", "Markets", "Stocks rose on Friday as investors weighed the election."),
		art("m4", "NYT", "2024-11-17", "Envoy meetings", "The ambassador has met many business leaders in recent meetings."),
	)
}

func testSearch(t *testing.T, s store.Store) {
	seedCorpus(t, s)
	tests := []struct {
		q    string
		want []string
	}{
		{"musk", []string{"m1"}},
		{"Ambassador", []string{"m1", "m4"}},
		{"meeting", []string{"m2", "m4"}}, // stemming: meetings → meet
		{"iran denied", []string{"m2"}},
		{"ambassador musk", []string{"m1"}}, // all words must match
		{"markets", []string{"m3"}},         // title is searched
		{"nosuchword", []string{}},
		{`"musk*" -officials: (`, []string{"m1"}}, // syntax is never interpreted
		{"***", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			if got := list(t, s, store.ArticleQuery{Search: tc.q}); !slices.Equal(got, tc.want) {
				t.Errorf("Search %q = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

func testFilters(t *testing.T, s store.Store) {
	seedCorpus(t, s)
	tests := []struct {
		name string
		q    store.ArticleQuery
		want []string
	}{
		{"all", store.ArticleQuery{}, []string{"m1", "m2", "m3", "m4"}},
		{"outlet", store.ArticleQuery{Outlet: "NYT"}, []string{"m1", "m4"}},
		{"from", store.ArticleQuery{From: day("2024-11-15")}, []string{"m2", "m3", "m4"}},
		{"to exclusive", store.ArticleQuery{To: day("2024-11-16")}, []string{"m1", "m2"}},
		{"range", store.ArticleQuery{From: day("2024-11-15"), To: day("2024-11-17")}, []string{"m2", "m3"}},
		{"extreme bounds", store.ArticleQuery{From: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"m1", "m2", "m3", "m4"}},
		{"ids", store.ArticleQuery{IDs: []string{"m4", "m1", "zz"}}, []string{"m1", "m4"}},
		{"empty ids", store.ArticleQuery{IDs: []string{}}, []string{}},
		{"limit", store.ArticleQuery{Limit: 2}, []string{"m1", "m2"}},
		{"offset", store.ArticleQuery{Limit: 2, Offset: 1}, []string{"m2", "m3"}},
		{"offset only", store.ArticleQuery{Offset: 3}, []string{"m4"}},
		{"outlet and search", store.ArticleQuery{Outlet: "NYT", Search: "ambassador", From: day("2024-11-15")}, []string{"m4"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := list(t, s, tc.q); !slices.Equal(got, tc.want) {
				t.Errorf("ListArticles = %v, want %v", got, tc.want)
			}
		})
	}
}

func testOrdering(t *testing.T, s store.Store) {
	// Same time: ID breaks the tie; an undated article sorts by its ingestion time.
	ing := time.Date(2024, 11, 15, 12, 0, 0, 0, time.UTC)
	u := art("u1", "", "", "", "undated")
	u.Ingested = ing
	put(t, s, art("b", "", "2024-11-15", "", "b"), art("a", "", "2024-11-15", "", "a"),
		art("c", "", "2024-11-16", "", "c"), u, art("z", "", "2024-11-01", "", "z"))
	want := []string{"z", "a", "b", "u1", "c"}
	for i := 0; i < 3; i++ {
		if got := list(t, s, store.ArticleQuery{}); !slices.Equal(got, want) {
			t.Fatalf("order = %v, want %v", got, want)
		}
	}
	ctx := context.Background()
	miss, err := s.MissingAnalysis(ctx, "v1", 0)
	if err != nil || !slices.Equal(miss, want) {
		t.Errorf("MissingAnalysis order = %v, %v; want %v", miss, err, want)
	}
}

func analysis(id, version string, keys ...string) *news.Analysis {
	an := &news.Analysis{ArticleID: id, Version: version, Date: "2024-11-15",
		Sentences: []news.Sentence{{Span: news.Span{Start: 0, End: 5}}},
		Claims:    []news.Claim{{Predicate: "meet", Polarity: news.Positive, Statement: -1}}}
	for i, k := range keys {
		an.Refs = append(an.Refs, news.EntityRef{ID: fmt.Sprintf("e%d", i+1), Key: k, Name: strings.ToUpper(k[:1]) + k[1:], Type: news.Person})
	}
	return an
}

func testAnalysis(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, art("a1", "", "2024-11-15", "", "one"), art("a2", "", "2024-11-16", "", "two"),
		art("a3", "", "2024-11-17", "", "three"))
	cp := art("c1", "", "2024-11-15", "", "copy")
	cp.DuplicateOf = "a1"
	put(t, s, cp)
	check := func(v string, limit int, want ...string) {
		t.Helper()
		got, err := s.MissingAnalysis(ctx, v, limit)
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = []string{}
		}
		if !slices.Equal(got, want) {
			t.Errorf("MissingAnalysis(%s, %d) = %v, want %v", v, limit, got, want)
		}
	}
	check("v1", 0, "a1", "a2", "a3")
	check("v1", 2, "a1", "a2")
	if err := s.PutAnalysis(ctx, analysis("a2", "v1", "elon musk")); err != nil {
		t.Fatal(err)
	}
	check("v1", 0, "a1", "a3")
	check("v2", 0, "a1", "a2", "a3")
	// Replace: the newer analysis wins, the other version is untouched.
	an := analysis("a2", "v1", "iran")
	an.Date = "2024-11-11"
	if err := s.PutAnalysis(ctx, an); err != nil {
		t.Fatal(err)
	}
	if err := s.PutAnalysis(ctx, analysis("a2", "v2", "x")); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetAnalysis(ctx, "a2", "v1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != "2024-11-11" || len(got.Refs) != 1 || got.Refs[0].Key != "iran" || got.Version != "v1" ||
		len(got.Claims) != 1 || got.Claims[0].Statement != -1 || got.Sentences[0].End != 5 {
		t.Errorf("GetAnalysis = %+v", got)
	}
	if got, _ := s.GetAnalysis(ctx, "a2", "v2"); got == nil || got.Refs[0].Key != "x" {
		t.Errorf("GetAnalysis v2 = %+v", got)
	}
	check("v2", 0, "a1", "a3")
	if _, err := s.GetAnalysis(ctx, "a1", "v1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetAnalysis missing: err = %v, want ErrNotFound", err)
	}
	if err := s.PutAnalysis(ctx, analysis("nope", "v1")); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PutAnalysis of unknown article: err = %v, want ErrNotFound", err)
	}
}

func testStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	seedCorpus(t, s)
	for _, an := range []*news.Analysis{
		analysis("m1", "v1", "elon musk", "iran"),
		analysis("m2", "v1", "iran"),
		analysis("m3", "v1", "wall street"),
	} {
		if err := s.PutAnalysis(ctx, an); err != nil {
			t.Fatal(err)
		}
	}
	old := []*store.StoryRecord{{ID: "gone", Title: "Old", ArticleIDs: []string{"m3"}, First: day("2024-11-16"), Last: day("2024-11-16")}}
	if err := s.PutStories(ctx, old); err != nil {
		t.Fatal(err)
	}
	recs := []*store.StoryRecord{
		{ID: "s1", Title: "Musk meets Iran's UN envoy", ArticleIDs: []string{"m2", "m1"},
			First: day("2024-11-14"), Last: day("2024-11-15"), Summary: []byte(`{"outlets":2}`),
			Report: []byte(`{"id":"s1"}`), Updated: day("2024-11-15")},
		{ID: "s2", Title: "Stocks rise", ArticleIDs: []string{"m3"}, First: day("2024-11-16"), Last: day("2024-11-16"),
			Updated: day("2024-11-16")},
		{ID: "s0", Title: "Envoy's meetings", ArticleIDs: []string{"m4"}, First: day("2024-11-16"), Last: day("2024-11-16")},
	}
	if err := s.PutStories(ctx, recs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetStory(ctx, "gone"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PutStories kept an old story: err = %v", err)
	}
	got, err := s.GetStory(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != recs[0].Title || !slices.Equal(got.ArticleIDs, []string{"m2", "m1"}) || string(got.Summary) != `{"outlets":2}` ||
		string(got.Report) != `{"id":"s1"}` || !got.First.Equal(recs[0].First) || !got.Last.Equal(recs[0].Last) || !got.Updated.Equal(recs[0].Updated) {
		t.Errorf("GetStory = %+v", got)
	}
	tests := []struct {
		name string
		q    store.StoryQuery
		want []string
	}{
		{"all, latest first then id", store.StoryQuery{}, []string{"s0", "s2", "s1"}},
		{"limit", store.StoryQuery{Limit: 1}, []string{"s0"}},
		{"offset", store.StoryQuery{Limit: 5, Offset: 1}, []string{"s2", "s1"}},
		{"entity key", store.StoryQuery{Entity: "iran"}, []string{"s1"}},
		{"entity name", store.StoryQuery{Entity: "Elon musk"}, []string{"s1"}},
		{"entity none", store.StoryQuery{Entity: "nobody"}, []string{}},
		{"outlet", store.StoryQuery{Outlet: "NYT"}, []string{"s0", "s1"}},
		{"search title", store.StoryQuery{Search: "iran's envoy"}, []string{"s1"}},
		{"search literal", store.StoryQuery{Search: "100%"}, []string{}},
		{"from", store.StoryQuery{From: day("2024-11-16")}, []string{"s0", "s2"}},
		{"to", store.StoryQuery{To: day("2024-11-15")}, []string{"s1"}},
		{"extreme bounds", store.StoryQuery{From: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"s0", "s2", "s1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := s.ListStories(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range recs {
				got = append(got, r.ID)
				if r.ID == "s1" && (!slices.Equal(r.ArticleIDs, []string{"m2", "m1"}) || string(r.Summary) != `{"outlets":2}`) {
					t.Errorf("listed s1 = %+v", r)
				}
			}
			if got == nil {
				got = []string{}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("ListStories(%+v) = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
	if err := s.PutStories(ctx, []*store.StoryRecord{{ID: "x"}, {ID: "x"}}); err == nil {
		t.Error("PutStories with a repeated ID: want error")
	}
	if recs, err := s.ListStories(ctx, store.StoryQuery{}); err != nil || len(recs) != 3 {
		t.Errorf("a failed PutStories changed the stored set: %d, %v", len(recs), err)
	}
	if err := s.PutStories(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if recs, _ := s.ListStories(ctx, store.StoryQuery{}); len(recs) != 0 {
		t.Errorf("PutStories(nil) left %d stories", len(recs))
	}
}

// testUpdateStories: put replaces, keep keeps, everything else goes; the
// fingerprint round-trips.
func testUpdateStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	seedCorpus(t, s)
	rec := func(id, fp string, members ...string) *store.StoryRecord {
		return &store.StoryRecord{ID: id, Title: "T " + id, ArticleIDs: members, First: day("2024-11-15"), Last: day("2024-11-15"),
			Report: []byte(`{"id":"` + id + `"}`), Fingerprint: fp}
	}
	if err := s.PutStories(ctx, []*store.StoryRecord{rec("a", "fa", "m1"), rec("b", "fb", "m2"), rec("c", "fc", "m3")}); err != nil {
		t.Fatal(err)
	}
	// b changes (now with m4), a stays, c is merged away, d is new.
	if err := s.UpdateStories(ctx, []*store.StoryRecord{rec("b", "fb2", "m2", "m4"), rec("d", "fd", "m5")}, []string{"a"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ListStories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]string{}
	for _, r := range got {
		have[r.ID] = r.Fingerprint + ":" + strings.Join(r.ArticleIDs, ",")
	}
	want := map[string]string{"a": "fa:m1", "b": "fb2:m2,m4", "d": "fd:m5"}
	if fmt.Sprint(have) != fmt.Sprint(want) {
		t.Errorf("after UpdateStories: %v, want %v", have, want)
	}
	if _, err := s.GetStory(ctx, "c"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("story c should be gone: err = %v", err)
	}
	if b, err := s.GetStory(ctx, "b"); err != nil || string(b.Report) != `{"id":"b"}` || b.Fingerprint != "fb2" {
		t.Errorf("GetStory(b) = %+v, %v", b, err)
	}
	if err := s.UpdateStories(ctx, []*store.StoryRecord{rec("x", ""), rec("x", "")}, nil); err == nil {
		t.Error("UpdateStories with a repeated ID should fail")
	}
	if got, _ := s.ListStories(ctx, store.StoryQuery{}); len(got) != 3 {
		t.Errorf("a failed update changed the set: %d stories", len(got))
	}
}

// testDigests: entity keys and day-precise dates per analysed article.
func testDigests(t *testing.T, s store.Store) {
	ctx := context.Background()
	seedCorpus(t, s)
	a1 := analysis("m1", "v1", "iran", "elon musk", "iran")
	a1.Timexes = []news.Timex{{Type: news.TimexDate, Value: "2024-11-11"}, {Type: news.TimexDate, Value: "2024-11"},
		{Type: news.TimexDate, Value: "2024-10-14"}, {Type: news.TimexDuration, Value: "P1D"}, {Type: news.TimexDate, Value: "2024-11-11"}}
	for _, an := range []*news.Analysis{a1, analysis("m2", "v1"), analysis("m3", "v2", "wall street")} {
		if err := s.PutAnalysis(ctx, an); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Digests(ctx, "v1")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]store.Digest{
		"m1": {Keys: []string{"elon musk", "iran"}, Dates: []string{"2024-10-14", "2024-11-11"}},
		"m2": {},
	}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("Digests = %+v, want %+v", got, want)
	}
	// Re-analysis replaces the dates.
	a1.Timexes = a1.Timexes[:1]
	if err := s.PutAnalysis(ctx, a1); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Digests(ctx, "v1")
	if d := got["m1"]; len(d.Dates) != 1 || d.Dates[0] != "2024-11-11" {
		t.Errorf("after re-analysis: %+v", d)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	_, err := s.GetArticle(ctx, "missing")
	if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "missing") {
		t.Errorf("GetArticle: err = %v, want ErrNotFound naming the ID", err)
	}
	if _, err := s.GetStory(ctx, "missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetStory: err = %v, want ErrNotFound", err)
	}
	if _, err := s.GetAnalysis(ctx, "missing", "v1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetAnalysis: err = %v, want ErrNotFound", err)
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	// Four writers insert overlapping ranges: every article is stored exactly
	// once and exactly one writer reports it Inserted.
	const workers, per, step = 4, 60, 20
	var mu sync.Mutex
	inserted := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for lo := w * step; lo < w*step+per; lo += 10 {
				var batch []*news.Article
				for i := lo; i < lo+10; i++ {
					batch = append(batch, art(fmt.Sprintf("k%04d", i), "AP", "2024-11-15", "t", fmt.Sprintf("body %d", i)))
				}
				if w%2 == 1 { // opposite orders must not deadlock
					slices.Reverse(batch)
				}
				res, err := s.PutArticles(context.Background(), batch)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				for i, r := range res {
					if r == store.Inserted {
						inserted[batch[i].ID]++
					}
				}
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	want := (workers-1)*step + per
	if n, _ := s.CountArticles(context.Background()); n != want {
		t.Errorf("count = %d, want %d", n, want)
	}
	if len(inserted) != want {
		t.Errorf("%d distinct inserts, want %d", len(inserted), want)
	}
	for id, n := range inserted {
		if n != 1 {
			t.Errorf("%s reported Inserted %d times", id, n)
		}
	}
}

func testConcurrentStories(t *testing.T, s store.Store) {
	// Concurrent replacements serialise: the result is exactly one writer's set.
	const writers = 4
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var recs []*store.StoryRecord
			for i := 0; i < 5; i++ {
				recs = append(recs, &store.StoryRecord{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("w%d", w),
					ArticleIDs: []string{fmt.Sprintf("a%d", i)}, Last: day("2024-11-15")})
			}
			for r := 0; r < 3 && errs[w] == nil; r++ {
				errs[w] = s.PutStories(context.Background(), recs)
			}
		}(w)
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", w, err)
		}
	}
	recs, err := s.ListStories(context.Background(), store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 {
		t.Fatalf("%d stories, want 5", len(recs))
	}
	for _, r := range recs {
		if r.Title != recs[0].Title || len(r.ArticleIDs) != 1 {
			t.Errorf("mixed sets: %+v vs %+v", r, recs[0])
		}
	}
}

func testUnicode(t *testing.T, s store.Store) {
	ctx := context.Background()
	body := "Ministre Baghaei a déclaré — «non» 🚫 — 伊朗外交部否认了会面。\nZürich, São Paulo, Ελλάδα."
	large := strings.Repeat("Lorem ipsum dolor sit amet, Ünïcödé wörds and more words. ", 4000) // ~240 KB
	put(t, s, art("u1", "Le Monde", "2024-11-15", "Téhéran dément", body),
		art("u2", "Big", "2024-11-15", "big", large+"needlefinal"))
	got, err := s.GetArticle(ctx, "u1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != body || got.Title != "Téhéran dément" {
		t.Errorf("unicode round trip: %q", got.Body)
	}
	got, err = s.GetArticle(ctx, "u2")
	if err != nil || got.Body != large+"needlefinal" {
		t.Errorf("large body round trip failed: %v", err)
	}
	for _, q := range []string{"zürich", "Téhéran", "needlefinal"} {
		if ids := list(t, s, store.ArticleQuery{Search: q}); len(ids) != 1 {
			t.Errorf("Search %q = %v, want one hit", q, ids)
		}
	}
}

// TwoWriters checks that two stores opened separately on one database (as two
// processes would) can ingest overlapping batches at once: every article is
// stored once and reported Inserted by exactly one of them.
func TwoWriters(t *testing.T, a, b store.Store) {
	t.Helper()
	const n, batch = 400, 50
	arts := Corpus("two", n, 1024)
	clone := func(in []*news.Article) []*news.Article {
		out := make([]*news.Article, len(in))
		for i, x := range in {
			c := *x
			out[i] = &c
		}
		return out
	}
	counts := make([]int, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for w, s := range []store.Store{a, b} {
		wg.Add(1)
		go func(w int, s store.Store, mine []*news.Article) {
			defer wg.Done()
			if w == 1 {
				slices.Reverse(mine)
			}
			for lo := 0; lo < len(mine); lo += batch {
				res, err := s.PutArticles(context.Background(), mine[lo:lo+batch])
				if err != nil {
					errs[w] = err
					return
				}
				for _, r := range res {
					if r == store.Inserted {
						counts[w]++
					}
				}
			}
		}(w, s, clone(arts))
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Fatalf("writer %d: %v", w, err)
		}
	}
	if counts[0]+counts[1] != n {
		t.Errorf("Inserted reported %d + %d times, want %d in total", counts[0], counts[1], n)
	}
	for _, s := range []store.Store{a, b} {
		if got, err := s.CountArticles(context.Background()); err != nil || got != n {
			t.Errorf("count = %d, %v; want %d", got, err, n)
		}
	}
}
