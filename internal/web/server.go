// Package web serves crosscheck's JSON API and its web page over a store.
//
// Routes live in one table (routes). Handlers decode and validate, make one
// call into the store or the ingest function, and answer through the JSON
// helpers in respond.go. Article text is hostile input: the page is static
// (embedded), builds the DOM with textContent only, and every response
// carries a strict Content-Security-Policy with no inline script.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
)

//go:embed static
var staticFS embed.FS

// IngestFunc ingests articles read from r (JSONL records, or when url is
// set, the page or feed at that URL), runs the pipeline and returns a summary
// to show the client. The server serialises calls.
type IngestFunc func(ctx context.Context, r io.Reader, url string) (any, error)

// Config is what a Server needs.
type Config struct {
	Store  store.Store
	Ingest IngestFunc // nil disables POST /api/ingest
	// Token, when set, is required as "Authorization: Bearer TOKEN" on write
	// endpoints. Servers listening beyond loopback must have one.
	Token string
	// MaxBody caps request bodies (default 32 MiB).
	MaxBody int64
	// Poll is how often the event stream checks the store for changes (default 2 s).
	Poll   time.Duration
	Logger *slog.Logger
}

// Server is the HTTP server. Create it with New.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	ingestM sync.Mutex
	log     *slog.Logger
	// done closes when the server shuts down, ending event streams.
	done     chan struct{}
	doneOnce sync.Once
}

// New returns a Server with its routes.
func New(cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 32 << 20
	}
	if cfg.Poll <= 0 {
		cfg.Poll = 2 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), log: cfg.Logger, done: make(chan struct{})}
	s.routes()
	return s
}

// routes is the one table of every route.
func (s *Server) routes() {
	static, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(static)
	s.mux.HandleFunc("GET /api/openapi.json", s.openAPI)
	s.mux.HandleFunc("GET /api/stories", s.listStories)
	s.mux.HandleFunc("GET /api/stories/{id}", s.getStory)
	s.mux.HandleFunc("GET /api/articles", s.listArticles)
	s.mux.HandleFunc("GET /api/articles/{id}", s.getArticle)
	s.mux.HandleFunc("POST /api/ingest", s.write(s.ingest))
	s.mux.HandleFunc("GET /api/events", s.events)
	s.mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API endpoint: "+r.URL.Path)
	})
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", files))
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("GET /stories/{id}", s.page)
}

// ServeHTTP applies the common middleware: security headers, panic
// recovery and request logging.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	start := time.Now()
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
			writeError(w, http.StatusInternalServerError, "internal error")
		}
	}()
	s.mux.ServeHTTP(w, r)
	s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "dur", time.Since(start))
}

// write guards a write endpoint: body size limit and, when a token is
// configured, bearer authentication.
func (s *Server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || !constantTimeEqual(got, s.cfg.Token) {
				w.Header().Set("WWW-Authenticate", `Bearer realm="crosscheck"`)
				writeError(w, http.StatusUnauthorized, "this endpoint needs Authorization: Bearer <token>")
				return
			}
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		h(w, r)
	}
}

func constantTimeEqual(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	var v byte
	for i := 0; i < len(a); i++ {
		v |= a[i] ^ b[i]
	}
	return v == 0
}

// IsLoopback reports whether addr ("host:port") listens on loopback only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ListenAndServe serves on addr until ctx is cancelled, then shuts down
// gracefully (in-flight requests get 10 s). ready, if non-nil, receives the
// bound address once listening.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	if !IsLoopback(addr) && s.cfg.Token == "" && s.cfg.Ingest != nil {
		return errors.New("serve: listening beyond loopback needs a write token (--token or CROSSCHECK_TOKEN)")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 16,
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.Close()
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}

// Close ends open event streams; call it before shutting an http.Server
// that serves s.
func (s *Server) Close() { s.doneOnce.Do(func() { close(s.done) }) }
