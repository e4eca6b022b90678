package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/store"
)

// PutAnalysis stores (replacing) one analysis and the index of its entity keys
// in one transaction. The article must be stored first, else the error wraps
// store.ErrNotFound.
func (s *DB) PutAnalysis(ctx context.Context, an *news.Analysis) error {
	if an == nil || an.ArticleID == "" {
		return fmt.Errorf("%s: put analysis: empty article ID", s.d.Name)
	}
	data, err := json.Marshal(an)
	if err != nil {
		return fmt.Errorf("%s: put analysis %s: encode: %w", s.d.Name, an.ArticleID, err)
	}
	ents := entityRows(an)
	return s.inTx(ctx, "put analysis", func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM article WHERE id = $1`, an.ArticleID).Scan(&n); err != nil {
			return fmt.Errorf("%s: put analysis %s: %w", s.d.Name, an.ArticleID, err)
		}
		if n == 0 {
			return fmt.Errorf("%s: put analysis %s: article: %w", s.d.Name, an.ArticleID, store.ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO analysis (article_id, version, data, updated_ns)
			VALUES ($1, $2, $3, $4)
			ON CONFLICT (article_id, version) DO UPDATE SET data = excluded.data, updated_ns = excluded.updated_ns`,
			an.ArticleID, an.Version, string(data), s.now().UnixNano()); err != nil {
			return fmt.Errorf("%s: put analysis %s: %w", s.d.Name, an.ArticleID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM article_entity WHERE article_id = $1 AND version = $2`,
			an.ArticleID, an.Version); err != nil {
			return fmt.Errorf("%s: put analysis %s: entities: %w", s.d.Name, an.ArticleID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM article_date WHERE article_id = $1 AND version = $2`,
			an.ArticleID, an.Version); err != nil {
			return fmt.Errorf("%s: put analysis %s: dates: %w", s.d.Name, an.ArticleID, err)
		}
		for _, d := range dateRows(an) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO article_date (article_id, version, value) VALUES ($1, $2, $3)`,
				an.ArticleID, an.Version, d); err != nil {
				return fmt.Errorf("%s: put analysis %s: date %q: %w", s.d.Name, an.ArticleID, d, err)
			}
		}
		for _, e := range ents {
			if _, err := tx.ExecContext(ctx, `INSERT INTO article_entity (article_id, version, key, name, name_fold, type)
				VALUES ($1, $2, $3, $4, $5, $6)`,
				an.ArticleID, an.Version, e.Key, e.Name, strings.ToLower(e.Name), e.Type); err != nil {
				return fmt.Errorf("%s: put analysis %s: entity %q: %w", s.d.Name, an.ArticleID, e.Key, err)
			}
		}
		return nil
	})
}

// entityRows returns one row per distinct entity key, first name wins, sorted
// by key so the index is written in the same order every time.
func entityRows(an *news.Analysis) []news.EntityRef {
	seen := map[string]bool{}
	var out []news.EntityRef
	for _, r := range an.Refs {
		if r.Key == "" || seen[r.Key] {
			continue
		}
		seen[r.Key] = true
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// dateRows returns the distinct day-precise DATE values of an analysis, sorted.
func dateRows(an *news.Analysis) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range an.Timexes {
		if t.Type == news.TimexDate && len(t.Value) == 10 && !seen[t.Value] {
			seen[t.Value] = true
			out = append(out, t.Value)
		}
	}
	sort.Strings(out)
	return out
}

// Digests returns entity keys and dates per analysed article, from the two
// index tables, without decoding any analysis.
func (s *DB) Digests(ctx context.Context, version string) (map[string]store.Digest, error) {
	out := map[string]store.Digest{}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id FROM analysis WHERE version = $1`, version)
	if err != nil {
		return nil, fmt.Errorf("%s: digests: %w", s.d.Name, err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: digests: %w", s.d.Name, err)
		}
		out[id] = store.Digest{}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, fmt.Errorf("%s: digests: %w", s.d.Name, err)
	}
	rows.Close()
	for _, q := range []struct {
		sql  string
		keys bool
	}{
		{`SELECT article_id, key FROM article_entity WHERE version = $1 ORDER BY article_id, key`, true},
		{`SELECT article_id, value FROM article_date WHERE version = $1 ORDER BY article_id, value`, false},
	} {
		rows, err := s.db.QueryContext(ctx, q.sql, version)
		if err != nil {
			return nil, fmt.Errorf("%s: digests: %w", s.d.Name, err)
		}
		for rows.Next() {
			var id, v string
			if err := rows.Scan(&id, &v); err != nil {
				rows.Close()
				return nil, fmt.Errorf("%s: digests: %w", s.d.Name, err)
			}
			d := out[id]
			if q.keys {
				d.Keys = append(d.Keys, v)
			} else {
				d.Dates = append(d.Dates, v)
			}
			out[id] = d
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: digests: %w", s.d.Name, err)
		}
	}
	return out, nil
}

// GetAnalysis returns the analysis of articleID for version, or an error
// wrapping store.ErrNotFound.
func (s *DB) GetAnalysis(ctx context.Context, articleID, version string) (*news.Analysis, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT data FROM analysis WHERE article_id = $1 AND version = $2`,
		articleID, version).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: get analysis %s@%s: %w", s.d.Name, articleID, version, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: get analysis %s@%s: %w", s.d.Name, articleID, version, err)
	}
	var an news.Analysis
	if err := json.Unmarshal(data, &an); err != nil {
		return nil, fmt.Errorf("%s: get analysis %s@%s: decode: %w", s.d.Name, articleID, version, err)
	}
	return &an, nil
}

// MissingAnalysis lists original articles lacking an analysis for version,
// in EffectiveTime then ID order; limit 0 means all.
func (s *DB) MissingAnalysis(ctx context.Context, version string, limit int) ([]string, error) {
	var a args
	q := `SELECT a.id FROM article a WHERE a.duplicate_of = '' AND NOT EXISTS (
		SELECT 1 FROM analysis n WHERE n.article_id = a.id AND n.version = ` + a.add(version) + `)
		ORDER BY a.effective_ns, a.id` + limitClause(&a, limit, 0)
	rows, err := s.db.QueryContext(ctx, q, a...)
	if err != nil {
		return nil, fmt.Errorf("%s: missing analysis: %w", s.d.Name, err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("%s: missing analysis: %w", s.d.Name, err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: missing analysis: %w", s.d.Name, err)
	}
	return out, nil
}
