package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/store"
)

// idPattern accepts the IDs crosscheck makes (hex hashes, "s-…", feed
// GUID-derived ids); anything else, such as "../etc/passwd", is a 400.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)

// page is the paging part of list queries.
type page struct{ limit, offset int }

func parsePage(r *http.Request) (page, error) {
	p := page{limit: 50}
	q := r.URL.Query()
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 500 {
			return p, fmt.Errorf("limit: expected an integer from 1 to 500, got %q", v)
		}
		p.limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return p, fmt.Errorf("offset: expected a non-negative integer, got %q", v)
		}
		p.offset = n
	}
	return p, nil
}

func parseDay(r *http.Request, name string) (time.Time, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return t, fmt.Errorf("%s: expected a date YYYY-MM-DD, got %q", name, v)
	}
	return t, nil
}

// parseListQuery reads paging and the from/to date range ("to" inclusive)
// shared by the list endpoints.
func parseListQuery(r *http.Request) (page, time.Time, time.Time, error) {
	p, err := parsePage(r)
	if err != nil {
		return p, time.Time{}, time.Time{}, err
	}
	from, err := parseDay(r, "from")
	if err != nil {
		return p, time.Time{}, time.Time{}, err
	}
	to, err := parseDay(r, "to")
	if err != nil {
		return p, time.Time{}, time.Time{}, err
	}
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
	}
	return p, from, to, nil
}

// storySummary is one line of the story list.
type storySummary struct {
	ID       string          `json:"id"`
	Title    string          `json:"title"`
	First    string          `json:"first,omitempty"`
	Last     string          `json:"last,omitempty"`
	Articles int             `json:"articles"`
	Counts   json.RawMessage `json:"counts,omitempty"`
}

type storyList struct {
	Stories []storySummary `json:"stories"`
	Limit   int            `json:"limit"`
	Offset  int            `json:"offset"`
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) {
	p, from, to, err := parseListQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q := r.URL.Query()
	recs, err := s.cfg.Store.ListStories(r.Context(), store.StoryQuery{Search: q.Get("q"), Outlet: q.Get("outlet"),
		Entity: q.Get("entity"), From: from, To: to, Limit: p.limit, Offset: p.offset})
	if err != nil {
		s.log.Error("list stories", "err", err)
		writeError(w, http.StatusInternalServerError, "could not list stories")
		return
	}
	out := storyList{Stories: []storySummary{}, Limit: p.limit, Offset: p.offset}
	for _, rec := range recs {
		out.Stories = append(out.Stories, storySummary{ID: rec.ID, Title: rec.Title, First: day(rec.First), Last: day(rec.Last),
			Articles: len(rec.ArticleIDs), Counts: json.RawMessage(rec.Summary)})
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		writeError(w, http.StatusBadRequest, "story id: expected letters, digits, '.', '_', ':' or '-'")
		return
	}
	rec, err := s.cfg.Store.GetStory(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "no story "+id)
		return
	case err != nil:
		s.log.Error("get story", "id", id, "err", err)
		writeError(w, http.StatusInternalServerError, "could not read the story")
		return
	}
	writeRaw(w, rec.Report)
}

type articleList struct {
	Articles []articleSummary `json:"articles"`
	Limit    int              `json:"limit"`
	Offset   int              `json:"offset"`
}

type articleSummary struct {
	ID          string `json:"id"`
	Outlet      string `json:"outlet,omitempty"`
	Title       string `json:"title,omitempty"`
	Date        string `json:"date,omitempty"`
	URL         string `json:"url,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	p, from, to, err := parseListQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q := r.URL.Query()
	arts, err := s.cfg.Store.ListArticles(r.Context(), store.ArticleQuery{Search: q.Get("q"), Outlet: q.Get("outlet"),
		From: from, To: to, Limit: p.limit, Offset: p.offset, IncludeDuplicates: q.Get("duplicates") == "true"})
	if err != nil {
		s.log.Error("list articles", "err", err)
		writeError(w, http.StatusInternalServerError, "could not list articles")
		return
	}
	out := articleList{Articles: []articleSummary{}, Limit: p.limit, Offset: p.offset}
	for _, a := range arts {
		out.Articles = append(out.Articles, articleSummary{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Date: a.Date(), URL: a.URL, DuplicateOf: a.DuplicateOf})
	}
	writeJSON(w, http.StatusOK, out)
}

type articleDetail struct {
	Article  *news.Article  `json:"article"`
	Analysis *news.Analysis `json:"analysis"`
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !idPattern.MatchString(id) {
		writeError(w, http.StatusBadRequest, "article id: expected letters, digits, '.', '_', ':' or '-'")
		return
	}
	a, err := s.cfg.Store.GetArticle(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "no article "+id)
		return
	case err != nil:
		s.log.Error("get article", "id", id, "err", err)
		writeError(w, http.StatusInternalServerError, "could not read the article")
		return
	}
	an, err := s.cfg.Store.GetAnalysis(r.Context(), id, nlp.Version)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.log.Error("get analysis", "id", id, "err", err)
		writeError(w, http.StatusInternalServerError, "could not read the analysis")
		return
	}
	writeJSON(w, http.StatusOK, articleDetail{Article: a, Analysis: an})
}

// ingestRequest is the JSON form of POST /api/ingest; JSONL bodies
// (Content-Type application/x-ndjson or application/jsonl) are articles.
type ingestRequest struct {
	URL string `json:"url"`
}

func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ingest == nil {
		writeError(w, http.StatusMethodNotAllowed, "ingest is disabled on this server")
		return
	}
	ct := r.Header.Get("Content-Type")
	url := ""
	body := r.Body
	switch {
	case ct == "application/json" || (len(ct) > 16 && ct[:16] == "application/json"):
		var req ingestRequest
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			writeError(w, statusForBodyError(err), "body: expected {\"url\":\"https://…\"}: "+err.Error())
			return
		}
		if req.URL == "" || !(len(req.URL) > 7 && (req.URL[:7] == "http://" || (len(req.URL) > 8 && req.URL[:8] == "https://"))) {
			writeError(w, http.StatusBadRequest, "url: expected an http(s) URL")
			return
		}
		url = req.URL
		body = nil
	case ct == "application/x-ndjson" || ct == "application/jsonl" || ct == "application/x-jsonlines":
	default:
		writeError(w, http.StatusUnsupportedMediaType, "Content-Type: expected application/x-ndjson (JSONL articles) or application/json ({\"url\":…})")
		return
	}
	s.ingestM.Lock()
	defer s.ingestM.Unlock()
	res, err := s.cfg.Ingest(r.Context(), body, url)
	if err != nil {
		status := statusForBodyError(err)
		if status == http.StatusBadRequest {
			status = http.StatusUnprocessableEntity
		}
		s.log.Warn("ingest", "err", err)
		writeError(w, status, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func statusForBodyError(err error) int {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}
