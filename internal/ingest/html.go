package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crosscheck/crosscheck/internal/news"
)

// readHTML extracts an article page's main text with readability, and its
// title, date, outlet and canonical URL from meta tags, OpenGraph and
// JSON-LD NewsArticle.
func readHTML(name, pageURL string, b []byte) (*news.Article, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("broken HTML: %w", err)
	}
	meta := readMeta(doc)
	if pageURL == "" {
		pageURL = meta.url
	}
	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	art, err := readability.FromReader(bytes.NewReader(b), u)
	if err != nil {
		return nil, fmt.Errorf("no article text found: %w", err)
	}
	body := ""
	if art.Node != nil {
		body = blockText(art.Node)
	}
	if strings.TrimSpace(body) == "" {
		body = art.TextContent
	}
	if strings.TrimSpace(body) == "" {
		return nil, errors.New("no article text found: expected an article page with paragraphs")
	}
	body = stripByline(body, art.Byline)
	a := &news.Article{Source: name, URL: pageURL, Body: body}
	a.Title = firstNonEmpty(meta.headline, meta.ogTitle, art.Title)
	if o := firstNonEmpty(meta.publisher, meta.siteName, art.SiteName); o != "" {
		a.Outlet, a.OutletConfidence = o, 1
	}
	date := meta.published
	if date != "" {
		if t, prec, err := ParseDate(date); err == nil {
			a.Published, a.DatePrecision = t, prec
		}
	}
	if a.Published.IsZero() && art.PublishedTime != nil {
		a.Published, a.DatePrecision = art.PublishedTime.UTC(), "second"
	}
	// The title often repeats as the body's first line; keep the body as the page has it.
	return a, nil
}

type pageMeta struct {
	headline, ogTitle, siteName, publisher, published, url string
}

func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					m.ogTitle = val
				case "og:site_name":
					m.siteName = val
				case "og:url":
					if m.url == "" {
						m.url = val
					}
				case "article:published_time", "datepublished", "pubdate", "date", "dc.date", "publish-date":
					if m.published == "" {
						m.published = val
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" {
					m.url = attr(n, "href")
				}
			case atom.Script:
				if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, &m)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// readJSONLD reads a NewsArticle (or Article) object, alone, in a list or in @graph.
func readJSONLD(s string, m *pageMeta) {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return
	}
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
			t := fmt.Sprint(x["@type"])
			if !strings.Contains(t, "Article") && !strings.Contains(t, "Posting") {
				return
			}
			if h, ok := x["headline"].(string); ok && m.headline == "" {
				m.headline = strings.TrimSpace(h)
			}
			if d, ok := x["datePublished"].(string); ok && d != "" {
				m.published = d
			}
			if p, ok := x["publisher"].(map[string]any); ok {
				if n, ok := p["name"].(string); ok && m.publisher == "" {
					m.publisher = strings.TrimSpace(n)
				}
			}
			if u, ok := x["url"].(string); ok && m.url == "" {
				m.url = u
			}
		}
	}
	visit(v)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// blockText renders a node's text with a blank line between block elements,
// so paragraphs survive as paragraphs.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.Join(strings.Fields(n.Data), " "))
			if strings.HasSuffix(n.Data, " ") || strings.HasSuffix(n.Data, "\n") {
				b.WriteString(" ")
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Figure, atom.Nav, atom.Aside, atom.Footer:
				return
			case atom.Br:
				b.WriteString("\n")
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		if block {
			b.WriteString("\n\n")
		} else if n.Type == html.ElementNode && n.PrevSibling != nil && n.PrevSibling.Type == html.ElementNode {
			b.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(n)
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return Normalize(strings.Join(lines, "\n"))
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote,
		atom.Section, atom.Article, atom.Pre, atom.Table, atom.Tr, atom.Ul, atom.Ol, atom.Header, atom.Dd, atom.Dt:
		return true
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

var _ = time.Time{}

var bylineRe = regexp.MustCompile(`^(?i:by)\s+[\p{Lu}][^\n]{0,80}\n`)

// stripByline removes a leading "By Dana Whitcombe" line: it is page
// furniture, not article text, and it would make a syndicated copy look
// different from its original.
func stripByline(body, byline string) string {
	if m := bylineRe.FindStringIndex(body); m != nil {
		return strings.TrimLeft(body[m[1]:], "\n")
	}
	if byline != "" && strings.HasPrefix(body, byline) {
		return strings.TrimLeft(body[len(byline):], "\n")
	}
	return body
}
