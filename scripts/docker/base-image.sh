#!/usr/bin/env bash
# Provides the base image the Dockerfile names when no registry can be reached: a Debian
# bookworm root (debootstrap) with this machine's Node.js 20 and npm laid out as the official
# node:20-bookworm-slim image lays them out (/usr/local, user "node" with uid 1000). It is
# committed to buildah's local storage, so later runs find it there and build nothing.
set -euo pipefail

image="${BASE_IMAGE:-docker.io/library/node:20-bookworm-slim}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if buildah inspect --type image "$image" >/dev/null 2>&1; then
  echo "base image $image: present"
  exit 0
fi

node_bin="$(node -p process.execPath)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  echo "base image: this machine runs Node.js $node_major; the image needs Node.js 20" >&2
  exit 1
fi
node_prefix="$(dirname "$(dirname "$node_bin")")"
npm_dir="$(npm root -g)/npm"

work="$(mktemp -d)"
container=""
cleanup() {
  if [ -n "$container" ]; then buildah rm "$container" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "base image $image: debootstrap bookworm from $mirror"
root="$work/rootfs"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -20 "$work/debootstrap.log" >&2
  exit 1
}

mkdir -p "$root/usr/local/bin" "$root/usr/local/lib/node_modules" "$root/usr/local/include" "$root/usr/local/etc"
cp "$node_bin" "$root/usr/local/bin/node"
cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
cp -a "$node_prefix/include/node" "$root/usr/local/include/node"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
# The same trust store as this machine (its egress may present its own CA), and native
# addons built against the bundled headers instead of headers fetched from the internet.
mkdir -p "$root/etc/ssl/certs"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
printf 'cafile=/etc/ssl/certs/ca-certificates.crt\nnodedir=/usr/local\nfund=false\naudit=false\nupdate-notifier=false\n' >"$root/usr/local/etc/npmrc"
chroot "$root" groupadd --gid 1000 node
chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb

container="$(buildah from scratch)"
mount="$(buildah mount "$container")"
cp -a "$root/." "$mount/"
buildah umount "$container" >/dev/null
buildah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$(node -p process.versions.node)" \
  --cmd node "$container"
buildah commit --quiet --format docker --rm "$container" "$image" >/dev/null
container=""
echo "base image $image: built"
