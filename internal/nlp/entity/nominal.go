package entity

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/news"
)

// Nominals finds descriptions that stand for a person already named in the
// article (nominal coreference), from the roles the names carry:
//
//   - a role phrase repeated or given as an appositive: "Musk, the world's
//     richest man" makes every "the world's richest man" Musk;
//   - a definite description whose head is a role of exactly one person:
//     "the ambassador", "Iran's ambassador to the United Nations", "the
//     Iranian ambassador" after (or right before: "…, Amir Saeid Iravani")
//     the ambassador is named.
//
// A head two people share ("the president" with two presidents) links to
// neither; generic heads ("man", "official") link only through the whole
// phrase. The descriptions are returned apart from the names (Analysis
// keeps them in Nominals) so that name recognition is scored on names.
func Nominals(text string, sents []news.Sentence, ms []news.Mention, refs []news.EntityRef) []news.Mention {
	first := map[string]int{} // ref → offset of its first named mention
	for _, m := range ms {
		if _, ok := first[m.Ref]; !ok {
			first[m.Ref] = m.Start
		}
	}
	roles := map[string]string{} // ref → its roles, lower-cased, joined
	for _, r := range refs {
		roles[r.ID] = strings.ToLower(strings.Join(r.Roles, " | "))
	}
	heads := map[string]string{} // head noun → ref ("" when shared)
	var phrases []struct{ text, ref string }
	for _, r := range refs {
		if r.Type != news.Person {
			continue
		}
		for _, role := range r.Roles {
			for _, h := range roleHeads(role) {
				if prev, ok := heads[h]; ok && prev != r.ID {
					heads[h] = ""
				} else {
					heads[h] = r.ID
				}
			}
			if ws := strings.Fields(role); len(ws) >= 3 && strings.EqualFold(ws[0], "the") {
				phrases = append(phrases, struct{ text, ref string }{role, r.ID})
			}
		}
	}
	if len(heads) == 0 && len(phrases) == 0 {
		return nil
	}
	named := func(start, end int) bool { // a name covers part of [start, end)
		i := sort.Search(len(ms), func(i int) bool { return ms[i].End > start })
		return i < len(ms) && ms[i].Start < end
	}
	var out []news.Mention
	seen := map[int]bool{}
	add := func(start, end int, ref string) {
		if seen[start] || start >= end {
			return
		}
		seen[start] = true
		out = append(out, news.Mention{Span: news.Span{Start: start, End: end}, Text: text[start:end], Type: news.Person, Ref: ref, Nominal: true})
	}
	for _, p := range phrases {
		for off := 0; ; {
			i := strings.Index(text[off:], p.text)
			if i < 0 {
				break
			}
			add(off+i, off+i+len(p.text), p.ref)
			off += i + len(p.text)
		}
	}
	for _, s := range sents {
		toks := s.Tokens
		for j, t := range toks {
			ref := heads[strings.ToLower(t.Text)]
			if ref == "" || named(t.Start, t.End) || isCap(t) && j > 0 {
				continue
			}
			start, ok := descriptionStart(toks, j, ms)
			if !ok {
				continue
			}
			end := t.End
			// "ambassador to the United Nations": the post that makes the role.
			if j+2 < len(toks) && (toks[j+1].Text == "to" || toks[j+1].Text == "at") {
				k := j + 2
				if strings.EqualFold(toks[k].Text, "the") && k+1 < len(toks) {
					k++
				}
				for _, m := range ms {
					if m.Start == toks[k].Start {
						end = m.End
						break
					}
				}
			} else if j+1 < len(toks) && toks[j+1].Text == "of" {
				continue // "the leader of Hezbollah" is someone else
			}
			// Before the first name only as its appositive: "…, Amir Saeid Iravani".
			f, ok := first[ref]
			if ok && end > f && start <= f {
				continue // "the adviser to John Smith" contains its referent: someone else
			}
			appos := ok && start < f && end <= f && strings.TrimLeft(text[end:min(f, len(text))], " ,") == ""
			if ok && start < f && !appos {
				continue
			}
			// "Iran's president" is not Trump's role: a possessor must be
			// part of the person's role, unless this is the appositive.
			if pre := text[start:t.Start]; !appos && (strings.Contains(pre, "'s") || strings.Contains(pre, "’s")) {
				owner := strings.ToLower(strings.TrimSpace(pre))
				if i := strings.IndexAny(owner, "'’"); i > 0 {
					owner = owner[:i]
				}
				if !strings.Contains(roles[ref], owner) {
					continue
				}
			}
			add(start, end, ref)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// descriptionStart finds where a description headed by toks[j] begins: "the
// ambassador", "the Iranian ambassador", "Iran's ambassador". It reports
// false for bare or indefinite nouns ("an ambassador" is someone new).
func descriptionStart(toks []news.Token, j int, ms []news.Mention) (int, bool) {
	k := j - 1
	// Skip a nationality or one lower-case modifier: "the Iranian
	// ambassador", "the communications director".
	for steps := 0; k >= 0 && steps < 2; steps++ {
		low := strings.ToLower(toks[k].Text)
		if low == "the" || low == "'s" || low == "’s" || strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "’s") {
			break
		}
		if _, ok := demonyms[low]; ok || !isCap(toks[k]) && isWordTok(toks[k]) && !capFunction[low] {
			k--
			continue
		}
		return 0, false
	}
	if k < 0 {
		return 0, false
	}
	low := strings.ToLower(toks[k].Text)
	switch {
	case low == "the":
		return toks[k].Start, true
	case low == "'s" || low == "’s" || strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "’s"):
		// "Iran's": start at the possessor's name.
		pos := toks[k].Start
		if low == "'s" || low == "’s" {
			if k == 0 {
				return 0, false
			}
			pos = toks[k-1].Start
		}
		for _, m := range ms {
			if m.Start <= pos && pos < m.End {
				return m.Start, true
			}
		}
	}
	return 0, false
}

// titleWords spell out abbreviated titles: "Sen. Marco Rubio" is "the senator".
var titleWords = map[string]string{"sen.": "senator", "rep.": "representative", "gen.": "general", "gov.": "governor",
	"lt.": "lieutenant", "col.": "colonel", "sgt.": "sergeant", "capt.": "captain", "adm.": "admiral", "dr.": "doctor"}

// genericHeads are role heads too vague to link on their own.
var genericHeads = map[string]bool{"man": true, "woman": true, "person": true, "people": true, "official": true,
	"officials": true, "one": true, "member": true, "friend": true, "ally": true, "source": true, "resident": true}

// titleModifiers are title words that are not heads ("Supreme Leader": the head is "leader").
var titleModifiers = map[string]bool{"supreme": true, "vice": true, "prime": true, "chief": true, "deputy": true,
	"acting": true, "former": true, "foreign": true, "interior": true, "general": false}

// roleHeads returns the nouns by which a role can be referred to: the head of
// an appositive ("a spokeswoman for the Trump transition" → spokeswoman) or
// the title words ("Supreme Leader Ayatollah" → leader, ayatollah).
func roleHeads(role string) []string {
	ws := strings.Fields(strings.ToLower(role))
	for i, w := range ws {
		switch w {
		case "for", "of", "to", "at", "in", "with", "from", "on", "who", "which", "and":
			ws = ws[:i]
		}
		if len(ws) <= i {
			break
		}
	}
	if len(ws) == 0 {
		return nil
	}
	var out []string
	keep := func(w string) {
		w = strings.Trim(w, ",;:\"'“”")
		if full, ok := titleWords[w]; ok {
			w = full
		}
		if w == "" || strings.Contains(w, ".") || genericHeads[w] || titleModifiers[w] {
			return
		}
		out = append(out, w)
	}
	if len(ws) == 1 || titles[ws[len(ws)-1]] && !strings.HasPrefix(ws[0], "a") && ws[0] != "the" {
		for _, w := range ws { // a title run
			if titles[w] {
				keep(w)
			}
		}
		if len(out) == 0 && len(ws) == 1 {
			keep(ws[0])
		}
		return out
	}
	keep(ws[len(ws)-1])
	return out
}
