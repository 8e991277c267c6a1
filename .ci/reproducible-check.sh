#!/usr/bin/env bash
# Reproducible builds (issue 16): two clean builds of the published modules must give
# byte-identical jars (main, sources, javadoc) and POMs. project.build.outputTimestamp fixes the
# archive timestamps; javadoc runs with notimestamp.
#
# Usage: .ci/reproducible-check.sh            two clean builds, then compare
#        .ci/reproducible-check.sh --reuse    take the artifacts of the clean build that just ran
#                                             (CI: right after its first ./mvnw -B verify), build once more
set -euo pipefail
cd "$(dirname "$0")/.."

MODULES=fake-smtp-bom,fake-smtp-core,fake-smtp-junit5,fake-smtp-spring,fake-smtp-testcontainers
WORK="$(mktemp -d /tmp/fake-smtp-reproducible.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

build() {
  ./mvnw -B clean package -DskipTests -pl "$MODULES" -am >"$WORK/build.log" 2>&1 || {
    tail -n 40 "$WORK/build.log"
    echo "ERROR: the build for the reproducibility check failed" >&2
    exit 1
  }
}
fingerprint() { # sha256 of every published artifact
  sha256sum fake-smtp-*/target/*.jar fake-smtp-*/target/flattened-pom.xml | sort -k2
}

if [ "${1:-}" != "--reuse" ]; then
  echo "== Reproducibility: first clean build of $MODULES"
  build
fi
fingerprint >"$WORK/first"
echo "== Reproducibility: clean build of $MODULES again"
build
fingerprint >"$WORK/second"
if ! diff "$WORK/first" "$WORK/second"; then
  echo "ERROR: two clean builds gave different artifacts (lines above: < first, > second)" >&2
  exit 1
fi
echo "Reproducible: $(wc -l <"$WORK/first") artifacts byte-identical in two clean builds"
