package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestExpressions(t *testing.T) {
	const dct = "2024-11-15" // a Friday
	tests := []struct {
		text, want, typ, val string
	}{
		{"They met on Monday.", "Monday", "DATE", "2024-11-11"},
		{"He will speak on Monday.", "Monday", "DATE", "2024-11-18"},
		{"It happened last week.", "last week", "DATE", "2024-W45"},
		{"It happened this week.", "this week", "DATE", "2024-W46"},
		{"It was revealed this month.", "this month", "DATE", "2024-11"},
		{"delivered on October 14 to them", "October 14", "DATE", "2024-10-14"},
		{"instructed in September to", "September", "DATE", "2024-09"},
		{"In 2018, he left.", "2018", "DATE", "2018"},
		{"lasting over an hour", "over an hour", "DURATION", "PT1H"},
		{"Last summer, it rained.", "Last summer", "DATE", "2024-SU"},
		{"It fell on March 5, 1998.", "March 5, 1998", "DATE", "1998-03-05"},
		{"in March 1996", "March 1996", "DATE", "1996-03"},
		{"the 1990s were good", "the 1990s", "DATE", "199X"},
		{"the third quarter of 1998", "the third quarter of 1998", "DATE", "1998-Q3"},
		{"yesterday he left", "yesterday", "DATE", "2024-11-14"},
		{"he left today", "today", "DATE", "2024-11-15"},
		{"three years ago", "three years ago", "DATE", "2021"},
		{"for two years", "two years", "DURATION", "P2Y"},
		{"for 24 hours", "24 hours", "DURATION", "PT24H"},
		{"a decade of war", "a decade", "DURATION", "P10Y"},
		{"at 3 p.m. sharp", "3 p.m.", "TIME", "2024-11-15T15:00"},
		{"we know now", "now", "DATE", "PRESENT_REF"},
		{"it recently closed", "recently", "DATE", "PAST_REF"},
		{"in the future", "the future", "DATE", "FUTURE_REF"},
		{"meets every week", "every week", "SET", "P1W"},
		{"paid annually", "annually", "SET", "P1Y"},
		{"Monday night he left", "Monday night", "DATE", "2024-11-11"},
		{"over the past three years", "the past three years", "DURATION", "P3Y"},
		{"earlier this year", "earlier this year", "DATE", "2024"},
		{"next year", "next year", "DATE", "2025"},
		{"Net rose in the third quarter from $5 million a year earlier.", "a year earlier", "DATE", "2023-Q3"},
		{"He landed on Oct. 3, 2024, and left the next morning.", "the next morning", "DATE", "2024-10-04"},
		{"It was built in 1990 and sold later that year.", "later that year", "DATE", "1990"},
		{"Prices rose in the fall.", "the fall", "DATE", "2024-FA"},
		{"Bids are due by 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME", "2024-11-09T17:00"},
		{"It took 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"},
		{"back in nineteen ninety-six", "nineteen ninety-six", "DATE", "1996"},
		{"The club meets each Thursday.", "each Thursday", "SET", "XXXX-WXX-4"},
		{"They met last Friday.", "last Friday", "DATE", "2024-11-08"},
		{"It opened in January this year.", "January this year", "DATE", "2024-01"},
		{"Thursday evening they met.", "Thursday evening", "TIME", "2024-11-14TEV"},
		{"in the 20th century", "the 20th century", "DATE", "19"},
	}
	for _, tc := range tests {
		got := Find(tc.text, nil, dct)
		found := false
		for _, x := range got {
			if x.Text == tc.want {
				found = true
				if x.Type != tc.typ || x.Value != tc.val {
					t.Errorf("%q: %q = %s %s, want %s %s", tc.text, x.Text, x.Type, x.Value, tc.typ, tc.val)
				}
			}
		}
		if !found {
			t.Errorf("%q: %q not found in %+v", tc.text, tc.want, got)
		}
	}
}

// TestSeeds lists every temporal expression of the two model articles with
// the value decided by reading them.
func TestSeeds(t *testing.T) {
	type exp struct{ text, typ, val string }
	tests := []struct {
		file, dct string
		want      []exp
	}{
		{"000", "2024-11-15", []exp{
			{"Monday", "DATE", "2024-11-11"},
			{"over an hour", "DURATION", "PT1H"},
			{"2018", "DATE", "2018"},
			{"2015", "DATE", "2015"},
			{"2015", "DATE", "2015"},
			{"2022", "DATE", "2022"},
			{"Last week", "DATE", "2024-W45"},
		}},
		{"002", "2024-11-17", []exp{
			{"this week", "DATE", "2024-W46"},
			{"Monday", "DATE", "2024-11-11"},
			{"Saturday", "DATE", "2024-11-16"},
			{"this month", "DATE", "2024-11"},
			{"September", "DATE", "2024-09"},
			{"Last summer", "DATE", "2024-SU"},
			{"October 14", "DATE", "2024-10-14"},
			{"Friday", "DATE", "2024-11-15"},
		}},
	}
	for _, tc := range tests {
		paths, _ := filepath.Glob(filepath.Join(seedDir(), tc.file+"*.txt"))
		if len(paths) == 0 {
			t.Skipf("seed %s not found under %s", tc.file, seedDir())
		}
		b, err := os.ReadFile(paths[0])
		if err != nil {
			t.Fatal(err)
		}
		// Seed files start with a " date YYYY-MM-DD " header that is not article text.
		body := strings.TrimSpace(string(b))
		body = strings.TrimSpace(strings.TrimPrefix(body, "date "+tc.dct))
		got := Find(body, nil, tc.dct)
		var gs []exp
		for _, x := range got {
			gs = append(gs, exp{x.Text, x.Type, x.Value})
		}
		if len(gs) != len(tc.want) {
			t.Errorf("seed %s: got %v, want %v", tc.file, gs, tc.want)
			continue
		}
		for i := range gs {
			if gs[i] != tc.want[i] {
				t.Errorf("seed %s #%d: got %v, want %v", tc.file, i, gs[i], tc.want[i])
			}
		}
	}
}

func seedDir() string {
	if d := os.Getenv("CROSSCHECK_SEEDS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "..", "shared", "seeds")
}

func evalDir() string {
	if d := os.Getenv("CROSSCHECK_EVAL"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "..", "shared", "eval")
}

type goldTimex struct {
	Start, End  int
	Type, Value string
}

type goldDoc struct {
	DocID   string      `json:"doc_id"`
	DCT     string      `json:"dct"`
	Text    string      `json:"text"`
	Timexes []goldTimex `json:"timexes"`
}

// TestTE3Dev scores Find on TempEval-3 dev as tempeval3_score.py does.
func TestTE3Dev(t *testing.T) {
	p := filepath.Join(evalDir(), "temporal", "te3_"+split()+".jsonl")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("TE3 dev data not found (%s); set CROSSCHECK_EVAL", p)
	}
	defer f.Close()
	var ng, ns, rel, strict, val, typ int
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		// byte → character offsets
		r2b := make([]int, 0, len(d.Text)+1)
		for i := range d.Text {
			r2b = append(r2b, i)
		}
		r2b = append(r2b, len(d.Text))
		b2r := func(b int) int { return sort.SearchInts(r2b, b) }
		runes := []rune(d.Text)
		var S []goldTimex
		for _, x := range Find(d.Text, nil, d.DCT) {
			S = append(S, goldTimex{b2r(x.Start), b2r(x.End), x.Type, x.Value})
		}
		ng += len(d.Timexes)
		ns += len(S)
		prs := pairTimexes(runes, d.Timexes, S)
		if showErrors {
			pg, ps := map[int]bool{}, map[int]bool{}
			for _, pr := range prs {
				pg[pr.g], ps[pr.s] = true, true
			}
			for i, x := range d.Timexes {
				if !pg[i] {
					t.Logf("MISS %q=%s", string(runes[x.Start:x.End]), x.Value)
				}
			}
			for j, x := range S {
				if !ps[j] {
					t.Logf("FALSE %q=%s", string(runes[x.Start:x.End]), x.Value)
				}
			}
		}
		for _, pr := range prs {
			rel++
			if pr.exact {
				strict++
			}
			if d.Timexes[pr.g].Value == S[pr.s].Value {
				val++
			} else if showErrors {
				gt, st := d.Timexes[pr.g], S[pr.s]
				t.Logf("VALUE dct=%s gold %q=%s sys %q=%s", d.DCT, string(runes[gt.Start:gt.End]), gt.Value, string(runes[st.Start:st.End]), st.Value)
			}
			if d.Timexes[pr.g].Type == S[pr.s].Type {
				typ++
			}
		}
	}
	f1 := func(m int) float64 {
		if m == 0 {
			return 0
		}
		p, r := float64(m)/float64(ns), float64(m)/float64(ng)
		return 100 * 2 * p * r / (p + r)
	}
	t.Logf("te3 %s: gold=%d sys=%d strict F1=%.2f relaxed F1=%.2f type F1=%.2f value F1=%.2f", split(), ng, ns, f1(strict), f1(rel), f1(typ), f1(val))
	if f1(val) < 70 {
		t.Errorf("value F1 %.2f below floor 70", f1(val))
	}
}

// showErrors prints value errors of TestTE3Dev (TIMEX_ERRORS=1).
var showErrors = os.Getenv("TIMEX_ERRORS") != ""

type pairing struct {
	g, s  int
	exact bool
}

func pairTimexes(text []rune, gold, sys []goldTimex) []pairing {
	trim := func(s, e int) [2]int {
		for s < e && unicode.IsSpace(text[s]) {
			s++
		}
		for e > s && unicode.IsSpace(text[e-1]) {
			e--
		}
		return [2]int{s, e}
	}
	var G, S [][2]int
	for _, x := range gold {
		G = append(G, trim(x.Start, x.End))
	}
	for _, x := range sys {
		S = append(S, trim(x.Start, x.End))
	}
	usedG, usedS := map[int]bool{}, map[int]bool{}
	var out []pairing
	for i := range G {
		for j := range S {
			if !usedS[j] && G[i] == S[j] {
				out = append(out, pairing{i, j, true})
				usedG[i], usedS[j] = true, true
				break
			}
		}
	}
	type c struct{ ov, i, j int }
	var cs []c
	for i := range G {
		if usedG[i] {
			continue
		}
		for j := range S {
			if usedS[j] {
				continue
			}
			if ov := min(G[i][1], S[j][1]) - max(G[i][0], S[j][0]); ov > 0 {
				cs = append(cs, c{-ov, i, j})
			}
		}
	}
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].ov != cs[b].ov {
			return cs[a].ov < cs[b].ov
		}
		if cs[a].i != cs[b].i {
			return cs[a].i < cs[b].i
		}
		return cs[a].j < cs[b].j
	})
	for _, x := range cs {
		if !usedG[x.i] && !usedS[x.j] {
			out = append(out, pairing{x.i, x.j, G[x.i] == S[x.j]})
			usedG[x.i], usedS[x.j] = true, true
		}
	}
	return out
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"on Monday", "last week", "October 14, 2024", "\xff\xfeMay 3", "over an hour", "3 p.m. Friday", "the 1990s", ""} {
		f.Add(s, "2024-11-15")
	}
	f.Fuzz(func(t *testing.T, text, dct string) {
		for _, x := range Find(text, nil, dct) {
			if !x.Valid(len(text)) || x.Start >= x.End || x.Text != text[x.Start:x.End] {
				t.Fatalf("bad span %+v", x)
			}
			if utf8.ValidString(text) && !utf8.ValidString(x.Text) {
				t.Fatalf("span splits a rune: %+v", x)
			}
		}
	})
}

func TestLongLine(t *testing.T) {
	text := strings.Repeat("They met on Monday and \xff again in 1998 for two years. ", 2000)
	got := Find(text, nil, "2024-11-15")
	if len(got) == 0 {
		t.Fatal("nothing found in long line")
	}
}

func BenchmarkFind(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(seedDir(), "*.txt"))
	var sb strings.Builder
	for _, p := range paths {
		bs, _ := os.ReadFile(p)
		sb.Write(bs)
	}
	if sb.Len() == 0 {
		sb.WriteString(strings.Repeat("They met on Monday, October 14, for over an hour. ", 50))
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, nil, "2024-11-15")
	}
}

// TestNotTimexes lists words that look temporal but are not here.
func TestNotTimexes(t *testing.T) {
	for _, text := range []string{
		"Prices may fall further.",
		"the fall of the Berlin Wall",
		"He won a second term.",
		"He appeared on 60 Minutes.",
		"Now, he says, it is different.",
		"profit in the 1988 quarter",
	} {
		for _, x := range Find(text, nil, "2024-11-15") {
			if x.Text != "the 1988 quarter" && x.Text != "1988" {
				t.Errorf("%q: unexpected timex %+v", text, x)
			}
		}
	}
}

func TestHolidays(t *testing.T) {
	tests := []struct{ text, dct, val string }{
		{"on Thanksgiving Day", "1999-12-01", "1999-11-25"},
		{"on Election Day", "1998-11-05", "1998-11-03"},
		{"by Christmas", "2024-11-15", "2024-12-25"},
	}
	for _, tc := range tests {
		got := Find(tc.text, nil, tc.dct)
		if len(got) != 1 || got[0].Value != tc.val {
			t.Errorf("%q at %s: got %+v, want %s", tc.text, tc.dct, got, tc.val)
		}
	}
}

// split is the TE3 split TestTE3Dev scores: dev, or TIMEX_SPLIT=train.
func split() string {
	if s := os.Getenv("TIMEX_SPLIT"); s != "" {
		return s
	}
	return "dev"
}

// TestNeeds keeps the prefilter table aligned with the patterns.
func TestNeeds(t *testing.T) {
	if len(needs) != len(patterns) {
		t.Fatalf("%d prefilters for %d patterns", len(needs), len(patterns))
	}
}
