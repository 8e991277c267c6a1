#!/usr/bin/env bash
# A new user's first five minutes (issue 16): install the modules as README "Installation" says,
# into a PRIVATE local repository (never ~/.m2), then build projects set up as the README says
# against them (samples/consumers, not part of the reactor):
#   junit5       the quick start and the JUnit 5 examples, on the class path, on JUnit 5.10.0
#                (the oldest JUnit we support) and 6.1
#   module-path  a JPMS module that requires dev.fakesmtp.junit5, its tests run on the module path
#   spring-boot  the Spring example, and no class twice on the class path, on Spring Boot 3.5.0
#                (the oldest we support) and 4.0
#
# Usage: .ci/consumer-check.sh   (CI runs it after the main job; FAKESMTP_CONSUMER_REPO=dir keeps
# the private repository in dir instead of a temporary one)
set -euo pipefail
cd "$(dirname "$0")/.."

REPO="${FAKESMTP_CONSUMER_REPO:-}"
if [ -n "$REPO" ]; then
  SKIP_INSTALL="${FAKESMTP_CONSUMER_SKIP_INSTALL:-}"
else
  REPO="$(mktemp -d /tmp/fake-smtp-consumer-m2.XXXXXX)"
  trap 'rm -rf "$REPO"' EXIT
fi
# What we install lands in $REPO alone; everything else is read from ~/.m2 as a read-only tail
# (Maven 3.9's maven.repo.local.tail), or downloaded into $REPO, as for a new user.
M2=("-Dmaven.repo.local=$REPO" "-Dmaven.repo.local.tail=$HOME/.m2/repository")

if [ -z "${SKIP_INSTALL:-}" ]; then
  echo "== Install bom, core, junit5 and spring into a private local repository (README Installation)"
  ./mvnw -B install -DskipTests -pl fake-smtp-bom,fake-smtp-core,fake-smtp-junit5,fake-smtp-spring -am "${M2[@]}"
fi

consumer() { # name, extra Maven arguments
  local name="$1"
  shift
  echo "== Consumer samples/consumers/$name $*"
  ./mvnw -B -f "samples/consumers/$name/pom.xml" clean verify "${M2[@]}" "$@"
}
consumer junit5 -Djunit.version=5.10.0
consumer junit5 -Djunit.version=6.1.3
consumer module-path
consumer spring-boot -Dspring-boot.version=3.5.0
consumer spring-boot -Dspring-boot.version=4.0.7
echo "Consumers OK: README setup on the class path (JUnit 5.10.0 and 6.1.3), on the module path, with Spring Boot 3.5.0 and 4.0.7"
