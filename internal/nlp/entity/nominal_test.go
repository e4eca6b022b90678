package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/nlp/segment"
)

// TestNominals lists, by reading, the descriptions that stand for a named
// person and those that must not.
func TestNominals(t *testing.T) {
	seed := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", "..", "examples", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name, text string
		want       []string // "description -> name"
	}{
		{"seed 000", seed("000_9d73244eedff589e.txt"), []string{
			"Iran’s ambassador to the United Nations -> Amir Saeid Iravani",
			"Trump’s communications director -> Steven Cheung",
		}},
		{"seed 002", seed("002_dab798fd02c5118b.txt"), []string{
			"the world's richest man -> Elon Musk",
		}},
		{"appositive head, later definite", "Karoline Leavitt, a spokeswoman for the Trump transition, said the talks would go on. The spokeswoman added that nothing was agreed.", []string{
			"The spokeswoman -> Karoline Leavitt",
		}},
		{"abbreviated title", "Sen. Marco Rubio criticised the plan on Monday. The senator said it was weak.", []string{
			"The senator -> Marco Rubio",
		}},
		{"a head two people share links to neither", "President Joe Biden met President Emmanuel Macron in Paris. The president said the meeting went well.", nil},
		{"an indefinite noun is someone new", "Ambassador Amir Saeid Iravani met Musk. An ambassador from Chile was not there.", nil},
		{"another possessor is another person", "President Donald Trump spoke on Monday. Iran's president answered on Tuesday.", nil},
		{"of-phrase names someone else", "Supreme Leader Ayatollah Ali Khamenei spoke. The leader of Hezbollah did not.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents := segment.Split(tc.text)
			ms, refs := tagger.Tag(tc.text, sents)
			names := map[string]string{}
			for _, r := range refs {
				names[r.ID] = r.Name
			}
			var got []string
			for _, n := range Nominals(tc.text, sents, ms, refs) {
				if tc.text[n.Start:n.End] != n.Text || !n.Nominal {
					t.Errorf("bad mention %+v", n)
				}
				got = append(got, n.Text+" -> "+names[n.Ref])
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("nominals:\n got  %s\n want %s", strings.Join(got, "; "), strings.Join(tc.want, "; "))
			}
		})
	}
}
