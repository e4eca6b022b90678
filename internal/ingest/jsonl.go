package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/jsonl"
	"github.com/crosscheck/crosscheck/internal/news"
)

// record is one JSONL article. Fields are raw so a wrong type is reported
// with the field's name.
type record struct {
	ID     json.RawMessage `json:"id"`
	Date   json.RawMessage `json:"date"`
	Outlet json.RawMessage `json:"outlet"`
	URL    json.RawMessage `json:"url"`
	Title  json.RawMessage `json:"title"`
	Text   json.RawMessage `json:"text"`
}

// readJSONL streams JSONL records {"id","date","outlet","url","title","text"}.
func readJSONL(name string, r io.Reader, opt Options, emit Emit) error {
	sc := jsonl.Scanner(r)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		a, err := parseRecord(b, opt)
		if err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				ie.Path, ie.Line = name, line
			} else {
				err = &InputError{Path: name, Line: line, Err: err}
			}
			if err := emit(nil, err); err != nil {
				return err
			}
			continue
		}
		a.Source = fmt.Sprintf("%s:%d", name, line)
		if err := emit(a, nil); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return emit(nil, &InputError{Path: name, Line: line + 1, Err: fmt.Errorf("cannot read line: %w (lines are limited to %d bytes)", err, jsonl.MaxLine)})
	}
	return nil
}

func parseRecord(b []byte, opt Options) (*news.Article, error) {
	var rec record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v; expected {\"id\",\"date\",\"outlet\",\"url\",\"title\",\"text\"}", err)
	}
	str := func(field string, raw json.RawMessage) (string, error) {
		if len(raw) == 0 || string(raw) == "null" {
			return "", nil
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			var n json.Number
			if field == "id" && json.Unmarshal(raw, &n) == nil {
				return n.String(), nil
			}
			return "", &InputError{Field: field, Err: fmt.Errorf("got %s, expected a string", raw)}
		}
		return s, nil
	}
	a := &news.Article{}
	var err error
	if a.ExternalID, err = str("id", rec.ID); err != nil {
		return nil, err
	}
	date, err := str("date", rec.Date)
	if err != nil {
		return nil, err
	}
	if a.Outlet, err = str("outlet", rec.Outlet); err != nil {
		return nil, err
	}
	if a.Outlet != "" {
		a.OutletConfidence = 1
	}
	if a.URL, err = str("url", rec.URL); err != nil {
		return nil, err
	}
	if a.Title, err = str("title", rec.Title); err != nil {
		return nil, err
	}
	if a.Body, err = str("text", rec.Text); err != nil {
		return nil, err
	}
	if strings.TrimSpace(a.Body) == "" {
		return nil, &InputError{Field: "text", Err: errors.New("missing or empty: expected the article text")}
	}
	if date != "" {
		t, prec, err := ParseDate(date)
		if err != nil {
			return nil, &InputError{Field: "date", Err: err}
		}
		a.Published, a.DatePrecision = t, prec
	}
	a.Title = strings.TrimSpace(a.Title)
	applyDefaults(a, opt)
	return a, nil
}

// ParseDate accepts an ISO-8601 date or datetime (with or without zone) and
// returns it in UTC with its precision ("day" or "second").
func ParseDate(s string) (time.Time, string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, "day", nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05Z0700", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), "second", nil
		}
	}
	return time.Time{}, "", fmt.Errorf("%q is not a date: expected YYYY-MM-DD or an ISO-8601 datetime", s)
}
