#!/usr/bin/env bash
# The end of the main job: what each sample did, from Surefire's reports and the quick start's
# own output (the build log given as $1), in a few lines, so a reader sees at once that the
# samples ran against a real server and what they captured, or why a sample was skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG="${1:-}"

echo "== Samples summary"
for sample in samples/*/; do
  name="$(basename "$sample")"
  reports=("$sample"target/surefire-reports/TEST-*.xml)
  [ "$name" = consumers ] && continue
  if [ -e "${reports[0]}" ]; then
    # <testsuite ... tests="N" errors="N" skipped="N" failures="N">, one file per test class
    read -r tests failed skipped < <(awk '
      /<testsuite / {
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^tests=/) { gsub(/[^0-9]/, "", $i); t += $i }
          if ($i ~ /^(errors|failures)=/) { gsub(/[^0-9]/, "", $i); f += $i }
          if ($i ~ /^skipped=/) { gsub(/[^0-9]/, "", $i); s += $i }
        }
      }
      END { print t + 0, f + 0, s + 0 }' "${reports[@]}")
    line="$((tests - failed - skipped)) of $tests tests passed"
    (( failed > 0 )) && line="$line, $failed FAILED"
    if (( skipped > 0 )); then
      # The reason: a message attribute, or (JUnit's aborted runs) the exception's first line.
      reason="$({ grep -hoE '<skipped message="[^"]*"|<skipped[^>]*><!\[CDATA\[[A-Za-z0-9_.$]+: [^<]+' "${reports[@]}" \
                    || true; } | sed -E 's/^<skipped message="//; s/"$//; s/^<skipped[^>]*><!\[CDATA\[[A-Za-z0-9_.$]+: //' \
                  | head -n1)"
      line="$line, $skipped skipped (${reason:-no reason given})"
    fi
  else
    line="no tests"
  fi
  if [ -n "$LOG" ] && [ -f "$LOG" ] && [ "$name" = quickstart ]; then
    captured="$(grep -m1 -E '^(OK|FAILED): ' "$LOG" || true)"
    envelope="$(grep -m1 '^Envelope: ' "$LOG" | sed 's/^Envelope: *//; s/ (session.*//' || true)"
    line="main(): ${captured:-did not run}${envelope:+ $envelope}"
  fi
  printf '  %-20s %s\n' "$name" "$line"
done
