package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

func nowNanos() int64 { return time.Now().UnixNano() }

// articleCols is the column list every article read uses, in scanArticle order.
const articleCols = `a.id, a.external_id, a.outlet, a.outlet_confidence, a.url, a.title,
	a.published_ns, a.date_precision, a.body, a.source, a.ingested_ns, a.duplicate_of, a.sketch`

// insertArticles is the multi-row insert; RETURNING names the rows that were
// new, so one statement answers Inserted/Exists for a whole chunk.
const insertArticles = `INSERT INTO article (id, external_id, outlet, outlet_confidence, url, title,
	published_ns, date_precision, body, source, ingested_ns, duplicate_of, sketch, effective_ns) VALUES `

// articleParams is the number of parameters one row of insertArticles takes.
const articleParams = 14

// insertChunk is the rows per statement: few round trips, well under both
// engines' parameter limits (SQLite 32766, PostgreSQL 65535).
const insertChunk = 100

// PutArticles stores arts in one transaction, skipping IDs already stored.
// Ingested is set on each newly stored article (and on the caller's struct)
// unless the caller set it.
func (s *DB) PutArticles(ctx context.Context, arts []*news.Article) ([]store.PutResult, error) {
	res := make([]store.PutResult, len(arts))
	if len(arts) == 0 {
		return res, nil
	}
	for i, a := range arts {
		if a == nil || a.ID == "" {
			return nil, fmt.Errorf("%s: put articles: article %d: empty ID", s.d.Name, i)
		}
		if !storable(a.Published) || !storable(a.Ingested) {
			return nil, fmt.Errorf("%s: put article %s: date %s outside the storable years 1678-2261",
				s.d.Name, a.ID, a.EffectiveTime().Format("2006-01-02"))
		}
	}
	// Insert in ID order: concurrent writers then take row locks in the same
	// order and cannot deadlock on overlapping batches. A repeated ID is
	// inserted once; its later copies are Exists.
	var order []int
	for k, i := range byID(arts) {
		res[i] = store.Exists
		if k == 0 || arts[i].ID != arts[order[len(order)-1]].ID {
			order = append(order, i)
		}
	}
	now := s.now()
	inserted := make([]bool, len(arts))
	err := s.inTx(ctx, "put articles", func(tx *sql.Tx) error {
		for lo := 0; lo < len(order); lo += insertChunk {
			chunk := order[lo:min(lo+insertChunk, len(order))]
			if err := s.insertChunk(ctx, tx, arts, chunk, now, inserted); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, a := range arts {
		if inserted[i] {
			res[i] = store.Inserted
			if a.Ingested.IsZero() {
				a.Ingested = now
			}
		}
	}
	return res, nil
}

// insertChunk inserts arts[i] for i in chunk (distinct IDs) and marks in
// inserted those that were new.
func (s *DB) insertChunk(ctx context.Context, tx *sql.Tx, arts []*news.Article, chunk []int, now time.Time, inserted []bool) error {
	var b strings.Builder
	b.WriteString(insertArticles)
	vals := make(args, 0, len(chunk)*articleParams)
	pos := make(map[string]int, len(chunk))
	for k, i := range chunk {
		a := arts[i]
		pos[a.ID] = i
		ing := a.Ingested
		if ing.IsZero() {
			ing = now
		}
		eff := a.Published
		if eff.IsZero() {
			eff = ing
		}
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j, v := range []any{a.ID, a.ExternalID, a.Outlet, a.OutletConfidence, a.URL, a.Title,
			nanos(a.Published), a.DatePrecision, a.Body, a.Source, ing.UnixNano(), a.DuplicateOf,
			int64(a.Sketch), eff.UnixNano()} {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(vals.add(v))
		}
		b.WriteByte(')')
	}
	b.WriteString(" ON CONFLICT (id) DO NOTHING RETURNING id")
	first, last := arts[chunk[0]].ID, arts[chunk[len(chunk)-1]].ID
	rows, err := tx.QueryContext(ctx, b.String(), vals...)
	if err != nil {
		return fmt.Errorf("%s: put articles %s…%s: %w", s.d.Name, first, last, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("%s: put articles %s…%s: %w", s.d.Name, first, last, err)
		}
		if i, ok := pos[id]; ok {
			inserted[i] = true
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: put articles %s…%s: %w", s.d.Name, first, last, err)
	}
	return nil
}

// storable reports whether t is zero or fits in int64 nanoseconds.
func storable(t time.Time) bool {
	return t.IsZero() || (t.Year() >= 1678 && t.Year() <= 2261)
}

// byID returns the indexes of arts sorted by article ID (stable).
func byID(arts []*news.Article) []int {
	idx := make([]int, len(arts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool { return arts[idx[x]].ID < arts[idx[y]].ID })
	return idx
}

// scanner is *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

func scanArticle(sc scanner) (*news.Article, error) {
	var a news.Article
	var pub, ing sql.NullInt64
	var sketch int64
	if err := sc.Scan(&a.ID, &a.ExternalID, &a.Outlet, &a.OutletConfidence, &a.URL, &a.Title,
		&pub, &a.DatePrecision, &a.Body, &a.Source, &ing, &a.DuplicateOf, &sketch); err != nil {
		return nil, err
	}
	a.Published = fromNanos(pub)
	a.Ingested = fromNanos(ing)
	a.Sketch = uint64(sketch)
	return &a, nil
}

// GetArticle returns one article or an error wrapping store.ErrNotFound.
func (s *DB) GetArticle(ctx context.Context, id string) (*news.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleCols+` FROM article a WHERE a.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: get article %s: %w", s.d.Name, id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: get article %s: %w", s.d.Name, id, err)
	}
	return a, nil
}

// ListArticles returns the articles matching q, ordered by EffectiveTime then ID.
func (s *DB) ListArticles(ctx context.Context, q store.ArticleQuery) ([]*news.Article, error) {
	var a args
	var where []string
	if q.Search != "" {
		arg, ok := s.d.SearchArg(q.Search)
		if !ok {
			return []*news.Article{}, nil
		}
		where = append(where, s.d.SearchCond(a.add(arg)))
	}
	if q.Outlet != "" {
		where = append(where, "a.outlet = "+a.add(q.Outlet))
	}
	if !q.From.IsZero() {
		where = append(where, "a.effective_ns >= "+a.add(clampNanos(q.From)))
	}
	if !q.To.IsZero() {
		where = append(where, "a.effective_ns < "+a.add(clampNanos(q.To)))
	}
	if q.IDs != nil {
		if len(q.IDs) == 0 {
			return []*news.Article{}, nil
		}
		ph := make([]string, len(q.IDs))
		for i, id := range q.IDs {
			ph[i] = a.add(id)
		}
		where = append(where, "a.id IN ("+strings.Join(ph, ", ")+")")
	}
	if !q.IncludeDuplicates {
		where = append(where, "a.duplicate_of = ''")
	}
	query := `SELECT ` + articleCols + ` FROM article a`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY a.effective_ns, a.id" + limitClause(&a, q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, query, a...)
	if err != nil {
		return nil, fmt.Errorf("%s: list articles: %w", s.d.Name, err)
	}
	defer rows.Close()
	out := []*news.Article{}
	for rows.Next() {
		art, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: list articles: %w", s.d.Name, err)
		}
		out = append(out, art)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: list articles: %w", s.d.Name, err)
	}
	return out, nil
}

// CountArticles returns the number of stored articles, copies included.
func (s *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM article`).Scan(&n); err != nil {
		return 0, fmt.Errorf("%s: count articles: %w", s.d.Name, err)
	}
	return n, nil
}

// Sketches returns the sketches of stored originals by article ID.
func (s *DB) Sketches(ctx context.Context) (map[string]uint64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, sketch FROM article WHERE duplicate_of = ''`)
	if err != nil {
		return nil, fmt.Errorf("%s: sketches: %w", s.d.Name, err)
	}
	defer rows.Close()
	out := map[string]uint64{}
	for rows.Next() {
		var id string
		var sk int64
		if err := rows.Scan(&id, &sk); err != nil {
			return nil, fmt.Errorf("%s: sketches: %w", s.d.Name, err)
		}
		out[id] = uint64(sk)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: sketches: %w", s.d.Name, err)
	}
	return out, nil
}
