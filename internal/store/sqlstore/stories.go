package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/internal/store"
)

// PutStories replaces every stored story with stories, in one transaction:
// readers see either the old set or the new one, never a mix.
func (s *DB) PutStories(ctx context.Context, stories []*store.StoryRecord) error {
	return s.writeStories(ctx, "put stories", stories, nil, true)
}

// UpdateStories stores put and deletes the stories in neither put nor keep,
// in one transaction.
func (s *DB) UpdateStories(ctx context.Context, put []*store.StoryRecord, keep []string) error {
	return s.writeStories(ctx, "update stories", put, keep, false)
}

func (s *DB) writeStories(ctx context.Context, op string, stories []*store.StoryRecord, keep []string, all bool) error {
	seen := map[string]bool{}
	for i, r := range stories {
		if r == nil || r.ID == "" {
			return fmt.Errorf("%s: %s: story %d: empty ID", s.d.Name, op, i)
		}
		if seen[r.ID] {
			return fmt.Errorf("%s: %s: story %s given twice", s.d.Name, op, r.ID)
		}
		seen[r.ID] = true
	}
	return s.inTx(ctx, op, func(tx *sql.Tx) error {
		if s.d.StoriesLock != "" {
			if _, err := tx.ExecContext(ctx, s.d.StoriesLock); err != nil {
				return fmt.Errorf("%s: %s: lock: %w", s.d.Name, op, err)
			}
		}
		if all {
			for _, q := range []string{`DELETE FROM story_member`, `DELETE FROM story`} {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					return fmt.Errorf("%s: %s: clear: %w", s.d.Name, op, err)
				}
			}
		} else {
			// Delete what is neither put nor kept: read the stored IDs
			// (one column) and delete the rest by ID.
			stay := make(map[string]bool, len(keep)+len(stories))
			for _, id := range keep {
				stay[id] = true
			}
			var drop []string
			rows, err := tx.QueryContext(ctx, `SELECT id FROM story`)
			if err != nil {
				return fmt.Errorf("%s: %s: %w", s.d.Name, op, err)
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return fmt.Errorf("%s: %s: %w", s.d.Name, op, err)
				}
				if seen[id] || !stay[id] {
					drop = append(drop, id) // replaced or gone
				}
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				return fmt.Errorf("%s: %s: %w", s.d.Name, op, err)
			}
			for _, q := range []string{`DELETE FROM story_member WHERE story_id = $1`, `DELETE FROM story WHERE id = $1`} {
				del, err := tx.PrepareContext(ctx, q)
				if err != nil {
					return fmt.Errorf("%s: %s: prepare: %w", s.d.Name, op, err)
				}
				for _, id := range drop {
					if _, err := del.ExecContext(ctx, id); err != nil {
						del.Close()
						return fmt.Errorf("%s: %s: delete %s: %w", s.d.Name, op, id, err)
					}
				}
				del.Close()
			}
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO story (id, title, title_fold, first_ns, last_ns, summary, report, updated_ns, articles, fingerprint)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`)
		if err != nil {
			return fmt.Errorf("%s: %s: prepare: %w", s.d.Name, op, err)
		}
		defer st.Close()
		mem, err := tx.PrepareContext(ctx, `INSERT INTO story_member (story_id, pos, article_id) VALUES ($1, $2, $3)
			ON CONFLICT (story_id, article_id) DO NOTHING`)
		if err != nil {
			return fmt.Errorf("%s: %s: prepare: %w", s.d.Name, op, err)
		}
		defer mem.Close()
		for _, r := range stories {
			if _, err := st.ExecContext(ctx, r.ID, r.Title, strings.ToLower(r.Title), nanos(r.First), nanos(r.Last),
				nilIfEmpty(r.Summary), nilIfEmpty(r.Report), nanos(r.Updated), len(r.ArticleIDs), r.Fingerprint); err != nil {
				return fmt.Errorf("%s: put story %s: %w", s.d.Name, r.ID, err)
			}
			for i, id := range r.ArticleIDs {
				if _, err := mem.ExecContext(ctx, r.ID, i, id); err != nil {
					return fmt.Errorf("%s: put story %s: member %s: %w", s.d.Name, r.ID, id, err)
				}
			}
		}
		return nil
	})
}

func nilIfEmpty(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

const storyCols = `s.id, s.title, s.first_ns, s.last_ns, s.summary, s.updated_ns, s.fingerprint`

func scanStory(sc scanner, report bool) (*store.StoryRecord, error) {
	var r store.StoryRecord
	var first, last, upd sql.NullInt64
	dest := []any{&r.ID, &r.Title, &first, &last, &r.Summary, &upd, &r.Fingerprint}
	if report {
		dest = append(dest, &r.Report)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	r.First, r.Last, r.Updated = fromNanos(first), fromNanos(last), fromNanos(upd)
	return &r, nil
}

// GetStory returns one story with its members and report, or an error
// wrapping store.ErrNotFound.
func (s *DB) GetStory(ctx context.Context, id string) (*store.StoryRecord, error) {
	r, err := scanStory(s.db.QueryRowContext(ctx, `SELECT `+storyCols+`, s.report FROM story s WHERE s.id = $1`, id), true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: get story %s: %w", s.d.Name, id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: get story %s: %w", s.d.Name, id, err)
	}
	if err := s.members(ctx, []*store.StoryRecord{r}); err != nil {
		return nil, err
	}
	return r, nil
}

// ListStories returns the matching stories, most recently active first (Last
// descending, then ID). Records carry members and Summary but not Report,
// which can be large: GetStory returns it.
func (s *DB) ListStories(ctx context.Context, q store.StoryQuery) ([]*store.StoryRecord, error) {
	var a args
	var where []string
	if q.Search != "" {
		words := strings.Fields(strings.ToLower(q.Search))
		for _, w := range words {
			where = append(where, `s.title_fold LIKE `+a.add("%"+escapeLike(w)+"%")+` ESCAPE '\'`)
		}
	}
	if q.Outlet != "" {
		// IN (uncorrelated) rather than EXISTS: the set of matching stories is
		// computed once from the outlet index, not re-scanned per story.
		where = append(where, `s.id IN (SELECT m.story_id FROM article ar JOIN story_member m ON m.article_id = ar.id
			WHERE ar.outlet = `+a.add(q.Outlet)+`)`)
	}
	if q.Entity != "" {
		key := a.add(q.Entity)
		fold := a.add(strings.ToLower(q.Entity))
		where = append(where, `s.id IN (SELECT m.story_id FROM article_entity e JOIN story_member m ON m.article_id = e.article_id
			WHERE e.key = `+key+` UNION SELECT m.story_id FROM article_entity e JOIN story_member m ON m.article_id = e.article_id
			WHERE e.name_fold = `+fold+`)`)
	}
	if !q.From.IsZero() {
		where = append(where, "s.last_ns >= "+a.add(clampNanos(q.From)))
	}
	if !q.To.IsZero() {
		where = append(where, "s.first_ns < "+a.add(clampNanos(q.To)))
	}
	query := `SELECT ` + storyCols + ` FROM story s`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY s.last_ns DESC, s.id" + limitClause(&a, q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, query, a...)
	if err != nil {
		return nil, fmt.Errorf("%s: list stories: %w", s.d.Name, err)
	}
	out := []*store.StoryRecord{}
	for rows.Next() {
		r, err := scanStory(rows, false)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: list stories: %w", s.d.Name, err)
		}
		out = append(out, r)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: list stories: %w", s.d.Name, err)
	}
	if err := s.members(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// members fills ArticleIDs, in stored order, querying in chunks to stay
// under the engines' parameter limits.
func (s *DB) members(ctx context.Context, recs []*store.StoryRecord) error {
	const chunk = 500
	byID := make(map[string]*store.StoryRecord, len(recs))
	for _, r := range recs {
		byID[r.ID] = r
		r.ArticleIDs = []string{}
	}
	for lo := 0; lo < len(recs); lo += chunk {
		hi := min(lo+chunk, len(recs))
		var a args
		ph := make([]string, 0, hi-lo)
		for _, r := range recs[lo:hi] {
			ph = append(ph, a.add(r.ID))
		}
		rows, err := s.db.QueryContext(ctx, `SELECT story_id, article_id FROM story_member WHERE story_id IN (`+
			strings.Join(ph, ", ")+`) ORDER BY story_id, pos`, a...)
		if err != nil {
			return fmt.Errorf("%s: story members: %w", s.d.Name, err)
		}
		for rows.Next() {
			var sid, aid string
			if err := rows.Scan(&sid, &aid); err != nil {
				rows.Close()
				return fmt.Errorf("%s: story members: %w", s.d.Name, err)
			}
			if r := byID[sid]; r != nil {
				r.ArticleIDs = append(r.ArticleIDs, aid)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("%s: story members: %w", s.d.Name, err)
		}
	}
	return nil
}

// escapeLike escapes LIKE's wildcards so user text matches literally.
func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}
