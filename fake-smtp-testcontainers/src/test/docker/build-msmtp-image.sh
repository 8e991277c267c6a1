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

source "$(dirname "$0")/scratch-rootfs.sh"
CONTEXT="$(mktemp -d)"
trap 'rm -rf "$CONTEXT"' EXIT
ROOTFS="$CONTEXT/rootfs"

rootfs_binary "$(command -v msmtp)" /usr/bin/msmtp
rootfs_binary "$(readlink -f /bin/sh)" /bin/sh
rootfs_binary "$(command -v sleep)" /bin/sleep
mkdir -p "$ROOTFS/tmp" "$ROOTFS/etc"
chmod 1777 "$ROOTFS/tmp"
# Names such as host.testcontainers.internal come from the /etc/hosts that Docker writes.
echo "hosts: files dns" > "$ROOTFS/etc/nsswitch.conf"

rootfs_build "$IMAGE" <<'DOCKERFILE'
ENV PATH=/usr/bin:/bin
CMD ["/bin/sleep", "infinity"]
DOCKERFILE
echo "Built $IMAGE ($(msmtp --version | head -n1), $(find "$ROOTFS" -type f | wc -l) files)"
