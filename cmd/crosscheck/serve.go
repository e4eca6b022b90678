package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/crosscheck/crosscheck/internal/nlp"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/web"
)

type serveCmd struct{}

func (*serveCmd) Name() string     { return "serve" }
func (*serveCmd) Synopsis() string { return "serve the JSON API and the web page over the database" }

const serveUsage = `
Usage: crosscheck serve [--addr 127.0.0.1:8080] [--token T] [--db DB]

Serves the web page (story list, story page with disputes first, the claim ×
source matrix, the timeline and the evidence sentences) and the JSON API
(documented at /api/openapi.json) over the same database the CLI writes.
POST /api/ingest adds articles (JSONL body, or {"url": …}) and updates the
stories; open pages refresh by themselves.

Write endpoints need "Authorization: Bearer TOKEN" when a token is set; a
server listening beyond loopback must have one (--token or CROSSCHECK_TOKEN).

Examples:
  crosscheck serve                      # http://127.0.0.1:8080
  crosscheck --db postgres://crosscheck@db/news serve --addr :8080 --token "$TOKEN"
  curl -H 'Content-Type: application/x-ndjson' --data-binary @articles.jsonl http://127.0.0.1:8080/api/ingest
`

func (*serveCmd) Run(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("serve", serveUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	token := fs.String("token", os.Getenv("CROSSCHECK_TOKEN"), "bearer token required on write endpoints")
	workers := fs.Int("workers", 0, "analysis workers for ingest (0: one per CPU)")
	verbose := fs.Bool("v", false, "log every request")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, m.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	an, err := nlp.New()
	if err != nil {
		return fmt.Errorf("serve: load models: %w", err)
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: level}))
	// One story builder for the server's life: each upload only adds what is new.
	stories := pipeline.NewStoryBuilder(pipeline.StoryOptions{Clock: time.Now})
	ingest := func(ctx context.Context, r io.Reader, url string) (any, error) {
		input := url
		if r != nil {
			dir, err := os.MkdirTemp("", "crosscheck-ingest-")
			if err != nil {
				return nil, err
			}
			defer os.RemoveAll(dir)
			input = filepath.Join(dir, "upload.jsonl")
			f, err := os.Create(input)
			if err != nil {
				return nil, err
			}
			if _, err := io.Copy(f, r); err != nil {
				f.Close()
				return nil, fmt.Errorf("read body: %w", err)
			}
			if err := f.Close(); err != nil {
				return nil, err
			}
		}
		res, err := pipeline.Run(ctx, st, an, []string{input}, pipeline.RunOptions{
			Ingest:  ingestOptions("", "", *workers),
			Analyze: pipeline.AnalyzeOptions{Workers: *workers},
			Builder: stories,
		})
		if err != nil {
			return nil, err
		}
		return res.Summary(), nil
	}
	srv := web.New(web.Config{Store: st, Ingest: ingest, Token: *token, Logger: log})
	return srv.ListenAndServe(ctx, *addr, func(a net.Addr) {
		fmt.Fprintf(m.Stderr, "crosscheck: serving http://%s (API: /api/openapi.json); Ctrl-C to stop\n", a)
	})
}
