# Sourced by the build-*-image.sh scripts: helpers that fill a root file system for an image
# FROM scratch with this machine's binaries and the shared libraries ldd lists for them, and
# build the image, so nothing is pulled from a registry.
# The caller sets ROOTFS (the root file system being filled) and CONTEXT (the build context).

# Copies the file at $1 (following links) to $2 inside the image, or to the same path.
rootfs_copy() {
  local target="$ROOTFS${2:-$1}"
  mkdir -p "$(dirname "$target")"
  cp -L "$1" "$target"
}

# The absolute paths of the shared libraries and the loader that ldd lists for $1 (it finds
# unpacked ones through LD_LIBRARY_PATH); fails, naming them, when some are not found.
rootfs_libraries() {
  local listing
  listing="$(ldd "$1")"
  if grep -q 'not found' <<<"$listing"; then
    echo "$(basename "$0"): $1 needs libraries this machine does not have:" >&2
    grep 'not found' <<<"$listing" >&2
    return 1
  fi
  awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' <<<"$listing"
}

# Copies the binary at $1 to $2 inside the image (or the same path) with its libraries. A file
# under $3 (a directory where .deb packages were unpacked) goes to its path below $3.
rootfs_binary() {
  local source_path="$1" target="${2:-$1}" unpacked="${3:-}" libraries library
  libraries="$(rootfs_libraries "$source_path")" || return 1
  rootfs_copy "$source_path" "$target"
  for library in $libraries; do
    if [ -n "$unpacked" ] && [[ "$library" == "$unpacked"/* ]]; then
      rootfs_copy "$library" "${library#"$unpacked"}"
    else
      rootfs_copy "$library"
    fi
  done
}

# Builds the image $1 from ROOTFS and the Dockerfile lines on standard input (after FROM
# scratch and COPY rootfs/ /). The log is shown only on failure: docker's CLI warns about its
# legacy builder on every build.
rootfs_build() {
  { echo "FROM scratch"; echo "COPY rootfs/ /"; cat; } > "$CONTEXT/Dockerfile"
  if ! docker build --tag "$1" "$CONTEXT" >"$CONTEXT/build.log" 2>&1; then
    cat "$CONTEXT/build.log" >&2
    return 1
  fi
}
