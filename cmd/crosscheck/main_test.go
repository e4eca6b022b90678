package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run calls the CLI in-process with args and returns stdout, stderr and the error.
func run(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	m := NewMain()
	m.Stdin, m.Stdout, m.Stderr = strings.NewReader(stdin), &out, &errb
	err := m.Run(context.Background(), args)
	return out.String(), errb.String(), err
}

func TestAnalyzeSeeds(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cc.db")
	out, stderr, err := run(t, "", "--db", db, "analyze", filepath.Join("..", "..", "examples", "seeds"))
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	for _, want := range []string{"STORY ", "Who requested the meeting?", "DENIED", "Baghaei", "Non-answers", "[A s1]"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if !strings.Contains(stderr, "ingested 2, duplicates 0") {
		t.Errorf("summary: %q", stderr)
	}
	// A second run adds nothing and reports the same story.
	out2, stderr2, err := run(t, "", "--db", db, "analyze", filepath.Join("..", "..", "examples", "seeds"))
	if err != nil || !strings.Contains(stderr2, "ingested 0, duplicates 2") || out2 != out {
		t.Errorf("re-run: %v %q (report identical: %v)", err, stderr2, out2 == out)
	}
	// The stored story can be listed and reported as JSON.
	list, _, err := run(t, "", "--db", db, "stories", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var stories []struct{ ID string }
	if err := json.Unmarshal([]byte(list), &stories); err != nil || len(stories) != 1 {
		t.Fatalf("stories: %v %s", err, list)
	}
	js, _, err := run(t, "", "--db", db, "report", "--format", "json", stories[0].ID)
	if err != nil || !strings.Contains(js, `"schema": "crosscheck.report/v1"`) {
		t.Errorf("report json: %v %.200s", err, js)
	}
	html, _, err := run(t, "", "--db", db, "report", "--format", "html", stories[0].ID)
	if err != nil || !strings.Contains(html, "<!doctype html>") || strings.Contains(html, "<script") {
		t.Errorf("report html: %v", err)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.jsonl"), []byte(`{"id":"1","date":"2025-01-01","text":"Officials said the bridge reopened on Friday."}`+"\n"+`{"id":"2","date":"soon","text":"x"}`+"\n"), 0o644)
	db := filepath.Join(dir, "cc.db")
	out, stderr, err := run(t, "", "--db", db, "ingest", filepath.Join(dir, "good.jsonl"))
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Fatalf("partial failure must exit 1, got %v", err)
	}
	if !strings.Contains(stderr, `good.jsonl:2: field "date": "soon" is not a date`) || !strings.Contains(out, "ingested 1") {
		t.Errorf("stdout %q stderr %q", out, stderr)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"analyze"}, "no input"},
		{[]string{"analyze", "--format", "pdf", "x"}, "--format"},
		{[]string{"--db", db, "report", "s-nope"}, "no story"},
	}
	for _, tc := range tests {
		_, _, err := run(t, "", tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v, want %q", tc.args, err, tc.want)
		}
	}
}

func TestHelp(t *testing.T) {
	_, stderr, err := run(t, "", "-h")
	if !errors.Is(err, errHelp) || !strings.Contains(stderr, "crosscheck analyze") {
		t.Errorf("help: %v %q", err, stderr)
	}
	for _, c := range allCommands() {
		_, stderr, err := run(t, "", c.Name(), "-h")
		if !errors.Is(err, errHelp) || !strings.Contains(stderr, "Usage: crosscheck "+c.Name()) {
			t.Errorf("%s -h: %v %q", c.Name(), err, stderr)
		}
	}
}

func TestAnnotateContract(t *testing.T) {
	in := `{"id":"a","date":"2024-11-15","text":"Musk met Iravani in New York on Monday, the Times reported."}` + "\n" + `not json` + "\n"
	out, stderr, err := run(t, in, "annotate")
	var ee *exitError
	if !errors.As(err, &ee) || !strings.Contains(stderr, "stdin:2:") {
		t.Errorf("bad line: %v %q", err, stderr)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &rec); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "sentences", "entities", "timexes", "statements", "claims"} {
		if _, ok := rec[k]; !ok {
			t.Errorf("annotate output lacks %q", k)
		}
	}
}
