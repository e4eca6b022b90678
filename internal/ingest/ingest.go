// Package ingest turns inputs — seed text files, plain text, HTML article
// pages, RSS/Atom feeds (files or URLs), JSONL records, folders and stdin —
// into news.Articles with stable IDs, and detects near-duplicates.
//
// Readers stream: a folder of a million files or a JSONL file of a million
// lines is read one article at a time. A bad input never stops the others:
// it is reported as an *InputError naming the file, line and field.
package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/crosscheck/crosscheck/internal/news"
)

// InputError is one input that could not be read: where, and what was
// expected. Line is 0 when the error concerns a whole file.
type InputError struct {
	Path  string
	Line  int
	Field string
	Err   error
}

func (e *InputError) Error() string {
	loc := e.Path
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: field %q: %v", loc, e.Field, e.Err)
	}
	return fmt.Sprintf("%s: %v", loc, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// Options tune reading.
type Options struct {
	// Date is the publication date given to plain-text inputs that carry none.
	Date time.Time
	// Outlet names the outlet of inputs that carry none.
	Outlet string
	// MaxBytes caps one file or download (default 64 MiB).
	MaxBytes int64
	// Timeout bounds each HTTP request (default 20 s).
	Timeout time.Duration
	// Concurrency bounds parallel page fetches for summary-only feeds (default 4).
	Concurrency int
	// UserAgent is sent with every request.
	UserAgent string
	// Client performs HTTP requests (default: a client with Timeout).
	Client *http.Client
	// FetchLinked fetches linked pages of feed items that carry only a summary (default true via DefaultOptions).
	FetchLinked bool
}

// DefaultOptions returns the polite defaults for reading.
func DefaultOptions() Options {
	return Options{MaxBytes: 64 << 20, Timeout: 20 * time.Second, Concurrency: 4,
		UserAgent: "crosscheck/0.1 (+https://github.com/crosscheck/crosscheck)", FetchLinked: true}
}

func (o *Options) fill() {
	d := DefaultOptions()
	if o.MaxBytes <= 0 {
		o.MaxBytes = d.MaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	if o.Concurrency <= 0 {
		o.Concurrency = d.Concurrency
	}
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: o.Timeout}
	}
}

// Emit receives each article read, or the error of an input that failed.
// Returning an error stops reading.
type Emit func(a *news.Article, err error) error

// Read reads every input in order: "-" is stdin, http(s) URLs are fetched,
// folders are walked recursively in sorted order (hidden files skipped).
func Read(ctx context.Context, inputs []string, opt Options, stdin io.Reader, emit Emit) error {
	opt.fill()
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			err = readStream(ctx, "stdin", "", stdin, opt, emit)
		case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
			err = readURL(ctx, in, opt, emit)
		default:
			err = readPath(ctx, in, opt, emit)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readPath(ctx context.Context, path string, opt Options, emit Emit) error {
	info, err := os.Stat(path)
	if err != nil {
		return emit(nil, &InputError{Path: path, Err: errors.New("cannot read: no such file or folder")})
	}
	if !info.IsDir() {
		return readFile(ctx, path, info, opt, emit)
	}
	var files []string
	werr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return emit(nil, &InputError{Path: p, Err: fmt.Errorf("cannot read: %w", err)})
		}
		name := d.Name()
		if p != path && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if werr != nil {
		return werr
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		info, err := os.Stat(f)
		if err != nil {
			if err := emit(nil, &InputError{Path: f, Err: fmt.Errorf("cannot read: %w", err)}); err != nil {
				return err
			}
			continue
		}
		if err := readFile(ctx, f, info, opt, emit); err != nil {
			return err
		}
	}
	return nil
}

func readFile(ctx context.Context, path string, info os.FileInfo, opt Options, emit Emit) error {
	if info.Size() > opt.MaxBytes && !isJSONL(path, nil) {
		return emit(nil, &InputError{Path: path, Err: fmt.Errorf("file is %d bytes, over the %d-byte limit for one article file", info.Size(), opt.MaxBytes)})
	}
	f, err := os.Open(path)
	if err != nil {
		return emit(nil, &InputError{Path: path, Err: fmt.Errorf("cannot read: %w", err)})
	}
	defer f.Close()
	return readStream(ctx, path, "", f, opt, emit)
}

// readStream sniffs the format of r and reads it. name is used in errors and
// as the article Source; url, when set, is where the content came from.
func readStream(ctx context.Context, name, url string, r io.Reader, opt Options, emit Emit) error {
	br := newPeekReader(r)
	head := br.peek(4096)
	switch format(name, head) {
	case "jsonl":
		return readJSONL(name, br, opt, emit)
	}
	b, err := io.ReadAll(io.LimitReader(br, opt.MaxBytes+1))
	if err != nil {
		return emit(nil, &InputError{Path: name, Err: fmt.Errorf("cannot read: %w", err)})
	}
	if int64(len(b)) > opt.MaxBytes {
		return emit(nil, &InputError{Path: name, Err: fmt.Errorf("input is over the %d-byte limit for one article", opt.MaxBytes)})
	}
	switch format(name, head) {
	case "feed":
		return readFeed(ctx, name, url, b, opt, emit)
	case "html":
		a, err := readHTML(name, url, b)
		if err != nil {
			return emit(nil, &InputError{Path: name, Err: err})
		}
		applyDefaults(a, opt)
		return emit(a, nil)
	case "binary":
		return emit(nil, &InputError{Path: name, Err: errors.New("binary data: expected text, HTML, a feed or JSONL")})
	}
	a, err := readText(name, b, opt)
	if err != nil {
		return emit(nil, &InputError{Path: name, Err: err})
	}
	return emit(a, nil)
}

// format guesses the input format from the file name and its first bytes.
func format(name string, head []byte) string {
	ext := strings.ToLower(filepath.Ext(name))
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	lower := bytes.ToLower(trimmed)
	switch {
	case isJSONL(name, trimmed):
		return "jsonl"
	case ext == ".rss" || ext == ".atom" || bytes.Contains(lower[:min(len(lower), 1024)], []byte("<rss")) ||
		bytes.Contains(lower[:min(len(lower), 1024)], []byte("<feed")) || bytes.Contains(lower[:min(len(lower), 1024)], []byte("<rdf:rdf")):
		return "feed"
	case ext == ".html" || ext == ".htm" || bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")):
		return "html"
	case ext == ".xml":
		return "feed"
	case looksBinary(head):
		return "binary"
	}
	return "text"
}

func isJSONL(name string, head []byte) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".jsonl" || ext == ".ndjson" {
		return true
	}
	return head != nil && len(head) > 0 && head[0] == '{'
}

func looksBinary(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	bad := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 && len(b)-i >= utf8.UTFMax {
			bad++
		} else if r == 0 || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
			bad++
		}
		i += n
	}
	return bad*20 > len(b) || bytes.IndexByte(b, 0) >= 0
}

var seedDate = regexp.MustCompile(`^\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*`)

// readText reads the seed format (" date YYYY-MM-DD" then the body) or plain text.
func readText(name string, b []byte, opt Options) (*news.Article, error) {
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	s := string(b)
	a := &news.Article{Source: name}
	if m := seedDate.FindStringSubmatchIndex(s); m != nil {
		d := s[m[2]:m[3]]
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return nil, fmt.Errorf("line 1: %q is not a date: expected YYYY-MM-DD after \"date\"", d)
		}
		a.Published, a.DatePrecision = t, "day"
		s = s[m[1]:]
	} else if !opt.Date.IsZero() {
		a.Published, a.DatePrecision = opt.Date.UTC(), "day"
	}
	a.Body = Normalize(s)
	if strings.TrimSpace(a.Body) == "" {
		return nil, errors.New("empty text: expected an article body")
	}
	applyDefaults(a, opt)
	return a, nil
}

// applyDefaults fills the outlet from options or a byline guess, and the ID.
func applyDefaults(a *news.Article, opt Options) {
	a.Body = Normalize(a.Body)
	if a.Outlet == "" && opt.Outlet != "" {
		a.Outlet, a.OutletConfidence = opt.Outlet, 1
	}
	if a.Outlet == "" && a.URL != "" {
		if h := hostOutlet(a.URL); h != "" {
			a.Outlet, a.OutletConfidence = h, 1
		}
	}
	if a.Outlet == "" {
		if o := GuessOutlet(a.Body); o != "" {
			a.Outlet, a.OutletConfidence = o, 0.5
		}
	}
	if a.Published.IsZero() && !opt.Date.IsZero() {
		a.Published, a.DatePrecision = opt.Date.UTC(), "day"
	}
	a.ID = ContentID(a.Body)
	a.Sketch = Sketch(a.Body)
}

var (
	blankRuns = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`)
	spaceRuns = regexp.MustCompile(`\s+`)
)

// Normalize is the one normalisation of article text before identity and
// analysis: NFC, "\n" line ends, no trailing spaces on lines, at most one
// blank line between paragraphs, trimmed.
func Normalize(s string) string {
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if strings.Contains(s, " \n") || strings.Contains(s, "\t\n") {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " \t")
		}
		s = strings.Join(lines, "\n")
	}
	s = blankRuns.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}

// ContentID is an article's stable ID: the first 16 bytes of the SHA-256
// of its normalised text with whitespace runs collapsed, in hex.
func ContentID(body string) string {
	h := sha256.Sum256([]byte(spaceRuns.ReplaceAllString(strings.TrimSpace(body), " ")))
	return hex.EncodeToString(h[:16])
}

var bylines = []struct {
	re     *regexp.Regexp
	outlet string
}{
	{regexp.MustCompile(`\(AP\)\s*[—–_-]|\bAP reporters?\b|\bAssociated Press\b`), "AP"},
	{regexp.MustCompile(`\(Reuters\)\s*[—–-]|\bReporting by\b.*\bEditing by\b`), "Reuters"},
	{regexp.MustCompile(`\(AFP\)\s*[—–-]|\bAgence France-Presse\b`), "AFP"},
	{regexp.MustCompile(`\bdistributed by (The [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*)`), "$1"},
}

// GuessOutlet names the outlet when only the text does: a wire dateline
// ("(AP) —"), a credit ("AP reporter … contributed"), a distribution line.
// It returns "" when nothing is found. Callers record it with lower confidence.
func GuessOutlet(body string) string {
	for _, b := range bylines {
		if m := b.re.FindStringSubmatchIndex(body); m != nil {
			if strings.HasPrefix(b.outlet, "$") {
				return string(b.re.ExpandString(nil, b.outlet, body, m))
			}
			return b.outlet
		}
	}
	return ""
}

// knownHosts maps well-known hosts to outlet names.
var knownHosts = map[string]string{
	"nytimes.com": "The New York Times", "apnews.com": "AP", "reuters.com": "Reuters", "bbc.co.uk": "BBC",
	"bbc.com": "BBC", "theguardian.com": "The Guardian", "washingtonpost.com": "The Washington Post",
	"wsj.com": "The Wall Street Journal", "cnn.com": "CNN", "aljazeera.com": "Al Jazeera", "ft.com": "Financial Times",
	"bloomberg.com": "Bloomberg", "afp.com": "AFP", "npr.org": "NPR", "foxnews.com": "Fox News",
}

func hostOutlet(u string) string {
	rest := u[strings.Index(u, "//")+2:]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.LastIndex(rest, ":"); i >= 0 {
		rest = rest[:i]
	}
	host := strings.TrimPrefix(strings.ToLower(rest), "www.")
	if name, ok := knownHosts[host]; ok {
		return name
	}
	return host
}

// peekReader lets format detection look at the first bytes without losing them.
type peekReader struct {
	r   io.Reader
	buf []byte
}

func newPeekReader(r io.Reader) *peekReader { return &peekReader{r: r} }

func (p *peekReader) peek(n int) []byte {
	for len(p.buf) < n {
		tmp := make([]byte, n-len(p.buf))
		k, err := p.r.Read(tmp)
		p.buf = append(p.buf, tmp[:k]...)
		if err != nil {
			break
		}
	}
	return p.buf
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.buf) > 0 {
		n := copy(b, p.buf)
		p.buf = p.buf[n:]
		return n, nil
	}
	return p.r.Read(b)
}
