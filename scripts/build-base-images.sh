#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--force] [jre] [redis] [edge] [prometheus] [registry]
   ie: $self            # build the four base images that are missing
       $self --force jre  # rebuild the JRE base even if it exists
       DOCKER_HOST=unix:///run/mscluster/manager-1/docker.sock $self registry

Builds MonsterStack's base images offline, from the Debian packages of this machine's
apt sources (no image registry needed):
  jre    $BASE_JRE_IMAGE     jlink-trimmed JRE 25 + busybox sh/wget + zstd, user "app" (uid 1001)
  redis  $OFFLINE_REDIS_IMAGE   Debian's redis-server, user "redis"; drop-in for redis:7-alpine
  edge   $EDGE_IMAGE   Debian's HAProxy with images/haproxy/: haproxy.cfg (no-IPVS edge
         proxy) and docker-api.cfg (read-only Docker API for Prometheus)
  prometheus  $PROMETHEUS_IMAGE   Debian's Prometheus with images/prometheus/ (configuration,
              rules, MonsterStack console), user "prometheus" (uid 1003)
  registry  $REGISTRY_IMAGE   Debian's docker-registry with images/registry/config.yml
            (only when asked: scripts/cluster.sh runs it on its manager)
Each image holds only the files it needs and the shared libraries they load (resolved with
the Debian dynamic loader), so nothing else of Debian ends up inside.
Needs: root, mmdebstrap, strip (binutils), a JDK 25 whose runtime jlink can link from
(\$JAVA_HOME, default the Temurin 25 JDK of this kind of machine).
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
# What Quarkus, Netty and Vert.x use (jdeps of both services); the services draw and encode
# PNGs themselves, so java.desktop (and the native libraries it would need) stays out.
: "${JRE_MODULES:=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec,jdk.naming.dns,jdk.unsupported,jdk.zipfs}"

force=
targets=()
option() {
    case "$1" in
        --force) force=1 ;;
        jre | redis | edge | prometheus | registry) targets+=("$1") ;;
        *) return 1 ;;
    esac
}
parse_options "$@"
[ "${#targets[@]}" -gt 0 ] || targets=(jre redis edge prometheus)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# stage <dir> <package...>: unpacks the packages and their dependencies, without installing them.
stage() {
    local dir="$1"
    shift
    local IFS=,
    mmdebstrap --quiet --mode=root --variant=extract --include="$*" "$debian_suite" "$dir" "$APT_SOURCES"
}

# copy_closure <staging> <rootfs> <path...>: copies each file (symlinks followed) and every
# shared library it loads, as resolved by the staging tree's own dynamic loader
# (plus $private_libs, the directories of libraries a program opens itself, like the JRE's).
private_libs=/nonexistent
copy_closure() {
    local staging="$1" rootfs="$2" path lib
    shift 2
    mkdir -p "$rootfs"
    for path; do
        (cd "$staging" && cp -L --parents "./$path" "$rootfs")
        if [ -f "$staging/$path" ] && head -c 4 "$staging/$path" | grep -q ELF; then
            chroot "$staging" /lib64/ld-linux-x86-64.so.2 --library-path "$private_libs" --list "/$path" \
                | grep -oE '(^\s*|=> )/[^ ]+' | sed -E 's/^(\s*|=> )//' \
                | grep -v "^/opt/" \
                | while read -r lib; do
                    [ -e "$rootfs/$lib" ] || (cd "$staging" && cp -L --parents ".$lib" "$rootfs")
                done
        fi
    done
}

# base_files <rootfs> <user> <uid> <applet...>: users, name service and busybox applets.
base_files() {
    local rootfs="$1" user="$2" uid="$3" applet
    shift 3
    mkdir -p "$rootfs"/{etc,tmp,bin,usr/bin}
    chmod 1777 "$rootfs/tmp"
    printf 'root:x:0:0:root:/root:/sbin/nologin\n%s:x:%s:%s:%s:/home/%s:/sbin/nologin\n' \
        "$user" "$uid" "$uid" "$user" "$user" > "$rootfs/etc/passwd"
    printf 'root:x:0:\n%s:x:%s:\n' "$user" "$uid" > "$rootfs/etc/group"
    printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
    mkdir -p "$rootfs/home/$user"
    chown "$uid:$uid" "$rootfs/home/$user"
    for applet; do
        ln -sf /bin/busybox "$rootfs/bin/$applet"
    done
}

# import <rootfs> <image> <docker-import --change...>
import() {
    local rootfs="$1" image="$2"
    shift 2
    local changes=() change
    for change; do changes+=(--change "$change"); done
    tar --numeric-owner -C "$rootfs" -c . | docker import "${changes[@]}" - "$image" > /dev/null
    info "$image: $(docker image inspect --format '{{.Size}}' "$image" | numfmt --to=si --format=%.1f)B"
}

build_jre() {
    local staging="$work/jre-staging" rootfs="$work/jre"
    mkdir -p "$rootfs/opt"
    stage "$staging" busybox libc6 libstdc++6 zlib1g zstd
    "$JAVA_HOME/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages \
        --no-header-files --compress=zip-6 --output "$staging/opt/java" > /dev/null
    # The app images start from their own AOT cache (build-images.sh), which holds the JDK's
    # classes too: the JDK's default CDS archives would never be read.
    rm -f "$staging/opt/java/lib/server/"classes*.jsa
    strip --strip-unneeded "$staging/opt/java/lib/server/libjvm.so"
    cp -a "$staging/opt/java" "$rootfs/opt/java"
    private_libs=/opt/java/lib:/opt/java/lib/server
    # zstd unpacks the app's AOT cache when a container starts (build-images.sh).
    # shellcheck disable=SC2046 # file names from find have no spaces
    copy_closure "$staging" "$rootfs" bin/busybox usr/bin/zstd \
        $(cd "$staging" && find opt/java -type f \( -name java -o -name '*.so' \))
    base_files "$rootfs" app 1001 sh wget
    import "$rootfs" "$BASE_JRE_IMAGE" \
        'ENV PATH=/opt/java/bin:/usr/bin:/bin' 'ENV JAVA_HOME=/opt/java' 'USER 1001' 'WORKDIR /home/app'
}

build_redis() {
    local staging="$work/redis-staging" rootfs="$work/redis"
    stage "$staging" busybox redis-server
    copy_closure "$staging" "$rootfs" bin/busybox usr/bin/redis-server usr/bin/redis-cli
    base_files "$rootfs" redis 999 sh cat grep
    mkdir -p "$rootfs/data"
    chown 999:999 "$rootfs/data"
    import "$rootfs" "$OFFLINE_REDIS_IMAGE" \
        'USER redis' 'WORKDIR /data' 'VOLUME /data' 'EXPOSE 6379' 'CMD ["redis-server"]'
}

# The edge and Prometheus images carry the files of images/haproxy/ and images/prometheus/:
# an image built from other versions of them is rebuilt.
config_label=io.monsterstack.config
config_dir() {
    case "$1" in
        "$EDGE_IMAGE") echo haproxy ;;
        "$PROMETHEUS_IMAGE") echo prometheus ;;
    esac
}
config_sum() { (cd "$repo_dir/images/$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c 1-16; }
built() {
    local dir
    docker image inspect "$1" > /dev/null 2>&1 || return 1
    dir="$(config_dir "$1")"
    [ -z "$dir" ] \
        || [ "$(docker image inspect --format "{{index .Config.Labels \"$config_label\"}}" "$1")" = "$(config_sum "$dir")" ]
}

build_edge() {
    local staging="$work/edge-staging" rootfs="$work/edge"
    stage "$staging" busybox haproxy
    copy_closure "$staging" "$rootfs" bin/busybox usr/sbin/haproxy
    base_files "$rootfs" haproxy 99 sh wget
    mkdir -p "$rootfs/usr/local/etc/haproxy"
    cp "$repo_dir"/images/haproxy/*.cfg "$rootfs/usr/local/etc/haproxy/"
    import "$rootfs" "$EDGE_IMAGE" "LABEL $config_label=$(config_sum haproxy)" \
        'ENV FRONTEND_ADDR=tasks.frontend:5000' 'USER haproxy' 'EXPOSE 5000' \
        'CMD ["/usr/sbin/haproxy", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]'
}

build_prometheus() {
    local staging="$work/prometheus-staging" rootfs="$work/prometheus" web=usr/share/prometheus/web
    local own="$repo_dir/images/prometheus" etc="$work/prometheus/etc/prometheus"
    stage "$staging" busybox prometheus
    copy_closure "$staging" "$rootfs" bin/busybox usr/bin/prometheus
    # Prometheus' classic web UI (alerts, targets, graph, under /classic/): its templates, its
    # own scripts and styles, and of the JavaScript libraries Debian links into it only the
    # files the templates load (moment-timezone alone would add 200 MB of data).
    # shellcheck disable=SC2046 # paths from the templates have no spaces
    copy_closure "$staging" "$rootfs" \
        $(cd "$staging" && find -L "$web/templates" "$web/static/"{css,img,js,vendor} -type f) \
        $(grep -ohE 'static/[^"?]+' "$staging/$web/templates/"*.html | sort -u | sed "s|^|$web/|")
    base_files "$rootfs" prometheus 1003 sh sed wget
    mkdir -p "$etc/rules" "$rootfs/prometheus"
    cp "$own/prometheus.yml" "$etc/"
    cp "$own"/rules/*.rules.yml "$etc/rules/"
    cp -r "$own/consoles" "$own/console_libraries" "$own/assets" "$etc/"
    install -D -m 755 "$own/entrypoint.sh" "$rootfs/usr/local/bin/prometheus-entrypoint"
    chown 1003:1003 "$rootfs/prometheus"
    import "$rootfs" "$PROMETHEUS_IMAGE" "LABEL $config_label=$(config_sum prometheus)" \
        'USER prometheus' 'WORKDIR /prometheus' 'VOLUME /prometheus' 'EXPOSE 9090' \
        'ENTRYPOINT ["/usr/local/bin/prometheus-entrypoint"]'
}

build_registry() {
    local staging="$work/registry-staging" rootfs="$work/registry"
    stage "$staging" docker-registry
    copy_closure "$staging" "$rootfs" usr/bin/docker-registry
    base_files "$rootfs" registry 1002
    mkdir -p "$rootfs/etc/docker/registry" "$rootfs/var/lib/docker-registry"
    cp "$repo_dir/images/registry/config.yml" "$rootfs/etc/docker/registry/config.yml"
    chown 1002:1002 "$rootfs/var/lib/docker-registry"
    import "$rootfs" "$REGISTRY_IMAGE" \
        'USER registry' 'VOLUME /var/lib/docker-registry' 'EXPOSE 5000' \
        'CMD ["/usr/bin/docker-registry", "serve", "/etc/docker/registry/config.yml"]'
}

for target in "${targets[@]}"; do
    image="${base_image[$target]}"
    step "base image $image"
    if [ -z "$force" ] && built "$image"; then
        info "already built (use --force to rebuild)"
        continue
    fi
    ensure_packages mmdebstrap:mmdebstrap strip:binutils
    [ -x "$JAVA_HOME/bin/jlink" ] || die "no jlink in JAVA_HOME=$JAVA_HOME (a JDK 25 is needed)"
    "build_$target"
done
