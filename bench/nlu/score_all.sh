#!/usr/bin/env bash
# Scores every labelled NLU set under tests/intents/nlu with the eval tools of one build, one
# line a set, so that a change to the rules can be checked against all of them at once:
#   bench/nlu/score_all.sh build-release > after.txt; diff before.txt after.txt
# Held-out sets (*_test*.tsv) are scored too: look at their lines only to report a first score.
set -euo pipefail
build=${1:-build-release}
root=$(cd "$(dirname "$0")/../.." && pwd)
tools="$root/$build/bench/nlu"
for tool in view_eval parts_eval; do
    [[ -x "$tools/$tool" ]] || { echo "score_all.sh: $tools/$tool is missing; build it first" >&2; exit 2; }
done
cd "$root/tests/intents/nlu"
for set in view_*.tsv; do
    printf '%s %s\n' "$set" "$("$tools/view_eval" "$set" | tail -1)"
done
for set in parts_*.tsv; do
    printf '%s %s\n' "$set" "$("$tools/parts_eval" "$set" | grep -E '^all ' | tail -1)"
done
