#!/usr/bin/env bash
# The student's path, as a student takes it on Linux, macOS or Windows (Git Bash): `socklab checkout
# EXERCISE` into a folder whose path has spaces and accents, then the checkout's own wrapper
# (`mvnw.cmd test` on Windows, `./mvnw test` elsewhere) on the untouched stub, on the reference
# solution, and on one buggy fixture, each saved with CRLF line endings as a Windows editor does.
# Each run must score what the fixtures' pins say: the stub nothing, the reference full marks, the
# buggy fixture exactly its pinned lost tests.
#
# Needs the command's jar: ./mvnw -B -ntp -pl cli -am package -DskipTests
# Usage: cli/src/test/e2e/student-path.sh [EXERCISE...]     (default: all six)
# Written for bash 3.2 (macOS) and up: no associative arrays.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
jar="$root/cli/target/socklab.jar"
[[ -f "$jar" ]] || { echo "student-path: $jar is missing; build it with ./mvnw -pl cli -am package -DskipTests" >&2; exit 2; }
java="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then java="$JAVA_HOME/bin/java"; fi
scratch="$(mktemp -d "${TMPDIR:-/tmp}/socklab-student-path.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
base="$scratch/lab 1/João Silva"
export SOCKLAB_HOME="$scratch/home"
mkdir -p "$base" "$SOCKLAB_HOME"

# exercise, buggy fixture, its pinned lost tests (from fixtures/src/test/java)
bug_of() {
  case "$1" in
    echocaps) echo "echocaps/bug-keeps-carriage-return dropsTheCarriageReturnOfCrlf" ;;
    http) echo "http/bug-query-in-path ignoresTheQueryString" ;;
    bounded) echo "bounded/bug-off-by-one makesTheExtraClientWait" ;;
    temperature) echo "temperature/bug-byte-as-char keepsUtf8CityNames" ;;
    queue) echo "queue/bug-no-empty-case answersEmptyBeforeAnyReading" ;;
    chat) echo "chat/bug-sender-excluded broadcastsEveryLineToEveryoneSenderIncluded" ;;
    *) echo "student-path: unknown exercise $1" >&2; exit 2 ;;
  esac
}

wrapper_test() { # DIR: the checkout's own wrapper, as the exercise README says for this OS
  case "$(uname -s)" in
    MINGW*|MSYS*|CYGWIN*) (cd "$1" && cmd //c "mvnw.cmd -B -ntp -q test") ;;
    *) (cd "$1" && ./mvnw -B -ntp -q test) ;;
  esac
}

score_of() { # DIR: runs the wrapper there, prints "points max lost..."
  local log="$scratch/run.log" start=$SECONDS
  rm -f "$1/target/socklab/score.json"
  wrapper_test "$1" >"$log" 2>&1 || true   # failing graded tests fail the build, as they should
  echo "    ($((SECONDS - start)) s)" >&2
  [[ -f "$1/target/socklab/score.json" ]] || { echo "no score.json; the run said:" >&2; tail -40 "$log" >&2; exit 1; }
  "$java" "$root/cli/src/test/e2e/ScoreOf.java" "$1/target/socklab/score.json"
}

put() { # FIXTURE EXERCISE DIR: the fixture's sources of that exercise, with CRLF line endings
  local from="$root/fixtures/$1/src/main/java/lab/$2"
  rm -rf "$3/src/main/java/lab/$2"
  mkdir -p "$3/src/main/java/lab/$2"
  for file in "$from"/*.java; do
    sed 's/$/\r/' "$file" >"$3/src/main/java/lab/$2/$(basename "$file")"
  done
}

expect() { # WHAT GOT WANT
  if [[ "$2" == "$3" ]]; then echo "ok: $1: $2"; else echo "FAIL: $1: got '$2', want '$3'" >&2; failed=1; fi
}

failed=0
exercises=("$@")
[[ ${#exercises[@]} -gt 0 ]] || exercises=(echocaps http bounded temperature queue chat)
for exercise in "${exercises[@]}"; do
  set -- $(bug_of "$exercise")
  bug="$1"; shift; lost="$*"
  dir="$base/$exercise"
  "$java" -jar "$jar" checkout "$exercise" "$dir" >/dev/null
  echo "$exercise: checked out into a folder with spaces and accents" >&2

  got="$(score_of "$dir")"; max="$(echo "$got" | cut -d' ' -f2)"
  expect "$exercise stub" "$(echo "$got" | cut -d' ' -f1-2)" "0 $max"

  put reference "$exercise" "$dir"
  expect "$exercise reference (CRLF)" "$(score_of "$dir")" "$max $max"

  put "$bug" "$exercise" "$dir"
  got="$(score_of "$dir")"
  expect "$exercise $bug (CRLF)" "$(echo "$got" | cut -d' ' -f3-)" "$lost"
done
exit "$failed"
