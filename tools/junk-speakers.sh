#!/usr/bin/env bash
# Lists speaker names that cannot be a speaker, over a folder of articles, and fails if any.
#
#   tools/junk-speakers.sh [DIR]      (default ../shared/corpus/polnear-train; needs a release build)
#
# Junk kinds (issue 12): a bare party or nationality adjective ("Democratic", "Republican",
# "Russian"), a place alone ("Iowa", "Fayetteville"), a determiner or ordinal phrase ("Another",
# "a second"), a time zone ("EST"), a lone adjective before a role ("Judicial"), and descriptors
# that run into a clause ("a campaign surrogate who", "who said last week that ...").
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/polnear-train}
bin=target/release/quoth
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
find "$dir" -name '*.txt' -print0 | xargs -0 "$bin" quotes --jsonl | python3 -c '
import collections, json, re, sys
lex = "crates/quoth-core/src/attribution/lexicon/"
def entries(name):
    return {l.split("#")[0].strip() for l in open(lex + name, encoding="utf-8")} - {""}
places, demonyms = entries("places.txt"), entries("demonyms.txt")
PARTY = {"democratic", "republican", "democrat", "conservative", "liberal", "progressive",
         "judicial", "federal", "national", "political", "legislative"}
ZONES = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet"}
DETERMINERS = {"another", "other", "a second", "a third", "the second", "one", "some", "many"}
def junk(name):
    low = name.lower().strip()
    words = low.split()
    if low in places: return "place"
    if low in demonyms or low in PARTY: return "adjective"
    if len(words) == 2 and (words[0] in places or words[0] in demonyms) and words[1] in PARTY:
        return "adjective"
    if low in ZONES: return "time zone"
    if low in DETERMINERS: return "determiner"
    if re.search(r"\b(who|which|that)\b", low): return "clause"
    return None
found = collections.Counter()
for line in sys.stdin:
    doc = json.loads(line)
    for q in doc.get("quotes", []):
        name = q.get("speaker")
        if name and (kind := junk(name)):
            found[(kind, name)] += 1
for (kind, name), n in found.most_common():
    print(f"{n:5}  {kind:10}  {name}")
print(f"junk speakers: {sum(found.values())} quotes, {len(found)} names", file=sys.stderr)
sys.exit(1 if found else 0)
'
