#!/usr/bin/env bash
# Writes a JSONL corpus of N real news texts for `crosscheck bench`, drawn from the evaluation data beside the
# repository (../shared/eval: FNC-1 and ARC bodies, PolNeAR and TempEval articles, ECB+ documents), each with a
# publication date spread over a year. The data is read in place, never copied into the repository.
#   bash scripts/bench-corpus.sh 10000 > /tmp/corpus.jsonl
set -euo pipefail
N=${1:-10000}
EVAL=${CROSSCHECK_EVAL:-$(cd "$(dirname "$0")/.." && pwd)/../shared/eval}
[ -d "$EVAL" ] || { echo "bench-corpus: no eval data at $EVAL (set CROSSCHECK_EVAL)" >&2; exit 2; }
python3 - "$EVAL" "$N" <<'PY'
import json, sys, os, datetime
ev, n = sys.argv[1], int(sys.argv[2])
texts = []
def add(path, field):
    p = os.path.join(ev, path)
    if not os.path.exists(p):
        return
    seen = set()
    for line in open(p, encoding="utf-8"):
        r = json.loads(line)
        t = r.get(field) or ""
        if len(t) < 200 or t in seen:
            continue
        seen.add(t)
        texts.append(t)
add("stance/fnc1_train_bodies.jsonl", "text")
add("attribution/polnear_train.jsonl", "text")
add("temporal/te3_train.jsonl", "text")
add("clustering/ecbplus_train.jsonl", "text")
add("stance/arc_train.jsonl", "text")
start = datetime.date(2024, 1, 1)
out = sys.stdout
for i in range(n):
    t = texts[i % len(texts)]
    rnd = i // len(texts)
    if rnd:
        # a later round of the same text is a different article: a new lead sentence
        t = "Update %d: reports continued on day %d. " % (rnd, i % 365) + t
    d = start + datetime.timedelta(days=(i * 7) % 365)
    out.write(json.dumps({"id": "b%06d" % i, "date": d.isoformat(), "outlet": "outlet%d" % (i % 40), "text": t}) + "\n")
PY
