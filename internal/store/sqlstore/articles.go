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

const insertArticle = `INSERT INTO article (id, external_id, outlet, outlet_confidence, url, title,
	published_ns, date_precision, body, source, ingested_ns, duplicate_of, sketch, effective_ns)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
	ON CONFLICT (id) DO NOTHING`

// PutArticles stores arts in one transaction, skipping IDs already stored.
// Ingested is set on each newly stored article (and on the caller's struct).
func (s *DB) PutArticles(ctx context.Context, arts []*news.Article) ([]store.PutResult, error) {
	res := make([]store.PutResult, len(arts))
	if len(arts) == 0 {
		return res, nil
	}
	for i, a := range arts {
		if a == nil || a.ID == "" {
			return nil, fmt.Errorf("%s: put articles: article %d: empty ID", s.d.Name, i)
		}
	}
	now := s.now()
	ingested := make([]bool, len(arts))
	err := s.inTx(ctx, "put articles", func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, insertArticle)
		if err != nil {
			return fmt.Errorf("%s: put articles: prepare: %w", s.d.Name, err)
		}
		defer stmt.Close()
		// Insert in ID order: concurrent writers then take row locks in the
		// same order and cannot deadlock on overlapping batches.
		for _, i := range byID(arts) {
			a := arts[i]
			ing := a.Ingested
			if ing.IsZero() {
				ing = now
			}
			eff := a.Published
			if eff.IsZero() {
				eff = ing
			}
			r, err := stmt.ExecContext(ctx, a.ID, a.ExternalID, a.Outlet, a.OutletConfidence, a.URL, a.Title,
				nanos(a.Published), a.DatePrecision, a.Body, a.Source, ing.UnixNano(), a.DuplicateOf,
				int64(a.Sketch), eff.UnixNano())
			if err != nil {
				return fmt.Errorf("%s: put article %s: %w", s.d.Name, a.ID, err)
			}
			n, err := r.RowsAffected()
			if err != nil {
				return fmt.Errorf("%s: put article %s: %w", s.d.Name, a.ID, err)
			}
			if n == 0 {
				res[i] = store.Exists
			} else {
				res[i] = store.Inserted
				ingested[i] = a.Ingested.IsZero()
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, a := range arts {
		if ingested[i] {
			a.Ingested = now
		}
	}
	return res, nil
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
		where = append(where, "a.effective_ns >= "+a.add(q.From.UnixNano()))
	}
	if !q.To.IsZero() {
		where = append(where, "a.effective_ns < "+a.add(q.To.UnixNano()))
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
