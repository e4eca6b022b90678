// Package attrib finds reported statements in news text: what is said
// (the content span), by whom (the source, named or an anonymous description
// such as "two Iranian officials"), through whom (the relay chain, outlet
// first: "The New York Times reported, citing …"), marked by which cue
// ("said", "according to", "declined to comment") and with which stance
// (assert, deny, decline, no_response, neither).
//
// The finder is rule-based over a cue lexicon learned from data. A word is a
// cue candidate when it is one of the reporting words whose share of
// occurrences inside gold cue spans of PolNeAR's training split is high
// enough (cues.tsv, written by ./train from polnear_train.jsonl; the data
// itself stays in the evaluation kit, research use only). Around each cue the
// rules look for the three shapes news writing uses:
//
//   - source first: "Two officials said (that) CONTENT", "X told reporters CONTENT",
//     "X said: “…”", "X said in a statement that …";
//   - content first: "CONTENT, X said." / "“CONTENT,” said X." with the
//     following quote-only sentences joined to the same statement;
//   - prepositional and passive: "according to X, CONTENT", "CONTENT, according
//     to X", "CONTENT was reported by X", "what X described as CONTENT".
//
// The source span takes in appositives and relative clauses ("Karoline
// Leavitt, a spokeswoman for the Trump transition,"), is described (count,
// affiliation, role, kind) from its words, linked to an entity ref when an
// entity mention lies inside it, and resolved backwards for pronouns ("he")
// and bare definite descriptions ("the official"). Relays come from "citing",
// "quoted by" and from nesting: a statement whose cue lies inside the content
// of another inherits the outer source as its Via.
//
// Statement.Span is the content. When a direct quote continues after the cue
// ("“A,” she said. “B.”"), the span runs from A to B and so holds the cue and
// source; consumers that want the content alone subtract those spans, as the
// PolNeAR scorer does.
package attrib
