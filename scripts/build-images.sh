#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [options]
   ie: $self                                  # both app images, tag \$TAG (default 1.0)
       $self --tag 2.0 --only frontend --env 'MONSTERSTACK_TITLE=MonsterStack v2'
       DOCKER_REGISTRY=registry.example.com:5000 DOCKER_USER=me $self --push

Builds the frontend and image backend images, named like the stack file expects:
\$DOCKER_REGISTRY/\$DOCKER_USER/monsterstack-<service>:<tag>. Jib (./mvnw package) puts the
jars on \$JIB_BASE_IMAGE (default docker://$BASE_JRE_IMAGE, built offline from Debian packages
by build-base-images.sh when missing, together with the Redis and edge proxy images). Then each
image is trained: it runs once, with a Redis (and, for the frontend, the image backend just
built) on a scratch network, answers thousands of its own hot requests, and its JVM
writes an AOT cache (JDK 25: classes loaded and linked, method profiles) as it exits. The
cache, zstd-compressed, becomes the image's last layer; each container unpacks it at start
(~0.1 s of CPU) and its JVM starts from it. The build fails unless the image's own JVM accepts
the cache. MONSTERSTACK_VERSION=<tag> is baked into each image.

options:
  --tag TAG          image tag (default \$TAG = $TAG)
  --only SERVICE     frontend or imagebackend (default both)
  --env KEY=VALUE    bake an environment variable into the image (repeatable)
  --push             push the images to \$DOCKER_REGISTRY, the offline base images too (JRE,
                     Redis, edge: \$DOCKER_REGISTRY/<base>) for nodes without Docker Hub
  --no-aot           skip the training and the AOT cache (faster build, slower start)
  --no-bases         never build the offline base images
Needs Docker and zstd (installed when missing, as root).
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

tag="$TAG"
modules=(imagebackend frontend)
envs=()
push=
aot=1
bases=1
option() {
    case "$1" in
        --tag) tag="${2-}"; return 2 ;;
        --only)
            [[ "${2-}" =~ ^(frontend|imagebackend)$ ]] || die "--only takes frontend or imagebackend"
            modules=("$2")
            return 2
            ;;
        --env) envs+=("${2-}"); return 2 ;;
        --push) push=1 ;;
        --no-aot) aot= ;;
        --no-bases) bases= ;;
        *) return 1 ;;
    esac
}
parse_options "$@"
ensure_packages docker:docker.io zstd:zstd

# A base from a registry (JIB_BASE_IMAGE set) needs nothing built here.
if [ -z "${JIB_BASE_IMAGE:-}" ]; then
    export JIB_BASE_IMAGE="docker://$BASE_JRE_IMAGE"
    if [ -n "$bases" ]; then
        "$repo_dir/scripts/build-base-images.sh"
    fi
fi

args=(
    -B -q package -DskipTests
    -pl "$(IFS=,; echo "${modules[*]}")" -am  # with the modules they use (httpguard, warmup and its test-jar)
    -Dquarkus.container-image.build=true
    -Dquarkus.container-image.registry="$DOCKER_REGISTRY"
    -Dquarkus.container-image.group="$DOCKER_USER"
    -Dquarkus.container-image.tag="$tag"
    -Dquarkus.jib.environment-variables.MONSTERSTACK_VERSION="$tag"
)
for env in "${envs[@]}"; do
    args+=(-Dquarkus.jib.environment-variables."${env%%=*}"="${env#*=}")
done

step "Jib build of ${modules[*]} (tag $tag)"
(cd "$repo_dir" && ./mvnw "${args[@]}")

# --- AOT training ------------------------------------------------------------------------------
work="$(mktemp -d)"
trap 'remove_scratch_network; rm -rf "$work"' EXIT

# entrypoint <image>: the image's entrypoint, one word per line (java, options, -jar, the jar).
entrypoint() { docker image inspect --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$1"; }

# trainee <name> <image> <port> [docker run options...]: starts the image for training and waits
# until it is healthy, that is until its warm-up requests are answered. Its JVM runs with the
# image's own options, and more metaspace: writing the cache needs room beyond the 48-80 MB the
# services run with (the cache written is accepted with the smaller limit).
trainee() {
    local name="$1" image="$2" port="$3" command ip env envs=()
    shift 3
    for env in "${training_env[@]}"; do envs+=(-e "$env"); done
    mapfile -t command < <(entrypoint "$image")
    docker run -d --name "$name" --network "$scratch_network" --network-alias "${name##*-}" \
        --label "$scratch_label" "${envs[@]}" "$@" \
        --entrypoint "${command[0]}" "$image" "${command[@]:1:${#command[@]}-3}" \
        "${aot_options[@]}" -XX:MaxMetaspaceSize=128m -XX:AOTCacheOutput=/tmp/app.aot \
        "${command[@]: -2}" > /dev/null
    ip="$(scratch_ip "$name")"
    wait_until 180 "$name to answer its warm-up" \
        curl -sf -o /dev/null --max-time 2 "http://$ip:$port/healthz" \
        || { docker logs --tail 20 "$name" >&2; return 1; }
}

# finish_training <name> <image>: stops the trainee (its JVM writes the cache as it exits), then
# makes <image> again with the compressed cache and an entrypoint that unpacks it before java
# starts. Without the file the JVM would start all the same, only slower: the unpacking is
# never a reason for a task not to start.
finish_training() {
    local name="$1" image="$2" command container
    docker stop -t 60 "$name" > /dev/null
    docker logs "$name" > "$work/training.log" 2>&1
    grep -q 'AOTCache creation is complete' "$work/training.log" \
        || { tail -n 20 "$work/training.log" >&2; die "$name wrote no AOT cache"; }
    docker cp "$name:/tmp/app.aot" "$work/app.aot"
    zstd -q -9 -T0 -f "$work/app.aot" -o "$work/app.aot.zst"
    info "AOT cache: $(numfmt --to=si "$(stat -c %s "$work/app.aot")")B, compressed $(numfmt --to=si "$(stat -c %s "$work/app.aot.zst")")B"
    mapfile -t command < <(entrypoint "$image")
    container="$(docker create --label "$scratch_label" "$image")"
    docker cp "$work/app.aot.zst" "$container:$(docker image inspect --format '{{.Config.WorkingDir}}' "$image")/app.aot.zst"
    docker commit --change "ENTRYPOINT $(python3 -c 'import json, sys; print(json.dumps(sys.argv[1:]))' \
        /bin/sh -c 'zstd -qdf app.aot.zst -o /tmp/app.aot; exec "$0" "$@"' \
        "${command[0]}" -XX:AOTCache=/tmp/app.aot "${aot_options[@]}" "${command[@]:1}")" "$container" "$image" > /dev/null
    docker rm "$container" > /dev/null
    rm -f "$work/app.aot" "$work/app.aot.zst"
    # The image's own JVM, with the image's own options, must take the cache: AOTMode=on turns a
    # refused cache into an error, and the JVM checks it against the classpath and exits.
    docker run --rm -e JAVA_TOOL_OPTIONS='-XX:AOTMode=on -XX:+PrintSharedArchiveAndExit' "$image" > "$work/check.log" 2>&1 \
        || { tail -n 20 "$work/check.log" >&2; die "$image: its JVM refuses its AOT cache"; }
    info "$image: its own JVM accepts the AOT cache"
}

if [ -n "$aot" ]; then
    start_scratch_network
    backend="$(app_image imagebackend "$tag")"
    if [[ " ${modules[*]} " == *" imagebackend "* ]]; then
        step "AOT training of $backend"
        trainee "train-$$-imagebackend" "$backend" 8080
        finish_training "train-$$-imagebackend" "$backend"
    fi
    if [[ " ${modules[*]} " == *" frontend "* ]]; then
        frontend="$(app_image frontend "$tag")"
        # The frontend's hot paths need a backend: the one of this tag, else the stack's default.
        docker image inspect "$backend" > /dev/null 2>&1 || backend="$(app_image imagebackend)"
        docker run -d --network "$scratch_network" --network-alias imagebackend --label "$scratch_label" \
            -e WARM_UP_REQUESTS=0 "$backend" > /dev/null
        step "AOT training of $frontend (Redis and $backend beside it)"
        trainee "train-$$-frontend" "$frontend" 5000
        finish_training "train-$$-frontend" "$frontend"
    fi
fi

for module in "${modules[@]}"; do
    image="$(app_image "$module" "$tag")"
    info "$image: $(docker image inspect --format '{{.Size}}' "$image" | numfmt --to=si --format=%.1f)B"
done

# push_bases: the offline bases under the registry's name, pushed, then the extra names dropped.
push_bases() {
    local base target
    step "pushing the offline base images to $DOCKER_REGISTRY"
    for base in "${stack_base_images[@]}"; do
        target="$DOCKER_REGISTRY/$base"
        docker tag "$base" "$target"
        docker push --quiet "$target" > /dev/null
        docker image rm "$target" > /dev/null
        info "pushed $target"
    done
}
if [ -n "$push" ]; then
    [ "$JIB_BASE_IMAGE" != "docker://$BASE_JRE_IMAGE" ] || push_bases
    step "pushing the app images to $DOCKER_REGISTRY"
    for module in "${modules[@]}"; do
        image="$(app_image "$module" "$tag")"
        docker push --quiet "$image" > /dev/null
        info "pushed $image"
    done
fi
