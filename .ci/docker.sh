# Sourced by .ci/run: a Docker engine for fake-smtp-testcontainers' tests (README "Testcontainers").
# Debian's docker.io, msmtp, openssh-client and openssl are installed when missing. dockerd keeps
# its data under /tmp and leaves the host's firewall and forwarding alone (--iptables=false
# --ip-forward=false). Most test containers use host networking, so their traffic stays on
# loopback; the default bridge network carries only the exposed-host-port route (Testcontainers'
# sshd container and the containers that reach the test through it, which reach each other and
# the host only), and published ports listen on 127.0.0.1 alone. The msmtp and sshd images are
# built from this machine's files, as no registry is reachable. When a step fails, docker_start
# says so and returns non-zero; .ci/run then stops, unless FAKESMTP_DOCKER_TESTS=skip.

FAKESMTP_DOCKERD_PID=""
FAKESMTP_DOCKERD_DIR=""
FAKESMTP_DOCKER_BRIDGE_OURS=""

docker_start() { # installs, starts dockerd (unless an engine runs) and builds the msmtp and sshd images
  local tool missing=""
  for tool in dockerd msmtp ssh-keygen openssl; do
    command -v "$tool" >/dev/null 2>&1 || missing=yes
  done
  if [ -n "$missing" ]; then
    echo "Installing Debian's docker.io, msmtp, openssh-client and openssl"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io msmtp openssh-client openssl >/dev/null; }; then
      echo "Could not install docker.io, msmtp, openssh-client and openssl"
      return 1
    fi
  fi
  if docker info >/dev/null 2>&1; then
    echo "Using the Docker engine that already runs"
  else
    FAKESMTP_DOCKERD_DIR="$(mktemp -d /tmp/fake-smtp-dockerd.XXXXXX)"
    [ -e /sys/class/net/docker0 ] || FAKESMTP_DOCKER_BRIDGE_OURS=docker0  # dockerd leaves it behind
    dockerd --ip=127.0.0.1 --iptables=false --ip-forward=false --shutdown-timeout=2 \
      --data-root="$FAKESMTP_DOCKERD_DIR/data" --exec-root="$FAKESMTP_DOCKERD_DIR/exec" \
      --pidfile="$FAKESMTP_DOCKERD_DIR/dockerd.pid" >"$FAKESMTP_DOCKERD_DIR/dockerd.log" 2>&1 &
    FAKESMTP_DOCKERD_PID=$!
    local waited=0
    until docker info >/dev/null 2>&1; do  # at most 60 s
      if ! kill -0 "$FAKESMTP_DOCKERD_PID" 2>/dev/null || (( waited >= 120 )); then
        echo "dockerd did not start; the end of its log:"
        tail -n 5 "$FAKESMTP_DOCKERD_DIR/dockerd.log"
        return 1
      fi
      sleep 0.5
      waited=$((waited + 1))
    done
    echo "Started $(dockerd --version)"
  fi
  fake-smtp-testcontainers/src/test/docker/build-msmtp-image.sh &&
    fake-smtp-testcontainers/src/test/docker/build-sshd-image.sh
}

docker_stop() { # stops the dockerd that docker_start started, if any, and removes its data
  if [ -n "$FAKESMTP_DOCKERD_PID" ] && kill -0 "$FAKESMTP_DOCKERD_PID" 2>/dev/null; then
    kill "$FAKESMTP_DOCKERD_PID"
    local waited=0
    while kill -0 "$FAKESMTP_DOCKERD_PID" 2>/dev/null && (( waited < 60 )); do  # at most 30 s
      sleep 0.5
      waited=$((waited + 1))
    done
    kill -9 "$FAKESMTP_DOCKERD_PID" 2>/dev/null || true
    echo "== Stopped dockerd"
  fi
  if [ -n "$FAKESMTP_DOCKERD_DIR" ]; then
    # dockerd leaves its default network namespace mounted under its exec root.
    local mounted
    for mounted in "$FAKESMTP_DOCKERD_DIR"/exec/netns/*; do
      [ -e "$mounted" ] && umount "$mounted" 2>/dev/null || true
    done
    rm -rf "$FAKESMTP_DOCKERD_DIR" 2>/dev/null || true
  fi
  if [ -n "$FAKESMTP_DOCKER_BRIDGE_OURS" ] && [ -e "/sys/class/net/$FAKESMTP_DOCKER_BRIDGE_OURS" ]; then
    ip link delete "$FAKESMTP_DOCKER_BRIDGE_OURS" 2>/dev/null || true
  fi
}
