package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/compare"
)

func hostileStory() *compare.Story {
	ev := compare.Evidence{Article: "A", ArticleID: "x", Sentence: 0, Text: `<script>alert(1)</script> said | *bold*`, SentenceText: "<img src=x onerror=alert(1)>", Stance: "assert", Source: "<b>officials</b>", Chain: "named:x", Polarity: "positive"}
	f := compare.Finding{ID: "F1", Status: compare.SingleSource, Question: "<i>q</i>", Summary: "<script>x</script>", Sides: []compare.Side{{Position: "asserted", Polarity: "positive", Chains: 1, Evidence: []compare.Evidence{ev}}}}
	s := &compare.Story{ID: "s-1", Headline: "<script>alert('h')</script>", Findings: []compare.Finding{f},
		Articles: []compare.Article{{Ref: "A", ID: "x", Title: "<b>t</b>", URL: "javascript:alert(1)"}}}
	s.Matrix = compare.BuildMatrix(s)
	return s
}

func TestHTMLEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "html", []*compare.Story{hostileStory()}, Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>officials", `href="javascript:`} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML report contains unescaped %q", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Error("escaped text missing")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "markdown", []*compare.Story{hostileStory()}, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>") || strings.Contains(buf.String(), " | *bold*") {
		t.Errorf("markdown not escaped: %s", buf.String())
	}
}

func TestFormats(t *testing.T) {
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, f, nil, Options{}); err != nil || buf.Len() == 0 {
			t.Errorf("%s with no stories: %v %q", f, err, buf.String())
		}
	}
	if err := Write(&bytes.Buffer{}, "pdf", nil, Options{}); err == nil {
		t.Error("unknown format accepted")
	}
}
