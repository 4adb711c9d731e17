#!/usr/bin/env bash
# The bars of issue 9 end to end, with the real launcher and a real Maven (not part of mvn test):
#   1. ./socklab checkout echocaps DIR, then mvn -q test in DIR: the score table says echocaps 0/10;
#   2. the same from `socklab site export` served over HTTP on loopback;
#   3. an edited stub survives a second checkout.
# Usage: cli/src/test/e2e/checkout.sh [extra mvn arguments, e.g. -o once ~/.m2 has JUnit & co.]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/socklab-checkout-e2e.XXXXXX")"
export SOCKLAB_HOME="$work/home"
mkdir -p "$SOCKLAB_HOME"
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
java="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then java="$JAVA_HOME/bin/java"; fi

score_of() { # DIR: runs mvn -q test there and prints the echocaps line of the score table
  local log="$work/mvn-$(basename "$1").log" start=$SECONDS
  (cd "$1" && mvn -q "${@:2}" test) >"$log" 2>&1 || true
  echo "  mvn -q test in $(basename "$1"): $((SECONDS - start)) s" >&2
  grep -E '^1\. echocaps +[0-9]+/10$' "$log" || { echo "no echocaps line in the score table:" >&2; tail -30 "$log" >&2; exit 1; }
}

start=$SECONDS
"$root/socklab" checkout echocaps "$work/builtin"
echo "  checkout (builtin): $((SECONDS - start)) s" >&2
[[ "$(score_of "$work/builtin" "$@")" =~ 0/10$ ]] || { echo "FAIL: builtin checkout does not score 0/10" >&2; exit 1; }
echo "ok 1: builtin checkout scores echocaps 0/10"

"$root/socklab" site export "$work/site" >/dev/null
fifo="$work/url"; mkfifo "$fifo"
"$java" "$root/cli/src/test/e2e/ServeFolder.java" "$work/site" >"$fifo" &
server=$!
read -r url <"$fifo"
echo "course = $url" >"$SOCKLAB_HOME/sites"
"$root/socklab" checkout echocaps@course "$work/http"
[[ "$(score_of "$work/http" "$@")" =~ 0/10$ ]] || { echo "FAIL: checkout over HTTP does not score 0/10" >&2; exit 1; }
echo "ok 2: checkout from an exported site over HTTP ($url) scores echocaps 0/10"

stub="src/main/java/lab/echocaps/EchoCapsServer.java"
echo "// my work" >>"$work/http/$stub"
cp "$work/http/$stub" "$work/edited"
"$root/socklab" checkout echocaps "$work/http" | grep -F "$stub: kept"
cmp -s "$work/edited" "$work/http/$stub" || { echo "FAIL: the edited stub was overwritten" >&2; exit 1; }
echo "ok 3: an edited stub survives a re-checkout"
