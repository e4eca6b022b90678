package attrib

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
)

// seedWant is one attribution a reader finds in a seed article.
type seedWant struct {
	cue     string   // cue text
	content string   // a piece of the content
	source  string   // source text ("" = any)
	stance  string   // expected stance
	via     []string // relay texts, outermost first (nil = not checked)
	anon    bool     // expect an anonymous source
	count   int      // expected count (0 = not checked)
	aff     string   // expected affiliation ("" = not checked)
	kind    string   // expected kind ("" = not checked)
	quote   bool     // expect a direct quote
}

// seedWants lists every attribution of the two seed articles, written by
// reading them.
var seedWants = map[string][]seedWant{
	"000_9d73244eedff589e.txt": {
		{cue: "reported", content: "met with Iran’s ambassador", source: "two Iranian officials", stance: news.Assert,
			via: []string{"The New York Times"}, anon: true, count: 2, aff: "Iran"},
		{cue: "said", content: "the session focused on ways to reduce tensions", source: "The officials", stance: news.Assert,
			anon: true, count: 2, aff: "Iran"},
		{cue: "characterized", content: "“positive”", source: "the Iranian officials", stance: news.Assert, anon: true, aff: "Iran"},
		{cue: "stated", content: "We do not comment on reports of private meetings", source: "Steven Cheung, Trump’s communications director",
			stance: news.Decline, quote: true, kind: "person"},
		{cue: "did not respond", content: "a request for comment", source: "Musk", stance: news.NoResponse},
		{cue: "mentioned", content: "Musk requested the meeting", source: "One Iranian official", stance: news.Assert,
			anon: true, count: 1, aff: "Iran"},
		{cue: "rejected", content: "Tehran's involvement", source: "Iranian Foreign Ministry officials", stance: news.Deny,
			anon: true, aff: "Iran"},
		{cue: "indicated", content: "the meeting with Musk provided a channel", source: "The Iranian officials", stance: news.Assert,
			via: []string{"The New York Times"}, anon: true, aff: "Iran"},
		{cue: "declined", content: "to comment on the meeting", source: "Iran’s mission to the United Nations", stance: news.Decline,
			aff: "Iran", kind: "org"},
	},
	"002_dab798fd02c5118b.txt": {
		{cue: "said", content: "Iran managed to meet with Elon Musk", source: "a U.S. official", stance: news.Assert,
			anon: true, count: 1, aff: "United States"},
		{cue: "according to", content: "Amir Saeid Iravani met with Musk", source: "a U.S. official briefed on the meeting by a foreign colleague",
			stance: news.Assert, anon: true, count: 1, aff: "United States"},
		{cue: "said", content: "he was informed that the discussion covered", source: "The official", stance: news.Assert,
			anon: true, count: 1, aff: "United States"},
		{cue: "said", content: "no immediate decisions had been made", source: "The official, who spoke on condition of anonymity to discuss a U.S. nongovernmental meeting",
			stance: news.Assert, anon: true, aff: "United States"},
		{cue: "said", content: "it did not take place at the Iranian mission", source: "The official", stance: news.Assert, anon: true},
		{cue: "said", content: "the Iranians were seeking a meeting with Musk", source: "The official", stance: news.Assert, anon: true},
		{cue: "neither confirmed nor denied", content: "the meeting", source: "Trump's transition team", stance: news.Neither, kind: "org"},
		{cue: "reported", content: "the meeting", source: "The New York Times", stance: news.Assert, kind: "outlet"},
		{cue: "said", content: "he will take the necessary steps", source: "Karoline Leavitt, a spokeswoman for the Trump transition",
			stance: news.Assert, kind: "person"},
		{cue: "said", content: "The American people re-elected President Trump", source: "Karoline Leavitt, a spokeswoman for the Trump transition",
			stance: news.Assert},
		{cue: "reported", content: "Baghaei denied", source: "the official Iranian news agency IRNA", stance: news.Assert, kind: "outlet", aff: "Iran"},
		{cue: "denied", content: "Amir Saeid Iravani met with Musk in New York", source: "Iranian Foreign Ministry spokesperson Esmail Baghaei",
			stance: news.Deny, via: []string{"the official Iranian news agency IRNA"}, kind: "person"},
		{cue: "said", content: "Iran opposes Trump's second term", source: "Intelligence officials", stance: news.Assert, anon: true},
		{cue: "rejected", content: "this information", source: "The Iranian Foreign Ministry", stance: news.Deny, aff: "Iran", kind: "org"},
		{cue: "described", content: "ongoing efforts by Iran", source: "federal officials", stance: news.Assert, anon: true},
		{cue: "reported", content: "Iran told the Biden administration", source: "unnamed US officials", stance: news.Assert,
			via: []string{"the Wall Street Journal"}, anon: true, aff: "United States"},
		{cue: "reported", content: "It was a response to an earlier warning", source: "the Journal", stance: news.Assert, kind: "outlet"},
		{cue: "said", content: "it does not issue public statements", source: "the Iranian mission to the UN", stance: news.Decline, aff: "Iran"},
		{cue: "said", content: "The Islamic Republic of Iran has long declared", source: "its statement", stance: news.Assert, quote: true},
		{cue: "did not respond", content: "messages Friday seeking comment", source: "The Trump transition team", stance: news.NoResponse},
	},
}

// seedDir finds the shared seed articles beside the repository.
func seedDir(t testing.TB) string {
	for _, d := range []string{os.Getenv("CROSSCHECK_SEEDS"), "../../../../shared/seeds"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(d); err == nil {
			return d
		}
	}
	t.Skip("seed articles not found: set CROSSCHECK_SEEDS or put shared/seeds beside the repository")
	return ""
}

func TestSeeds(t *testing.T) {
	dir := seedDir(t)
	for file, wants := range seedWants {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatalf("read seed: %v", err)
		}
		text := string(b)
		got := Find(text, nil)
		for _, w := range wants {
			t.Run(file+"/"+w.cue+"/"+w.content, func(t *testing.T) {
				st := findStatement(text, got, w.cue, w.content)
				if st == nil {
					t.Fatalf("no statement with cue %q and content holding %q", w.cue, w.content)
				}
				checkStatement(t, text, st, w)
			})
		}
	}
}

// findStatement returns the statement with the cue whose content holds piece.
func findStatement(text string, sts []news.Statement, cue, piece string) *news.Statement {
	for i := range sts {
		st := &sts[i]
		if strings.EqualFold(st.Cue.Text, cue) && strings.Contains(text[st.Start:st.End], piece) {
			return st
		}
	}
	return nil
}

func checkStatement(t *testing.T, text string, st *news.Statement, w seedWant) {
	t.Helper()
	if st.Stance != w.stance {
		t.Errorf("stance = %q, want %q", st.Stance, w.stance)
	}
	if st.Kind != news.StatementSpeech {
		t.Errorf("kind = %q, want %q", st.Kind, news.StatementSpeech)
	}
	if w.quote && !st.Quote {
		t.Errorf("not marked as a quote")
	}
	if st.Source == nil {
		t.Fatalf("no source, want %q", w.source)
	}
	s := st.Source
	if w.source != "" && s.Text != w.source {
		t.Errorf("source = %q, want %q", s.Text, w.source)
	}
	if text[s.Start:s.End] != s.Text {
		t.Errorf("source span %v holds %q, not %q", s.Span, text[s.Start:s.End], s.Text)
	}
	if s.Anonymous != w.anon {
		t.Errorf("anonymous = %v, want %v", s.Anonymous, w.anon)
	}
	if w.count != 0 && s.Count != w.count {
		t.Errorf("count = %d, want %d", s.Count, w.count)
	}
	if w.aff != "" && s.Affiliation != w.aff {
		t.Errorf("affiliation = %q, want %q", s.Affiliation, w.aff)
	}
	if w.kind != "" && s.Kind != w.kind {
		t.Errorf("kind = %q, want %q", s.Kind, w.kind)
	}
	if w.via != nil {
		var got []string
		for _, v := range st.Via {
			got = append(got, v.Text)
		}
		if strings.Join(got, "|") != strings.Join(w.via, "|") {
			t.Errorf("via = %q, want %q", got, w.via)
		}
	}
}
