package prep

import (
	"testing"
	"time"
)

func TestDateline(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Climber dies on peak\nSeptember 15 , 2013 11 : 26 pm\nA climber died.", "2013-09-15"},
		{"http : / / www . example . com / news / world - 24104939\n16 September 2013 Last updated at 12 : 42 GMT\nBody.", "2013-09-16"},
		{"Saints place Thomas on IR\nJan 5 , 2011\nBody text here.", "2011-01-05"},
		{"Headline\n11 / 30 / 09 05 : 40 PM ET\nBody.", "2009-11-30"},
		{"Headline\nLast updated 13 : 26 14 / 09 / 2013\nBody.", "2013-09-14"},
		{"http : / / www . example . com / 2013 / 09 / 16 / climber - dies /\nBody.", "2013-09-16"},
		{"http : / / www . example . com / 2008 / 12 / teixeira - deal /\nBody.", ""}, // no day
		// A date inside a body sentence is an event date or a birthday, not the dateline.
		{"Bettie Page died Thursday .\nPage was born in Nashville on April 22 , 1923 .", ""},
		{"No date at all here.", ""},
	} {
		got, ok := Dateline(tc.text)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tc.want {
			t.Errorf("Dateline(%q) = %q, want %q", tc.text, s, tc.want)
		}
	}
}

func TestDocsInferDate(t *testing.T) {
	recs := []Record{
		{ID: "a", Text: "Headline\nJan 5 , 2011\nThe team placed him on injured reserve."},
		{ID: "b", Text: "Given a date.", Time: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)},
		{ID: "c", Text: "No date."},
	}
	docs := Docs(nil, recs, 2)
	if !docs[0].TimeInferred || docs[0].Time.Format("2006-01-02") != "2011-01-05" {
		t.Errorf("a: %v inferred=%v", docs[0].Time, docs[0].TimeInferred)
	}
	if docs[1].TimeInferred || docs[1].Time.Year() != 2020 {
		t.Errorf("b: %v inferred=%v", docs[1].Time, docs[1].TimeInferred)
	}
	if !docs[2].Time.IsZero() {
		t.Errorf("c: %v", docs[2].Time)
	}
	Order(docs)
	if docs[0].ID != "a" || docs[1].ID != "b" || docs[2].ID != "c" {
		t.Errorf("order: %s %s %s", docs[0].ID, docs[1].ID, docs[2].ID)
	}
}
