package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/crosscheck/crosscheck/internal/store"
)

// events streams server-sent events: "update" whenever the store's content
// changes (new articles, rebuilt stories), so open pages refresh. It polls
// the store rather than listening to this process's ingests, so it also
// sees what other workers write to a shared PostgreSQL.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // streams outlive the server's write timeout
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	last, err := s.stamp(r)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "could not read the store")
		return
	}
	fmt.Fprintf(w, "retry: 3000\nevent: hello\ndata: %q\n\n", last)
	if err := rc.Flush(); err != nil {
		return
	}
	tick := time.NewTicker(s.cfg.Poll)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-tick.C:
		}
		cur, err := s.stamp(r)
		if err != nil {
			return
		}
		if cur == last {
			// A comment keeps proxies from closing an idle stream.
			fmt.Fprint(w, ": ping\n\n")
		} else {
			last = cur
			fmt.Fprintf(w, "event: update\ndata: %q\n\n", cur)
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// stamp summarises the store's state cheaply: article count and the most
// recently updated story.
func (s *Server) stamp(r *http.Request) (string, error) {
	n, err := s.cfg.Store.CountArticles(r.Context())
	if err != nil {
		return "", err
	}
	recs, err := s.cfg.Store.ListStories(r.Context(), store.StoryQuery{Limit: 1})
	if err != nil {
		return "", err
	}
	st := ""
	if len(recs) > 0 {
		st = recs[0].ID + "@" + recs[0].Updated.UTC().Format(time.RFC3339Nano) + fmt.Sprintf("#%d", len(recs[0].ArticleIDs))
	}
	return fmt.Sprintf("%d|%s", n, st), nil
}
