package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/crosscheck/crosscheck/internal/news"
)

// summaryLen is the length under which a feed item's text counts as a
// summary, so the linked page is fetched for the full article.
const summaryLen = 600

// readFeed reads an RSS, Atom or JSON feed; items carrying only a summary get
// their linked page fetched and extracted (in parallel, bounded by
// opt.Concurrency). Items are emitted in feed order.
func readFeed(ctx context.Context, name, feedURL string, b []byte, opt Options, emit Emit) error {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return emit(nil, &InputError{Path: name, Err: fmt.Errorf("not a valid RSS/Atom feed: %v", err)})
	}
	type result struct {
		a   *news.Article
		err error
	}
	results := make([]result, len(f.Items))
	sem := make(chan struct{}, opt.Concurrency)
	var wg sync.WaitGroup
	for i, it := range f.Items {
		text := htmlText(firstNonEmpty(it.Content, it.Description))
		a := &news.Article{Source: fmt.Sprintf("%s#item%d", name, i+1), URL: it.Link, Title: strings.TrimSpace(it.Title), Body: text, ExternalID: it.GUID}
		if f.Title != "" {
			a.Outlet, a.OutletConfidence = strings.TrimSpace(f.Title), 1
		}
		if it.PublishedParsed != nil {
			a.Published, a.DatePrecision = it.PublishedParsed.UTC(), "second"
		} else if it.UpdatedParsed != nil {
			a.Published, a.DatePrecision = it.UpdatedParsed.UTC(), "second"
		}
		results[i].a = a
		if len(text) >= summaryLen || it.Link == "" || !opt.FetchLinked || !strings.HasPrefix(it.Link, "http") {
			continue
		}
		wg.Add(1)
		go func(i int, a *news.Article) {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			page, err := fetch(ctx, a.URL, opt)
			if err != nil {
				if a.Body == "" {
					results[i].err = &InputError{Path: a.Source, Err: fmt.Errorf("item has no text and its page failed: %w", err)}
				}
				return
			}
			full, err := readHTML(a.URL, a.URL, page)
			if err == nil && len(full.Body) > len(a.Body) {
				a.Body = full.Body
				if a.Published.IsZero() {
					a.Published, a.DatePrecision = full.Published, full.DatePrecision
				}
			}
		}(i, a)
	}
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			if err := emit(nil, r.err); err != nil {
				return err
			}
			continue
		}
		if strings.TrimSpace(r.a.Body) == "" {
			if err := emit(nil, &InputError{Path: r.a.Source, Err: errors.New("item has no text: expected content, a description or a link")}); err != nil {
				return err
			}
			continue
		}
		applyDefaults(r.a, opt)
		if err := emit(r.a, nil); err != nil {
			return err
		}
	}
	return nil
}

// readURL fetches a page or a feed and reads it.
func readURL(ctx context.Context, u string, opt Options, emit Emit) error {
	b, err := fetch(ctx, u, opt)
	if err != nil {
		return emit(nil, &InputError{Path: u, Err: err})
	}
	return readStream(ctx, u, u, bytes.NewReader(b), opt, emit)
}

// fetch GETs a URL politely: user agent, timeout, size cap.
func fetch(ctx context.Context, u string, opt Options) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("User-Agent", opt.UserAgent)
	req.Header.Set("Accept", "text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
	resp, err := opt.Client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("timed out after %v: expected a response", opt.Timeout)
		}
		return nil, fmt.Errorf("fetch failed: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: expected 200 OK", resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, opt.MaxBytes+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("timed out after %v while reading", opt.Timeout)
		}
		return nil, fmt.Errorf("read failed: %w", err)
	}
	if int64(len(b)) > opt.MaxBytes {
		return nil, fmt.Errorf("response is over the %d-byte limit", opt.MaxBytes)
	}
	return b, nil
}

// htmlText turns feed HTML into text with paragraph breaks.
func htmlText(s string) string {
	if !strings.Contains(s, "<") {
		return Normalize(html.UnescapeString(s))
	}
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return Normalize(s)
	}
	return blockText(n)
}
