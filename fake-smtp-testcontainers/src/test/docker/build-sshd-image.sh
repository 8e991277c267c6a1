#!/usr/bin/env bash
# Builds a local stand-in for the image Testcontainers starts for its host-port exposure
# (Testcontainers.exposeHostPorts, the route of every container not on the host network), under
# the exact name Testcontainers asks for, so it is never pulled: FROM scratch, with Debian's
# OpenSSH server, sh, grep, sleep and openssl and the shared libraries ldd lists for them.
# It behaves as testcontainers/sshd does (github.com/testcontainers/sshd-docker): it sets root's
# password to $PASSWORD (Testcontainers passes a random one), then runs sshd on port 22 with root
# login, TCP forwarding and GatewayPorts, so a forwarded port listens on the container's network
# address where other containers reach it. grep, sleep and sh are there for Testcontainers' wait
# strategy, which runs a shell loop inside the container until port 22 is listening.
#   usage: build-sshd-image.sh [image]   (default: testcontainers/sshd:1.3.0, which Testcontainers
#                                         1.21.4+ and 2.0 start, also tagged testcontainers/sshd:1.2.0,
#                                         which 1.21.0 to 1.21.3 start: the same contract, a PASSWORD
#                                         variable and sshd on port 22; DockerEngine.SSHD_IMAGES)
set -euo pipefail

IMAGE="${1:-testcontainers/sshd:1.3.0}"

for tool in docker ldd ssh-keygen openssl grep; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-sshd-image.sh: '$tool' is missing (on Debian: apt-get install docker.io openssh-client openssl)" >&2
    exit 1
  fi
done

source "$(dirname "$0")/scratch-rootfs.sh"
CONTEXT="$(mktemp -d)"
trap 'rm -rf "$CONTEXT"' EXIT
ROOTFS="$CONTEXT/rootfs"

missing_library_packages() { # the lib* packages $1 needs, directly or through them, that are not installed
  local queue=("$1") seen=" $1 " package dependency
  while (( ${#queue[@]} )); do
    package="${queue[0]}"
    queue=("${queue[@]:1}")
    for dependency in $(apt-cache depends "$package" | awk '$1 == "Depends:" && $2 ~ /^lib/ { print $2 }'); do
      [[ "$seen" == *" $dependency "* ]] && continue
      seen+="$dependency "
      if ! dpkg-query -W -f='${Status}' "$dependency" 2>/dev/null | grep -q 'ok installed'; then
        echo "$dependency"
        queue+=("$dependency")
      fi
    done
  done
}

# The server: this machine's if it has one; otherwise Debian's openssh-server package and the
# library packages it needs that are missing, downloaded and unpacked here, never installed
# (installing the package would start an sshd on this machine).
UNPACKED=""
if [ -x /usr/sbin/sshd ]; then
  SSH_ROOT=""
else
  for tool in apt-get apt-cache dpkg-deb dpkg-query; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "build-sshd-image.sh: no /usr/sbin/sshd, and '$tool' to fetch Debian's openssh-server is missing" >&2
      exit 1
    fi
  done
  UNPACKED="$CONTEXT/unpacked"
  mkdir -p "$UNPACKED" "$CONTEXT/debs"
  download() { # shellcheck disable=SC2046 # one package name per word
    (cd "$CONTEXT/debs" && apt-get download -qq -o APT::Sandbox::User=root \
      openssh-server $(missing_library_packages openssh-server))
  }
  if ! download 2>/dev/null; then
    apt-get update -qq  # a machine whose package lists were cleaned knows no package yet
    download
  fi
  for deb in "$CONTEXT"/debs/*.deb; do
    dpkg-deb -x "$deb" "$UNPACKED"
  done
  LD_LIBRARY_PATH="$(find "$UNPACKED" -name '*.so*' -printf '%h\n' | sort -u | paste -sd:)"
  export LD_LIBRARY_PATH
  SSH_ROOT="$UNPACKED"
fi

rootfs_binary "$SSH_ROOT/usr/sbin/sshd" /usr/sbin/sshd "$UNPACKED"
for helper in sshd-session sshd-auth; do  # OpenSSH 9.8 and 10.0 split these out of sshd
  if [ -x "$SSH_ROOT/usr/lib/openssh/$helper" ]; then
    rootfs_binary "$SSH_ROOT/usr/lib/openssh/$helper" "/usr/lib/openssh/$helper" "$UNPACKED"
  fi
done
rootfs_binary "$(readlink -f /bin/sh)" /bin/sh
rootfs_binary "$(command -v grep)" /bin/grep
rootfs_binary "$(command -v sleep)" /bin/sleep
rootfs_binary "$(command -v openssl)" /usr/bin/openssl

mkdir -p "$ROOTFS/etc/ssh" "$ROOTFS/run/sshd" "$ROOTFS/root" "$ROOTFS/tmp"
chmod 755 "$ROOTFS/run/sshd"
chmod 700 "$ROOTFS/root"
chmod 1777 "$ROOTFS/tmp"
if [ -f "$SSH_ROOT/etc/ssh/moduli" ]; then
  rootfs_copy "$SSH_ROOT/etc/ssh/moduli" /etc/ssh/moduli
fi
ssh-keygen -A -f "$ROOTFS" >/dev/null  # RSA, ECDSA and Ed25519 host keys, as the original's ssh-keygen -A
# sshd's privilege separation runs as the user sshd, in /run/sshd.
cat > "$ROOTFS/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
sshd:x:100:65534::/run/sshd:/usr/sbin/nologin
PASSWD
printf 'root:x:0:\nnogroup:x:65534:\n' > "$ROOTFS/etc/group"
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n' > "$ROOTFS/etc/nsswitch.conf"
# The options of the original's command line; Testcontainers' SSH client (Trilead) needs the
# older key exchange and host key algorithms. No PAM: passwords are checked against /etc/shadow.
cat > "$ROOTFS/etc/ssh/sshd_config" <<'CONFIG'
Port 22
AddressFamily inet
HostKey /etc/ssh/ssh_host_rsa_key
HostKey /etc/ssh/ssh_host_ecdsa_key
HostKey /etc/ssh/ssh_host_ed25519_key
UsePAM no
PermitRootLogin yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
AllowTcpForwarding yes
AllowAgentForwarding yes
GatewayPorts yes
X11Forwarding no
KexAlgorithms +diffie-hellman-group1-sha1
HostKeyAlgorithms +ssh-rsa
CONFIG
cat > "$ROOTFS/etc/ssh/start.sh" <<'START'
# Sets root's password to $PASSWORD, then runs sshd in the foreground, logging to stderr.
set -e
umask 077
hash="$(printf '%s' "${PASSWORD:?}" | openssl passwd -6 -stdin)"
printf 'root:%s:::::::\n' "$hash" > /etc/shadow
exec /usr/sbin/sshd -D -e
START

rootfs_build "$IMAGE" <<'DOCKERFILE'
LABEL org.opencontainers.image.description="fake-smtp's local stand-in for testcontainers/sshd (build-sshd-image.sh)"
ENV PATH=/usr/sbin:/usr/bin:/bin PASSWORD=root
EXPOSE 22
CMD ["/bin/sh", "/etc/ssh/start.sh"]
DOCKERFILE
BUILT="$IMAGE"
if [ "$#" -eq 0 ]; then
  docker tag "$IMAGE" testcontainers/sshd:1.2.0
  BUILT="$IMAGE and testcontainers/sshd:1.2.0"
fi
echo "Built $BUILT ($("$SSH_ROOT/usr/sbin/sshd" -V 2>&1 | head -n1), $(find "$ROOTFS" -type f | wc -l) files)"
