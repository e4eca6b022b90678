// Package attrib finds reported statements in news text: what is said
// (the content span), by whom (the source, named or an anonymous description
// such as "two Iranian officials"), through whom (the relay chain, outlet
// first: "The New York Times reported, citing …"), marked by which cue
// ("said", "according to", "declined to comment") and with which stance
// (assert, deny, decline, no_response, neither).
//
// # How
//
// Rules find the statement around each cue; two small learned models decide
// which words are cues and which candidate statements to keep:
//
//   - the cue model (cuemodel.bin.gz) is a logistic regression over hashed
//     context features (the word, its stem, neighbours, shapes, a "that" or a
//     quotation mark nearby) that says whether a word is a cue here: "said"
//     nearly always is, "support" or "found" only in some sentences. Words
//     outside the learned vocabulary (cues.tsv) are never cues; the common
//     reporting verbs ("said", "told", "denied"…) always are;
//   - around each cue the rules look for the shapes news writing uses:
//     source first ("Two officials said (that) …", "X told reporters …",
//     "X said: “…”"), content first ("…, X said." / "“…,” said X." with the
//     following quote-only sentences joined), prepositional and passive
//     ("according to X", "… was reported by X", "what X described as …"),
//     participles ("…, saying …"), headline colons and openers ("In a new
//     poll, …", "Asked whether …");
//   - the statement model (stmtmodel.bin.gz), a second logistic regression
//     over the candidate as a whole (cue, cue probability, source kind,
//     content position and length), drops unlikely candidates. Denials,
//     refusals, non-answers and reports from anonymous officials are always
//     kept: they are what crosscheck needs most.
//
// The source span takes in appositives and relative clauses ("Karoline
// Leavitt, a spokeswoman for the Trump transition"), is described (count,
// affiliation, role, kind) from its words, linked to an entity ref when an
// entity mention lies inside it, and resolved backwards for pronouns ("he" →
// the nearest person) and bare definite descriptions ("the official" → the
// earlier "a U.S. official", sharing its description, ref and relays).
// Relays come from "citing", "quoted by" and from nesting: a statement whose
// cue lies inside the content of another inherits the outer source as Via.
//
// Statement.Kind tells reports of speech ("said", "reported", "denied")
// from PolNeAR's wider attributions of beliefs, intentions and evaluations
// ("Iran opposes …", "seemed"); claims should be drawn from speech.
// Statement.Span is the content. When a direct quote continues after the cue
// ("“A,” she said. “B.”"), the span runs from A to B and so holds the cue and
// source; consumers that want the content alone subtract those spans, as the
// PolNeAR scorer does.
//
// # Data and retraining
//
// Both models and the vocabulary are learned from PolNeAR's training split
// (networkdynamics/PolNeAR @ c3eee83, research use only), read from the
// evaluation kit and never copied into the repository. Retrain, from the
// repository root, in this order (the second stage is compiled with the
// first stage's output):
//
//	go run ./internal/nlp/attrib/train -stage cues
//	go run ./internal/nlp/attrib/train -stage stmt
//
// TestPolNeARDev holds attribution-level overlap F1 on PolNeAR dev above a
// floor (it reads $CROSSCHECK_EVAL or ../shared/eval and skips without it).
package attrib
