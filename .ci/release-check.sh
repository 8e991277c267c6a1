#!/usr/bin/env bash
# The release rehearsal (issue 16; README "Releasing"): builds with -Prelease and a throwaway GPG
# key, then checks that the Maven Central bundle holds, for every published module, the jar,
# sources, javadoc and POM (a POM alone for the BOM), each with its .asc signature (verified
# with the throwaway public key) and its .md5/.sha1/.sha256/.sha512 checksums (recomputed),
# and that the POMs carry what Central requires. Nothing is uploaded.
#
# Central takes no bundle of a -SNAPSHOT (the publishing plugin stages snapshots instead), so the
# rehearsal builds a copy of the working tree with the version the release will have, X.Y.Z for
# X.Y.Z-SNAPSHOT, exactly as releasing does (README "Releasing"); the working tree is not touched.
#
# Usage: .ci/release-check.sh [extra Maven arguments]   (run from anywhere; CI passes -DskipTests,
# as its main job ran the tests already)
set -euo pipefail
cd "$(dirname "$0")/.."

PUBLISHED_JARS=(fake-smtp-core fake-smtp-junit5 fake-smtp-spring fake-smtp-testcontainers)
PUBLISHED_POMS=(fake-smtp-bom)

if ! command -v gpg >/dev/null 2>&1; then
  echo "Installing Debian's gnupg"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnupg >/dev/null
fi

WORK="$(mktemp -d /tmp/fake-smtp-release.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export GNUPGHOME="$WORK/gnupg"
mkdir -m 700 "$GNUPGHOME"
PASSPHRASE="throwaway-$RANDOM-$RANDOM"
# Loopback pinentry: gpg takes the passphrase from the command line, no agent dialogue.
gpg --batch --quiet --pinentry-mode loopback --passphrase "$PASSPHRASE" \
  --quick-generate-key "fake-smtp CI throwaway key <release-check@fake-smtp.invalid>" rsa3072 sign 1d
export MAVEN_GPG_KEY MAVEN_GPG_PASSPHRASE="$PASSPHRASE"
MAVEN_GPG_KEY="$(gpg --batch --pinentry-mode loopback --passphrase "$PASSPHRASE" --armor --export-secret-keys)"

SNAPSHOT="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n1)"
VERSION="${SNAPSHOT%-SNAPSHOT}"
mkdir "$WORK/src"
tar --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -xf - -C "$WORK/src"
find "$WORK/src" -name pom.xml -exec sed -i "s|<version>$SNAPSHOT</version>|<version>$VERSION</version>|" {} +

echo "== ./mvnw -B -Prelease verify $* as $VERSION (throwaway key $(gpg --list-keys --with-colons | awk -F: '/^fpr/ {print $10; exit}'))"
# The published modules and what they need: the bundle holds exactly these.
(cd "$WORK/src" && ./mvnw -B -Prelease verify \
  -pl "$(IFS=,; echo "${PUBLISHED_POMS[*]},${PUBLISHED_JARS[*]}")" -am "$@")

BUNDLE="$WORK/src/target/central-publishing/central-bundle.zip"
if [ ! -s "$BUNDLE" ]; then
  echo "ERROR: -Prelease verify built no $BUNDLE" >&2
  exit 1
fi
echo "== Checking the bundle ($(du -h "$BUNDLE" | cut -f1))"
unzip -q "$BUNDLE" -d "$WORK/bundle"
problems=0
problem() { echo "  MISSING OR WRONG: $*"; problems=$((problems + 1)); }

check_file() { # the file, its signature and its checksums
  local file="$1" sum
  [ -s "$file" ] || { problem "$file"; return; }
  gpg --batch --quiet --verify "$file.asc" "$file" 2>/dev/null || problem "$file.asc (no good signature)"
  for sum in md5 sha1 sha256 sha512; do
    [ "$(cat "$file.$sum" 2>/dev/null)" = "$("${sum}sum" "$file" | cut -d' ' -f1)" ] || problem "$file.$sum"
  done
}

check_pom() { # Central's required elements, and no parent (consumers need none)
  local pom="$1" element
  for element in name description url licenses developers scm; do
    grep -Eq "<$element[ >]" "$pom" || problem "$pom has no <$element>"
  done
  if grep -q "<parent>" "$pom"; then problem "$pom still names a parent"; fi
}

for artifact in "${PUBLISHED_JARS[@]}" "${PUBLISHED_POMS[@]}"; do
  dir="$WORK/bundle/dev/fakesmtp/$artifact/$VERSION"
  check_file "$dir/$artifact-$VERSION.pom"
  check_pom "$dir/$artifact-$VERSION.pom"
done
for artifact in "${PUBLISHED_JARS[@]}"; do
  dir="$WORK/bundle/dev/fakesmtp/$artifact/$VERSION"
  for classifier in "" -sources -javadoc; do
    jar="$dir/$artifact-$VERSION$classifier.jar"
    check_file "$jar"
    entries="$(unzip -Z1 "$jar" 2>/dev/null || true)"
    grep -qx 'META-INF/LICENSE' <<<"$entries" || problem "$jar has no META-INF/LICENSE"
  done
done
for artifact in $(ls "$WORK/bundle/dev/fakesmtp"); do
  case " ${PUBLISHED_JARS[*]} ${PUBLISHED_POMS[*]} " in
    *" $artifact "*) ;;
    *) problem "the bundle holds $artifact, which is not published" ;;
  esac
done

files="$(find "$WORK/bundle" -type f | wc -l)"
if (( problems > 0 )); then
  echo "ERROR: the Central bundle has $problems problem(s)" >&2
  exit 1
fi
echo "Central bundle OK: $files files; ${#PUBLISHED_JARS[@]} jar modules with sources, javadoc, POM, and the BOM; every file signed (verified) and checksummed"
