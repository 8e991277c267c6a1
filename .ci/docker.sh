# Sourced by .ci/run: a Docker engine for fake-smtp-testcontainers' tests (README "Testcontainers").
# Debian's docker.io and msmtp are installed when missing; dockerd runs without a bridge network
# (the tests' containers use host networking, so all traffic stays on loopback) and leaves
# iptables alone, with its data under /tmp; the msmtp image is built from this machine's files,
# as no registry is reachable. When a step fails, docker_start says so and returns non-zero: the
# Docker tests then skip with their reason, and CI goes on.

FAKESMTP_DOCKERD_PID=""
FAKESMTP_DOCKERD_DIR=""

docker_start() { # installs, starts dockerd (unless an engine runs) and builds the msmtp image
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v msmtp >/dev/null 2>&1; then
    echo "Installing Debian's docker.io and msmtp"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io msmtp >/dev/null; }; then
      echo "Could not install docker.io and msmtp"
      return 1
    fi
  fi
  if docker info >/dev/null 2>&1; then
    echo "Using the Docker engine that already runs"
  else
    FAKESMTP_DOCKERD_DIR="$(mktemp -d /tmp/fake-smtp-dockerd.XXXXXX)"
    dockerd --bridge=none --ip=127.0.0.1 --iptables=false --shutdown-timeout=2 \
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
  fake-smtp-testcontainers/src/test/docker/build-msmtp-image.sh
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
}
