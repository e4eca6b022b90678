package claim

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/news"
	"github.com/crosscheck/crosscheck/internal/nlp/segment"
)

// fixture builds an analysis by hand so claims are tested apart from the
// NER and attribution models: ents maps a surface string to "TYPE:key"
// (every occurrence becomes a mention), and stmts gives statements as
// (content, cue, source, stance).
func fixture(text string, ents map[string]string, stmts [][4]string) *news.Analysis {
	a := &news.Analysis{Date: "2024-11-15", Sentences: segment.Split(text)}
	n := 0
	for name, spec := range ents {
		typ, key, _ := strings.Cut(spec, ":")
		n++
		ref := "e" + string(rune('0'+n))
		a.Refs = append(a.Refs, news.EntityRef{ID: ref, Name: name, Type: typ, Key: key})
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			s := off + i
			a.Entities = append(a.Entities, news.Mention{Span: news.Span{Start: s, End: s + len(name)}, Text: name, Type: typ, Ref: ref})
			off = s + len(name)
		}
	}
	for _, st := range stmts {
		c := strings.Index(text, st[0])
		q := strings.Index(text, st[1])
		src := strings.Index(text, st[2])
		a.Statements = append(a.Statements, news.Statement{
			Span:   news.Span{Start: c, End: c + len(st[0])},
			Cue:    news.Cue{Span: news.Span{Start: q, End: q + len(st[1])}, Text: st[1]},
			Source: &news.Source{Span: news.Span{Start: src, End: src + len(st[2])}, Text: st[2]},
			Stance: st[3],
		})
	}
	return a
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		ents  map[string]string
		stmts [][4]string
		want  []string // Key, polarity and subject of each claim, in order
	}{
		{
			name:  "requested, with a second clause about the location",
			text:  "One Iranian official mentioned that Musk requested the meeting, with Iravani selecting the location.",
			ents:  map[string]string{"Musk": "PERSON:elon musk", "Iravani": "PERSON:amir saeid iravani", "Iranian": "NORP:iran"},
			stmts: [][4]string{{"Musk requested the meeting, with Iravani selecting the location", "mentioned", "One Iranian official", news.Assert}},
			want:  []string{"request(elon musk) positive [elon musk]", "meet.place(amir saeid iravani) positive []"},
		},
		{
			name:  "paraphrase with another agent, and a negated place",
			text:  "The official said the Iranians were seeking a meeting with Musk, and that it did not take place at the Iranian mission to the United Nations.",
			ents:  map[string]string{"Musk": "PERSON:elon musk", "Iranians": "NORP:iranians", "Iranian": "NORP:iran", "United Nations": "ORG:united nations"},
			stmts: [][4]string{{"the Iranians were seeking a meeting with Musk, and that it did not take place at the Iranian mission to the United Nations", "said", "The official", news.Assert}},
			want:  []string{"request(elon musk,iran) positive [iran]", "meet.place(iran,united nations) negative []"},
		},
		{
			name:  "a denial makes the proposition negative",
			text:  "Baghaei denied that Iravani met with Musk in New York.",
			ents:  map[string]string{"Musk": "PERSON:elon musk", "Iravani": "PERSON:amir saeid iravani", "Baghaei": "PERSON:esmail baghaei", "New York": "GPE:new york"},
			stmts: [][4]string{{"Iravani met with Musk in New York", "denied", "Baghaei", news.Deny}},
			want:  []string{"meet(amir saeid iravani,elon musk,new york) negative [amir saeid iravani]"},
		},
		{
			name:  "a verb outside the lexicon after a modal, and a copula with an adjective",
			text:  "Officials said the old bridge would close for repairs. The mayor denied that the bridge was unsafe.",
			stmts: [][4]string{{"the old bridge would close for repairs", "said", "Officials", news.Assert}, {"the bridge was unsafe", "denied", "The mayor", news.Deny}},
			want:  []string{"close() positive []", "be unsafe() negative []"},
		},
		{
			name: "an auxiliary with -ing; a copula before a noun makes no state claim",
			text: "The city is repaving the road. The road was a disaster.",
			// The lemma is a key, not a word: repave, repaves, repaved and repaving all give "repav".
			want: []string{"repav() positive []"},
		},
		{
			name: "article voice, passive with agent",
			text: "The elimination of Soleimani was ordered by Trump.",
			ents: map[string]string{"Soleimani": "PERSON:qassem soleimani", "Trump": "PERSON:donald trump"},
			want: []string{"order(donald trump,qassem soleimani) positive [donald trump]"},
		},
		{
			name: "a relative clause makes its own claim about its antecedent",
			text: "Following the elimination of Soleimani, which was ordered by Trump, Khamenei forbade negotiations.",
			ents: map[string]string{"Soleimani": "PERSON:qassem soleimani", "Trump": "PERSON:donald trump", "Khamenei": "PERSON:ali khamenei"},
			want: []string{"forbid(ali khamenei,qassem soleimani) positive [ali khamenei]", "order(donald trump,qassem soleimani) positive [donald trump]"},
		},
		{
			name:  "numbers are kept with their unit",
			text:  "A fire at the plant killed nine workers, police said.",
			ents:  map[string]string{},
			stmts: [][4]string{{"A fire at the plant killed nine workers", "said", "police", news.Assert}},
			want:  []string{"kill() positive []"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := fixture(tc.text, tc.ents, tc.stmts)
			cs := Extract(tc.text, a)
			var got []string
			for _, c := range cs {
				if !c.Span.Valid(len(tc.text)) {
					t.Fatalf("invalid span %v", c.Span)
				}
				got = append(got, c.Key+" "+c.Polarity+" ["+strings.Join(c.SubjectKeys, ",")+"]")
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("claims:\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	text := "A fire at the plant killed nine workers on Monday, police said."
	a := fixture(text, nil, nil)
	a.Timexes = []news.Timex{{Span: news.Span{Start: strings.Index(text, "Monday"), End: strings.Index(text, "Monday") + 6}, Type: news.TimexDate, Value: "2025-03-03"}}
	cs := Extract(text, a)
	if len(cs) == 0 {
		t.Fatal("no claim")
	}
	if got := strings.Join(cs[0].Numbers, ";"); got != "9 worker" {
		t.Errorf("numbers = %q, want %q", got, "9 worker")
	}
	if cs[0].Time != "2025-03-03" {
		t.Errorf("time = %q", cs[0].Time)
	}
}

func TestClassesUnique(t *testing.T) {
	seen := map[string]string{}
	for class, words := range classWords {
		for _, w := range words {
			if other, ok := seen[w]; ok && other != class {
				t.Errorf("%q is in classes %q and %q: the lexicon must map each word once", w, class, other)
			}
			seen[w] = class
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Musk requested the meeting, with Iravani selecting the location.")
	f.Add("it did not take place at the mission; \xff\x00 “quoted” 12 people")
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Analysis{Sentences: segment.Split(text), Date: "2024-11-15"}
		for _, c := range Extract(text, a) {
			if !c.Span.Valid(len(text)) {
				t.Fatalf("invalid span %v for %q", c.Span, text)
			}
		}
	})
}
