package ingest

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
)

// readAll reads inputs and returns the articles and the error messages.
func readAll(t *testing.T, inputs []string, opt Options) ([]*news.Article, []string) {
	t.Helper()
	var arts []*news.Article
	var errs []string
	err := Read(context.Background(), inputs, opt, strings.NewReader(""), func(a *news.Article, err error) error {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("error is not an *InputError: %v", err)
			}
			errs = append(errs, err.Error())
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return arts, errs
}

func seedsDir(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "examples", "seeds")
}

func TestSeeds(t *testing.T) {
	arts, errs := readAll(t, []string{seedsDir(t)}, DefaultOptions())
	if len(errs) > 0 || len(arts) != 2 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	want := []struct{ date, start string }{{"2024-11-15", "Elon Musk, who was named"}, {"2024-11-17", "WASHINGTON — Iran managed"}}
	for i, w := range want {
		if arts[i].Date() != w.date || !strings.HasPrefix(arts[i].Body, w.start) {
			t.Errorf("seed %d: date %s, body %.40q", i, arts[i].Date(), arts[i].Body)
		}
		if len(arts[i].ID) != 32 {
			t.Errorf("id %q is not a 128-bit hex hash", arts[i].ID)
		}
	}
	if arts[1].Outlet != "AP" || arts[1].OutletConfidence >= 1 {
		t.Errorf("002's outlet should be guessed as AP from its credit line, got %q (%v)", arts[1].Outlet, arts[1].OutletConfidence)
	}
	if arts[0].Outlet != "" {
		t.Errorf("000 names no outlet of its own, got %q", arts[0].Outlet)
	}
}

func TestFormats(t *testing.T) {
	td := "testdata"
	t.Run("html with JSON-LD", func(t *testing.T) {
		arts, errs := readAll(t, []string{filepath.Join(td, "page.html")}, DefaultOptions())
		if len(errs) > 0 || len(arts) != 1 {
			t.Fatalf("%d articles, errors %v", len(arts), errs)
		}
		a := arts[0]
		if a.Title != "Bridge reopens after repairs" || a.Outlet != "The Daily Planet" || a.Date() != "2025-01-31" ||
			a.URL != "https://dailyplanet.example/2025/01/31/bridge" {
			t.Errorf("metadata: title %q outlet %q date %q url %q", a.Title, a.Outlet, a.Date(), a.URL)
		}
		if strings.Contains(a.Body, "Home | World") || strings.Contains(a.Body, "©") || strings.HasPrefix(a.Body, "By ") {
			t.Errorf("boilerplate kept: %q", a.Body)
		}
		if !strings.Contains(a.Body, "\n\nEngineers replaced") {
			t.Errorf("paragraphs lost: %q", a.Body)
		}
	})
	t.Run("rss", func(t *testing.T) {
		opt := DefaultOptions()
		opt.FetchLinked = false
		arts, errs := readAll(t, []string{filepath.Join(td, "feed.rss")}, opt)
		if len(arts) != 1 || arts[0].Outlet != "Coastal Wire" || arts[0].Date() != "2025-03-03" || strings.Contains(arts[0].Body, "<p>") {
			t.Errorf("rss: %+v", arts)
		}
		if len(errs) != 1 || !strings.Contains(errs[0], "item2") {
			t.Errorf("the empty item should fail alone: %v", errs)
		}
	})
	t.Run("atom", func(t *testing.T) {
		arts, errs := readAll(t, []string{filepath.Join(td, "feed.atom")}, DefaultOptions())
		if len(errs) > 0 || len(arts) != 1 || arts[0].Date() != "2025-03-06" || !strings.Contains(arts[0].Body, "\n\nNorvak declined") {
			t.Errorf("atom: %v %+v", errs, arts)
		}
	})
	t.Run("jsonl with bad lines", func(t *testing.T) {
		arts, errs := readAll(t, []string{filepath.Join(td, "mixed.jsonl")}, DefaultOptions())
		if len(arts) != 2 {
			t.Errorf("%d good records, want 2", len(arts))
		}
		want := []string{
			`mixed.jsonl:2: field "date": "yesterday" is not a date`,
			`mixed.jsonl:3: field "text": got 42, expected a string`,
			`mixed.jsonl:4: not a JSON object`,
			`mixed.jsonl:7: field "text": missing or empty`,
		}
		if len(errs) != len(want) {
			t.Fatalf("errors %q", errs)
		}
		for i, w := range want {
			if !strings.Contains(errs[i], w) {
				t.Errorf("error %d = %q, want it to contain %q", i, errs[i], w)
			}
		}
		if arts[1].ExternalID != "7" || arts[1].DatePrecision != "second" || arts[0].Source != filepath.Join(td, "mixed.jsonl")+":1" {
			t.Errorf("records: %+v / %+v", arts[0], arts[1])
		}
	})
	t.Run("binary junk and a bad seed date", func(t *testing.T) {
		arts, errs := readAll(t, []string{filepath.Join(td, "junk.bin"), filepath.Join(td, "baddate.txt"), filepath.Join(td, "missing.txt")}, DefaultOptions())
		if len(arts) != 0 || len(errs) != 3 {
			t.Fatalf("arts %d errs %q", len(arts), errs)
		}
		for i, w := range []string{"binary data", "is not a date", "no such file"} {
			if !strings.Contains(errs[i], w) {
				t.Errorf("error %q lacks %q", errs[i], w)
			}
		}
	})
	t.Run("plain text takes the date flag and never invents one", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "note.txt")
		os.WriteFile(p, []byte("Officials said the talks would resume.\r\n\r\n\r\n\r\nNo date was given."), 0o644)
		arts, _ := readAll(t, []string{p}, DefaultOptions())
		if len(arts) != 1 || arts[0].HasDate() || arts[0].Body != "Officials said the talks would resume.\n\nNo date was given." {
			t.Errorf("undated text: %+v", arts)
		}
		opt := DefaultOptions()
		opt.Date = time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC)
		arts, _ = readAll(t, []string{p}, opt)
		if arts[0].Date() != "2025-01-31" {
			t.Errorf("--date not applied: %q", arts[0].Date())
		}
	})
	t.Run("oversized file", func(t *testing.T) {
		opt := DefaultOptions()
		opt.MaxBytes = 100
		_, errs := readAll(t, []string{filepath.Join(td, "page.html")}, opt)
		if len(errs) != 1 || !strings.Contains(errs[0], "limit") {
			t.Errorf("errors %q", errs)
		}
	})
}

func TestFeedFromURL(t *testing.T) {
	page, _ := os.ReadFile(filepath.Join("testdata", "page.html"))
	mux := http.NewServeMux()
	var ua string
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		ua = r.UserAgent()
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Planet Feed</title>
<item><title>Bridge</title><link>http://%s/page</link><description>Short summary.</description><pubDate>Fri, 31 Jan 2025 13:00:00 GMT</pubDate></item>
</channel></rss>`, r.Host)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) { w.Write(page) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	opt := DefaultOptions()
	opt.Timeout = 300 * time.Millisecond
	arts, errs := readAll(t, []string{srv.URL + "/feed.xml", srv.URL + "/slow"}, opt)
	if len(arts) != 1 || !strings.Contains(arts[0].Body, "Engineers replaced 40 steel cables") {
		t.Fatalf("summary-only item did not get its page: %+v", arts)
	}
	if !strings.HasPrefix(ua, "crosscheck/") {
		t.Errorf("user agent %q", ua)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "timed out") || !strings.Contains(errs[0], "/slow") {
		t.Errorf("slow server: %q", errs)
	}
}

func TestIdentity(t *testing.T) {
	a := ContentID(Normalize("Hello  world.\r\n\r\nSecond   paragraph. "))
	b := ContentID(Normalize("Hello world.\n\nSecond paragraph."))
	if a != b {
		t.Error("whitespace changes the content id")
	}
	if ContentID("Hello world.") == ContentID("Hello world!") {
		t.Error("different texts share an id")
	}
}

func TestNearDuplicates(t *testing.T) {
	base := "A fire at a Norvak Chemicals plant in the port city of Tessaly killed 12 workers on Monday, the city's fire chief said. " +
		"The blaze started in a solvent storage hall shortly after 6 a.m. and burned for more than five hours. " +
		"Two workers said that safety inspections had been skipped for months to keep production running. " +
		"Norvak Chemicals denied that any inspections had been skipped and said the plant had passed an audit in January. " +
		"Interior Minister Paul Ardent said the government would open an investigation into the cause of the fire."
	copyEdit := strings.Replace(base, "shortly after 6 a.m.", "at about 6 a.m.", 1) + " This article was distributed by a news service."
	other := "The Harbor Bridge reopened on Friday after eight months of repairs, the city's transport department said. " +
		"Engineers replaced 40 steel cables and resurfaced the deck, according to the department, which put the cost at $12 million. " +
		"The mayor thanked workers for finishing two weeks ahead of schedule and said a report would follow next month."
	d := func(a, b string) int { return bits.OnesCount64(Sketch(a) ^ Sketch(b)) }
	if got := d(base, copyEdit); got > MaxDistance {
		t.Errorf("light edit: distance %d > %d", got, MaxDistance)
	}
	if got := d(base, other); got <= MaxDistance*2 {
		t.Errorf("different article: distance %d is too close", got)
	}
	ix := NewIndex()
	ix.Add("orig", Sketch(base))
	ix.Add("other", Sketch(other))
	if got := ix.Near(Sketch(copyEdit)); got != "orig" {
		t.Errorf("Near = %q, want orig", got)
	}
	if got := ix.Near(Sketch("An unrelated note about the weather in the hills, which stayed dry and mild all week long.")); got != "" {
		t.Errorf("Near found %q for an unrelated text", got)
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","date":"2025-01-01","text":"x"}`))
	f.Add([]byte(`{"id":1,"date":2,"text":null}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := parseRecord(b, DefaultOptions())
		if err == nil && (a.ID == "" || a.Body == "") {
			t.Fatalf("accepted a record without id or body: %q", b)
		}
	})
}

func FuzzHTML(f *testing.F) {
	b, _ := os.ReadFile(filepath.Join("testdata", "page.html"))
	f.Add(b)
	f.Add([]byte("<html><p>unclosed <b>tags<p>and &amp; entities"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if a, err := readHTML("fuzz", "", b); err == nil && a.Body == "" {
			t.Fatal("empty body accepted")
		}
	})
}

func FuzzFeed(f *testing.F) {
	for _, name := range []string{"feed.rss", "feed.atom"} {
		b, _ := os.ReadFile(filepath.Join("testdata", name))
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		opt := DefaultOptions()
		opt.FetchLinked = false
		opt.fill()
		_ = readFeed(context.Background(), "fuzz", "", b, opt, func(a *news.Article, err error) error { return nil })
	})
}

func FuzzText(f *testing.F) {
	f.Add([]byte(" date 2024-11-15 Elon Musk met"))
	f.Add([]byte("date 9999-99-99\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = readText("fuzz", b, DefaultOptions())
	})
}

func BenchmarkNear(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ix := NewIndex()
			for i := 0; i < n; i++ {
				ix.Add(fmt.Sprint(i), Sketch(fmt.Sprintf("article %d about topic %d in city %d with detail %d", i, i%97, i%89, i*7)))
			}
			q := Sketch("a new article about something else entirely, never seen before in the corpus")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ix.Near(q)
			}
		})
	}
}
