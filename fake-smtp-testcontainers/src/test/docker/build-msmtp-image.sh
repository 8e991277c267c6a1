#!/usr/bin/env bash
# Builds the image the Docker tests of fake-smtp-testcontainers run: FROM scratch, holding this
# machine's msmtp, sh and sleep with the shared libraries ldd lists for them, and a world-writable
# /tmp. Nothing is pulled from a registry, so it builds where none is reachable (CI runs it).
#   usage: build-msmtp-image.sh [image]     (default: fake-smtp/msmtp:local, the tests' image)
set -euo pipefail

IMAGE="${1:-fake-smtp/msmtp:local}"

for tool in docker ldd msmtp; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-msmtp-image.sh: '$tool' is missing (on Debian: apt-get install docker.io msmtp)" >&2
    exit 1
  fi
done

context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
root="$context/rootfs"

copy() { # copies the file at $1 (following links) to $2 inside the image, or to the same path
  local target="$root${2:-$1}"
  mkdir -p "$(dirname "$target")"
  cp -L "$1" "$target"
}

libraries() { # the absolute paths of the shared libraries and the loader that ldd lists for $1
  ldd "$1" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'
}

for binary in "$(command -v msmtp):/usr/bin/msmtp" "$(readlink -f /bin/sh):/bin/sh" "$(command -v sleep):/bin/sleep"; do
  source_path="${binary%%:*}"
  copy "$source_path" "${binary#*:}"
  for library in $(libraries "$source_path"); do
    copy "$library"
  done
done
mkdir -p "$root/tmp" "$root/etc"
chmod 1777 "$root/tmp"
# Names such as host.testcontainers.internal come from the /etc/hosts that Docker writes.
echo "hosts: files dns" > "$root/etc/nsswitch.conf"

cat > "$context/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/bin:/bin
CMD ["/bin/sleep", "infinity"]
DOCKERFILE

# The log is shown only on failure: docker's CLI warns about its legacy builder on every build.
if ! docker build --tag "$IMAGE" "$context" >"$context/build.log" 2>&1; then
  cat "$context/build.log" >&2
  exit 1
fi
echo "Built $IMAGE ($(msmtp --version | head -n1), $(find "$root" -type f | wc -l) files)"
