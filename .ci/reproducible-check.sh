#!/usr/bin/env bash
# Reproducible builds (issue 16): two clean builds of the published modules must give
# byte-identical jars (main, sources, javadoc) and POMs. project.build.outputTimestamp fixes the
# archive timestamps; javadoc runs with notimestamp.
#
# Usage: .ci/reproducible-check.sh            two clean builds, then compare
#        .ci/reproducible-check.sh --reuse    take the artifacts of the clean build that just ran
#                                             (CI: right after its first ./mvnw -B verify), build once more
#        ... --install-to DIR                 the last build also installs the modules into the
#                                             private local repository DIR (CI hands it to
#                                             consumer-check.sh, which then needs no build of its own)
set -euo pipefail
cd "$(dirname "$0")/.."

MODULES=fake-smtp-bom,fake-smtp-core,fake-smtp-junit5,fake-smtp-spring,fake-smtp-testcontainers
WORK="$(mktemp -d /tmp/fake-smtp-reproducible.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

REUSE=""
INSTALL_TO=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --reuse) REUSE=1 ;;
    --install-to) INSTALL_TO="$2"; shift ;;
    *) echo "usage: $0 [--reuse] [--install-to DIR]" >&2; exit 2 ;;
  esac
  shift
done

build() { # clean package, or with $1 = install: clean install into $INSTALL_TO
  local goal=package
  local repo=()
  if [ "${1:-}" = install ] && [ -n "$INSTALL_TO" ]; then
    goal=install
    # What is installed lands in $INSTALL_TO alone; the rest is read from ~/.m2 (Maven 3.9's tail).
    repo=("-Dmaven.repo.local=$INSTALL_TO" "-Dmaven.repo.local.tail=$HOME/.m2/repository")
  fi
  ./mvnw -B clean "$goal" -DskipTests -pl "$MODULES" -am "${repo[@]}" >"$WORK/build.log" 2>&1 || {
    tail -n 40 "$WORK/build.log"
    echo "ERROR: the build for the reproducibility check failed" >&2
    exit 1
  }
}
fingerprint() { # sha256 of every published artifact
  sha256sum fake-smtp-*/target/*.jar fake-smtp-*/target/flattened-pom.xml | sort -k2
}

if [ -z "$REUSE" ]; then
  echo "== Reproducibility: first clean build of $MODULES"
  build
fi
fingerprint >"$WORK/first"
echo "== Reproducibility: clean build of $MODULES again${INSTALL_TO:+, installed into $INSTALL_TO}"
build install
fingerprint >"$WORK/second"
if ! diff "$WORK/first" "$WORK/second"; then
  echo "ERROR: two clean builds gave different artifacts (lines above: < first, > second)" >&2
  exit 1
fi
echo "Reproducible: $(wc -l <"$WORK/first") artifacts byte-identical in two clean builds"
