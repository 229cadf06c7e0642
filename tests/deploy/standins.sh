#!/usr/bin/env bash
# Local stand-ins for the base images the Dockerfile and compose.yaml name, for machines that cannot pull
# from an image registry (CI reaches only the npm registry and Debian's archive):
#   node:20-bookworm-slim  Debian bookworm (debootstrap, minbase) + this machine's Node.js 20 and npm, with a
#                          `node` user (uid 1000) as in the official image, and this machine's CA bundle under
#                          the path NODE_EXTRA_CA_CERTS names (the npm registry may be reached through a TLS
#                          proxy whose CA is only in that bundle).
#   redis:7-bookworm       the same Debian base + Debian's redis-server (7.0), working directory /data.
# An image that already exists under either name (a real one, or a stand-in from an earlier run) is kept.
# Needs root, podman, debootstrap; CONTAINERS_CONF as the caller sets it.
set -euo pipefail

NODE_IMAGE=docker.io/library/node:20-bookworm-slim
REDIS_IMAGE=docker.io/library/redis:7-bookworm
BASE_IMAGE=localhost/whodoes-standin-base:bookworm
CACHE=${WHODOES_STANDIN_CACHE:-/var/cache/whodoes-standins}
# The Debian mirror this machine's apt uses (deb822 or one-line sources), else Debian's own.
MIRROR=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
  grep -oE 'https?://[^ ]+/debian/?( |$)' | head -1 | tr -d ' ' || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
CA_BUNDLE=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}

mkdir -p "$CACHE"
# One builder at a time: two test runs on one machine share the images.
exec 9>"$CACHE/lock"
flock 9

if podman image exists "$NODE_IMAGE" && podman image exists "$REDIS_IMAGE"; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! podman image exists "$BASE_IMAGE"; then
  if [ ! -s "$CACHE/bookworm-minbase.tar" ]; then
    echo "standins: debootstrap bookworm (minbase) from $MIRROR" >&2
    debootstrap --variant=minbase bookworm "$work/rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1 ||
      { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    tar -C "$work/rootfs" -cf "$CACHE/bookworm-minbase.tar.part" .
    mv "$CACHE/bookworm-minbase.tar.part" "$CACHE/bookworm-minbase.tar"
    rm -rf "$work/rootfs"
  fi
  podman import --quiet "$CACHE/bookworm-minbase.tar" "$BASE_IMAGE" >/dev/null
fi

if ! podman image exists "$NODE_IMAGE"; then
  echo "standins: building $NODE_IMAGE from $BASE_IMAGE and this machine's $(node --version)" >&2
  mkdir -p "$work/node/usr/bin" "$work/node/usr/lib/node_modules" "$work/node/etc/ssl/certs"
  cp "$(readlink -f "$(command -v node)")" "$work/node/usr/bin/node"
  cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")" "$work/node/usr/lib/node_modules/npm"
  mkdir -p "$work/node$(dirname "$CA_BUNDLE")"
  cp "$CA_BUNDLE" "$work/node$CA_BUNDLE"
  cat >"$work/node/Containerfile" <<CONTAINERFILE
FROM $BASE_IMAGE
COPY usr /usr
COPY etc /etc
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/bin/npx \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
ENV NODE_EXTRA_CA_CERTS=$CA_BUNDLE
CMD ["node"]
CONTAINERFILE
  podman build --quiet --network host --format docker -t "$NODE_IMAGE" "$work/node" >/dev/null
fi

if ! podman image exists "$REDIS_IMAGE"; then
  echo "standins: building $REDIS_IMAGE from $BASE_IMAGE and Debian's redis-server" >&2
  mkdir -p "$work/redis"
  cat >"$work/redis/Containerfile" <<CONTAINERFILE
FROM $BASE_IMAGE
RUN echo "deb $MIRROR bookworm main" >/etc/apt/sources.list \
 && apt-get update -qq && apt-get install -y -qq --no-install-recommends redis-server >/dev/null \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /data && chown redis:redis /data
WORKDIR /data
EXPOSE 6379
CMD ["redis-server", "--protected-mode", "no"]
CONTAINERFILE
  podman build --quiet --network host --format docker -t "$REDIS_IMAGE" "$work/redis" >/dev/null
fi
