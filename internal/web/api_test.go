package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
	"github.com/crosscheck/crosscheck/internal/store/sqlite"
)

// hostile is an article whose text tries to inject script into the page.
const hostile = `<script>alert("x")</script> Officials said on Monday that the talks <img src=x onerror=alert(1)> had collapsed.`

// testStore returns a real SQLite store holding three analysed articles in stories.
func testStore(t *testing.T) store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir()+"/test.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	arts := []*news.Article{
		{ID: "a1", Outlet: "Ledger", OutletConfidence: 1, Title: "Fire kills 12", Published: day("2025-03-04"), DatePrecision: "day",
			Body: "A fire at a Norvak Chemicals plant in Tessaly killed 12 workers on Monday, fire chief Marta Kovacs said."},
		{ID: "a2", Outlet: "Wire", OutletConfidence: 1, Title: "Toll put at nine", Published: day("2025-03-05"), DatePrecision: "day",
			Body: "A fire at a Norvak Chemicals plant in Tessaly killed nine workers on Monday, police said on Tuesday."},
		{ID: "a3", Outlet: "Evil", OutletConfidence: 1, Title: "<b>bold</b> title", Published: day("2025-03-06"), DatePrecision: "day", Body: hostile},
	}
	if _, err := st.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	an, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.AnalyzePending(ctx, st, an, pipeline.AnalyzeOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.BuildStories(ctx, st, pipeline.StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	return st
}

// startServer runs a real server on a loopback port and returns its base URL.
func startServer(t *testing.T, cfg Config) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	errc := make(chan error, 1)
	srv := New(cfg)
	go func() { errc <- srv.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a }) }()
	var addr net.Addr
	select {
	case addr = <-addrc:
	case err := <-errc:
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return "http://" + addr.String()
}

func get(t *testing.T, url string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

func TestAPI(t *testing.T) {
	st := testStore(t)
	base := startServer(t, Config{Store: st})

	var list struct {
		Stories []struct {
			ID       string `json:"id"`
			Articles int    `json:"articles"`
		} `json:"stories"`
	}
	code, hdr, body := get(t, base+"/api/stories")
	if code != 200 {
		t.Fatalf("GET /api/stories: %d %s", code, body)
	}
	if !strings.Contains(hdr.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("missing strict CSP: %q", hdr.Get("Content-Security-Policy"))
	}
	if err := json.Unmarshal(body, &list); err != nil || len(list.Stories) == 0 {
		t.Fatalf("story list: %v %s", err, body)
	}
	code, _, body = get(t, base+"/api/stories/"+list.Stories[0].ID)
	if code != 200 || !bytes.Contains(body, []byte(`"findings"`)) {
		t.Fatalf("GET story: %d %s", code, body)
	}

	tests := []struct {
		name string
		path string
		code int
		want string
	}{
		{"unknown story", "/api/stories/s-doesnotexist", 404, "no story"},
		{"unknown article", "/api/articles/ffff", 404, "no article"},
		{"path traversal", "/api/articles/..%2f..%2fetc%2fpasswd", 400, "article id"},
		{"bad limit", "/api/stories?limit=abc", 400, "limit"},
		{"bad date", "/api/articles?from=yesterday", 400, "from"},
		{"unknown endpoint", "/api/nothing", 404, "no such API endpoint"},
		{"search articles", "/api/articles?q=Tessaly", 200, `"a1"`},
		{"one article with annotations", "/api/articles/a2", 200, `"analysis"`},
		{"openapi", "/api/openapi.json", 200, `"openapi"`},
		{"page", "/", 200, "<script src=\"/static/app.js\""},
		{"story page", "/stories/" + list.Stories[0].ID, 200, "crosscheck"},
		{"static script", "/static/app.js", 200, "textContent"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, hdr, body := get(t, base+tc.path)
			if code != tc.code {
				t.Errorf("status %d, want %d (%s)", code, tc.code, body)
			}
			if !bytes.Contains(body, []byte(tc.want)) {
				t.Errorf("body lacks %q: %.300s", tc.want, body)
			}
			if code >= 400 && !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
				t.Errorf("error is not JSON: %q", hdr.Get("Content-Type"))
			}
		})
	}

	// Article text is returned as data, never as markup: the JSON escapes < and >.
	_, _, body = get(t, base+"/api/articles/a3")
	if bytes.Contains(body, []byte("<script>")) {
		t.Errorf("raw <script> in JSON: %s", body)
	}
}

func TestIngestEndpoint(t *testing.T) {
	st := testStore(t)
	var got []string
	ingest := func(ctx context.Context, r io.Reader, url string) (any, error) {
		if r != nil {
			b, err := io.ReadAll(r)
			if err != nil {
				return nil, err
			}
			got = append(got, string(b))
		} else {
			got = append(got, url)
		}
		return map[string]int{"ingested": 1}, nil
	}
	base := startServer(t, Config{Store: st, Ingest: ingest, Token: "sekret", MaxBody: 1024})
	post := func(ct, token, body string) (int, string) {
		req, _ := http.NewRequest("POST", base+"/api/ingest", strings.NewReader(body))
		req.Header.Set("Content-Type", ct)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tests := []struct {
		name, ct, token, body string
		code                  int
	}{
		{"no token", "application/x-ndjson", "", `{"text":"x"}`, 401},
		{"wrong token", "application/x-ndjson", "nope", `{"text":"x"}`, 401},
		{"jsonl", "application/x-ndjson", "sekret", `{"text":"hello"}`, 200},
		{"url", "application/json", "sekret", `{"url":"https://example.org/feed.xml"}`, 200},
		{"malformed json", "application/json", "sekret", `{"url":`, 400},
		{"unknown field", "application/json", "sekret", `{"href":"x"}`, 400},
		{"not a url", "application/json", "sekret", `{"url":"file:///etc/passwd"}`, 400},
		{"wrong type", "text/plain", "sekret", `hello`, 415},
		{"oversized", "application/json", "sekret", `{"url":"https://example.org/` + strings.Repeat("a", 2000) + `"}`, 413},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, body := post(tc.ct, tc.token, tc.body)
			if code != tc.code {
				t.Errorf("status %d, want %d: %s", code, tc.code, body)
			}
		})
	}
	if len(got) != 2 {
		t.Errorf("ingest called %d times, want 2 (only the valid requests): %q", len(got), got)
	}
}

func TestBeyondLoopbackNeedsToken(t *testing.T) {
	s := New(Config{Store: nil, Ingest: func(context.Context, io.Reader, string) (any, error) { return nil, nil }})
	err := s.ListenAndServe(context.Background(), "0.0.0.0:0", nil)
	if err == nil || !strings.Contains(err.Error(), "token") {
		t.Fatalf("err = %v, want a refusal that names the token", err)
	}
}
