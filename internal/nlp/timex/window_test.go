package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// findWhole is Find without windows: every pattern over the whole text.
func findWhole(text, docDate string) any {
	dct, has := parseDCT(docDate)
	c := &ctx{text: text, dct: dct, has: has}
	return c.resolve(c.match(nil, 0, len(text)))
}

// TestWindowsAgree checks that matching inside trigger windows finds what
// matching the whole text finds, on TE3 dev when available.
func TestWindowsAgree(t *testing.T) {
	f, err := os.Open(filepath.Join(evalDir(), "temporal", "te3_dev.jsonl"))
	if err != nil {
		t.Skip("TE3 dev data not found; set CROSSCHECK_EVAL")
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		got, want := any(Find(d.Text, nil, d.DCT)), findWhole(d.Text, d.DCT)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: windows %v\nwhole %v", d.DocID, got, want)
		}
	}
}
