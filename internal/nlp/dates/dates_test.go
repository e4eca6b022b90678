package dates

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestExpressions(t *testing.T) {
	dct := "2024-11-15" // a Friday
	tests := []struct{ text, timex, typ, value string }{
		{"They met on Monday.", "Monday", "DATE", "2024-11-11"},
		{"They will meet on Monday.", "Monday", "DATE", "2024-11-18"},
		{"It happened last week.", "last week", "DATE", "2024-W45"},
		{"Prices rose this month.", "this month", "DATE", "2024-11"},
		{"The message was delivered on October 14 to the envoy.", "October 14", "DATE", "2024-10-14"},
		{"It began in September.", "September", "DATE", "2024-09"},
		{"It was signed on March 3, 2019.", "March 3, 2019", "DATE", "2019-03-03"},
		{"In 2018, Trump withdrew.", "2018", "DATE", "2018"},
		{"The meeting lasted over an hour.", "over an hour", "DURATION", "PT1H"},
		{"It lasted six months.", "six months", "DURATION", "P6M"},
		{"Over the past three years, sales fell.", "the past three years", "DURATION", "P3Y"},
		{"Two days later, it rained.", "Two days later", "DURATION", "P2D"},
		{"He left three years ago.", "three years ago", "DATE", "2021"},
		{"Last summer, the plot was exposed.", "Last summer", "DATE", "2024-SU"},
		{"She spoke yesterday.", "yesterday", "DATE", "2024-11-14"},
		{"They meet every week.", "every week", "SET", "P1W"},
		{"The blaze started at 6 a.m. sharp.", "6 a.m.", "TIME", "2024-11-15T06:00"},
		{"Officials met Monday night.", "Monday night", "TIME", "2024-11-11TNI"},
		{"Sales grew in the 1990s.", "1990s", "DATE", "199X"},
		{"Earlier this year, talks failed.", "Earlier this year", "DATE", "2024"},
	}
	for _, tc := range tests {
		got := Find(tc.text, nil, dct)
		found := false
		for _, tx := range got {
			if tx.Text == tc.timex {
				found = true
				if tx.Type != tc.typ || tx.Value != tc.value {
					t.Errorf("%q: %q = %s %s, want %s %s", tc.text, tc.timex, tx.Type, tx.Value, tc.typ, tc.value)
				}
			}
		}
		if !found {
			t.Errorf("%q: no timex %q in %+v", tc.text, tc.timex, got)
		}
	}
	if got := Find("They met on Monday.", nil, ""); len(got) != 1 || strings.HasPrefix(got[0].Value, "20") {
		t.Errorf("without a document date a weekday must not get a calendar value: %+v", got)
	}
}

// TestSeeds lists every temporal expression of the two seeds with the value
// a reader gives it (000 is dated Friday 2024-11-15, 002 Sunday 2024-11-17).
func TestSeeds(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "examples", "seeds")
	want := map[string][]string{
		"000_9d73244eedff589e.txt": {"Monday=2024-11-11", "over an hour=PT1H", "2018=2018", "2015=2015", "2015=2015", "2022=2022", "Last week=2024-W45"},
		"002_dab798fd02c5118b.txt": {"this week=2024-W46", "Monday=2024-11-11", "Saturday=2024-11-16", "this month=2024-11",
			"September=2024-09", "Last summer=2024-SU", "October 14=2024-10-14", "Friday=2024-11-15"},
	}
	for name, exp := range want {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		date := strings.Fields(s)[1]
		var got []string
		for _, tx := range Find(s, nil, date) {
			if tx.Value == date && tx.Text == date {
				continue // the seed header itself
			}
			got = append(got, tx.Text+"="+tx.Value)
		}
		if strings.Join(got, "; ") != strings.Join(exp, "; ") {
			t.Errorf("%s:\n got %q\nwant %q", name, got, exp)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("On Monday, October 14, 2019 at 6 a.m. \xff the past three years", "2024-11-15")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, text, dct string) {
		for _, tx := range Find(text, nil, dct) {
			if !tx.Span.Valid(len(text)) || text[tx.Start:tx.End] != tx.Text {
				t.Fatalf("bad span %+v", tx)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	_, file, _, _ := runtime.Caller(0)
	data, _ := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "..", "examples", "seeds", "002_dab798fd02c5118b.txt"))
	text := string(data)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Find(text, nil, "2024-11-17")
	}
}
