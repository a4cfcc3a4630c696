#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--mirror]
   ie: $self            # the public base images, made here from Debian packages
       $self --mirror   # and served as Docker Hub would serve them, from a local registry

Only where Docker Hub cannot be reached (this project's CI): makes, under their public names,
the images that the MonsterStack Dockerfiles and stack files start from, so that every step
after this one is the same as with internet:
$(for image in "${!recipes[@]}"; do printf '  %-30s %s\n' "$image" "${recipes[$image]}"; done | sort)
Each is Debian's package of the same version (the JDK: \$JAVA_HOME, default the Temurin 25 of
this kind of machine, which must be that version), laid out like the public image where our
files rely on it (images/offline/). Idempotent: an image already here is kept.
  --mirror   also runs a registry ($mirror_name, 127.0.0.1:$MIRROR_PORT) holding them under
             their Docker Hub names, makes it this engine's registry mirror (daemon.json, then
             dockerd reloads it), and removes the local copies: every build and node then pulls
             them as it would from Docker Hub. The multi-node drill's nodes use the same mirror.
Needs root, mmdebstrap (installed when missing) and Docker.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
# Every public image our files name, and how the offline step makes it.
declare -A recipes=(
    [debian:12.11-slim]="Debian 12 minbase (mmdebstrap), the other stand-ins' build stage"
    [eclipse-temurin:25.0.3_9-jdk]="\$JAVA_HOME on the Debian stand-in"
    [redis:7.0.15-alpine]="redis-server and busybox"
    [haproxy:2.6.12-alpine]="haproxy and busybox"
    [prom/prometheus:v2.42.0]="prometheus and busybox"
    [registry:2.8.2]="docker-registry"
)
debian_image=debian:12.11-slim
# The Debian stand-in takes this machine's release and apt sources.
: "${APT_SOURCES:=$( [ -f /etc/apt/sources.list.d/debian.sources ] && echo /etc/apt/sources.list.d/debian.sources || echo /etc/apt/sources.list)}"
debian_suite="$(. /etc/os-release && echo "$VERSION_CODENAME")"

mirror=
option() { case "$1" in --mirror) mirror=1 ;; *) return 1 ;; esac; }
parse_options "$@"
[ "$(id -u)" -eq 0 ] || die "run as root (mmdebstrap)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Our files may name no public image this step cannot make.
named="$( (grep -h '^FROM ' "$repo_dir"/images/*/Dockerfile | awk '$2 != "scratch" { print $2 }'
           sed -n 's/^ *image: \([a-z][^$ ]*\)$/\1/p' "$repo_dir"/stack/*.yml) | sort -u)"
for image in $named; do
    [ -n "${recipes[$image]-}" ] || die "$image is named in images/ or stack/ but has no offline recipe here"
done

# make_debian: Debian's minbase with this machine's apt sources, as the public slim image.
make_debian() {
    ensure_packages mmdebstrap:mmdebstrap
    mmdebstrap --quiet --mode=root --variant=minbase \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
        --dpkgopt='path-exclude=/usr/share/locale/*' \
        --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
        "$debian_suite" - "$APT_SOURCES" \
        | docker import --change 'CMD ["bash"]' - "$debian_image" > /dev/null
}

make_temurin() {
    local version tag
    version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\([0-9.]*\)+\([0-9]*\).*/\1_\2/p' "$JAVA_HOME/release")"
    tag="eclipse-temurin:${version}-jdk"
    [ "$tag" = "$1" ] || die "JAVA_HOME=$JAVA_HOME holds $tag, the Dockerfiles need $1"
    # Links followed: Debian's JDK packages point cacerts at the system's store.
    cp -rL "$JAVA_HOME" "$work/jdk"
    build_image -f "$repo_dir/images/offline/temurin.Dockerfile" -t "$1" "$work/jdk"
    rm -rf "$work/jdk"
}

# make_package_image <image>: images/offline/<name>.Dockerfile, built in images/.
make_package_image() {
    local name="${1%%:*}"
    name="${name##*/}"
    build_image -f "$repo_dir/images/offline/$name.Dockerfile" -t "$1" "$repo_dir/images"
}

# The Debian stand-in first: the others build from it.
for image in "$debian_image" $(printf '%s\n' "${!recipes[@]}" | grep -vx "$debian_image" | sort); do
    step "$image"
    # Here already, or served by the mirror of an earlier run.
    if docker image inspect "$image" > /dev/null 2>&1 || docker pull -q "$image" > /dev/null 2>&1; then
        info "already here"
        continue
    fi
    case "$image" in
        "$debian_image") make_debian ;;
        eclipse-temurin:*) make_temurin "$image" ;;
        *) make_package_image "$image" ;;
    esac
    info "made: $(image_size "$image")"
done

[ -n "$mirror" ] || exit 0

# --- the Docker Hub stand-in ---------------------------------------------------------------------
step "registry mirror $mirror_name on 127.0.0.1:$MIRROR_PORT"
if [ -z "$(docker ps -q --filter "name=^$mirror_name\$")" ]; then
    docker rm -f "$mirror_name" > /dev/null 2>&1 || :  # a stopped one from an earlier run
    docker run -d --name "$mirror_name" --restart always --publish "127.0.0.1:$MIRROR_PORT:5000" \
        --volume "$mirror_name:/var/lib/registry" registry:2.8.2 > /dev/null
fi
wait_until 30 "the mirror to answer" curl -sf -o /dev/null "$MIRROR_URL/v2/"
for image in "${!recipes[@]}"; do
    path="$image"
    [[ "$path" == */* ]] || path="library/$path"
    docker tag "$image" "127.0.0.1:$MIRROR_PORT/$path"
    docker push -q "127.0.0.1:$MIRROR_PORT/$path" > /dev/null
    docker image rm "127.0.0.1:$MIRROR_PORT/$path" > /dev/null
    info "served: $image"
done

# dockerd reads registry-mirrors again on SIGHUP.
daemon_json=/etc/docker/daemon.json
if ! grep -qF "$MIRROR_URL" "$daemon_json" 2> /dev/null; then
    [ ! -s "$daemon_json" ] || die "$daemon_json exists: add \"registry-mirrors\": [\"$MIRROR_URL\"] to it by hand, then kill -HUP dockerd"
    mkdir -p /etc/docker
    printf '{"registry-mirrors": ["%s"]}\n' "$MIRROR_URL" > "$daemon_json"
    kill -HUP "$(pidof dockerd)"
    wait_until 30 "dockerd to use the mirror" sh -c "docker info --format '{{.RegistryConfig.Mirrors}}' | grep -qF '$MIRROR_URL'"
fi
info "this engine pulls Docker Hub images from $MIRROR_URL"

# Every later pull goes through the mirror; the registry itself keeps its image.
for image in "${!recipes[@]}"; do
    # --force: a name only goes; a stopped container of an earlier build keeps its image.
    [ "$image" = registry:2.8.2 ] || docker image rm --force "$image" > /dev/null
done
info "local copies removed: builds and nodes pull them"
