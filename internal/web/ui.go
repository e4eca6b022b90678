package web

import (
	"net/http"
)

// page serves the single-page UI shell for "/" and "/stories/{id}"; the
// script reads the path and fetches what it shows from the API.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	if id := r.PathValue("id"); id != "" && !idPattern.MatchString(id) {
		writeError(w, http.StatusBadRequest, "story id: expected letters, digits, '.', '_', ':' or '-'")
		return
	}
	b, err := staticFS.ReadFile("static/index.html")
	if err != nil {
		writeError(w, http.StatusInternalServerError, "page missing")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(b)
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	b, err := staticFS.ReadFile("static/openapi.json")
	if err != nil {
		writeError(w, http.StatusInternalServerError, "openapi document missing")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(b)
}
