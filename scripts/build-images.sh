#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [options]
   ie: $self                                  # every image, the app's tagged \$TAG (default 1.0)
       $self --tag 2.0 --only frontend --env 'MONSTERSTACK_TITLE=MonsterStack v2'
       DOCKER_REGISTRY=registry.example.com:5050 DOCKER_USER=me $self --push

Builds MonsterStack's images, named like the stack files expect
(\$DOCKER_REGISTRY/\$DOCKER_USER/monsterstack-<name>:<tag>):
  frontend, imagebackend  Jib (./mvnw package) puts each service on $jre_image (images/jre:
                          a trimmed JRE 25 with busybox, curl and zstd, built here first), then
                          each is trained: it runs once with a Redis (the frontend with the
                          image backend too) on a scratch network, answers thousands of its own
                          hot requests, and its JVM writes an AOT cache (classes loaded and
                          linked, method profiles) as it exits. The cache, zstd-compressed,
                          becomes the image's last layer, unpacked by each container at start
                          (~0.1 s of CPU). The build fails unless the image's own JVM accepts
                          it. That image is kept as <name>:build-<digest of its sources>
                          (untrained: <name>:build-<digest>-untrained), and the tagged one is
                          it with MONSTERSTACK_VERSION=<tag> and the --env values set: another
                          tag of the same sources takes seconds.
  haproxy ($haproxy_tag), prometheus ($prometheus_tag)
                          images/haproxy (the edge proxy, the read-only Docker API) and
                          images/prometheus, on the public HAProxy and Prometheus images
The public images they start from are pulled by Docker (scripts/offline-bases.sh makes them
where Docker Hub cannot be reached).

options:
  --tag TAG          the app images' tag (default the stack's: \$TAG = $TAG for the frontend,
                     \$IMAGEBACKEND_TAG = $IMAGEBACKEND_TAG for the image backend)
  --only SERVICE     frontend or imagebackend: that app image only
  --env KEY=VALUE    bake an environment variable into the app images (repeatable)
  --push             push the images built to \$DOCKER_REGISTRY under \$DOCKER_USER, and nothing
                     else (docker login first)
  --no-aot           no training (faster build, slower start): an image of the same sources
                     already trained is used as it is, else one without an AOT cache
Needs Docker and a JDK 17 or newer for Maven (java on the PATH, or JAVA_HOME).
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

tag=
modules=(imagebackend frontend)
others=(haproxy prometheus)
envs=()
push=
aot=1
option() {
    case "$1" in
        --tag) tag="${2-}"; return 2 ;;
        --only)
            [[ "${2-}" =~ ^(frontend|imagebackend)$ ]] || die "--only takes frontend or imagebackend"
            modules=("$2")
            others=()
            return 2
            ;;
        --env)
            [[ "${2-}" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || die "--env takes KEY=VALUE"
            envs+=("$2")
            return 2
            ;;
        --push) push=1 ;;
        --no-aot) aot= ;;
        *) return 1 ;;
    esac
}
parse_options "$@"
command -v docker > /dev/null || die "no docker command: install Docker first"

work="$(mktemp -d)"
mkdir "$work/jib"
echo jib > "$work/.dockerignore"  # $work is the training's build context too
trap 'remove_scratch_network; rm -rf "$work"' EXIT
built=()

step "base image $jre_image (images/jre)"
build_image -f "$repo_dir/images/jre/Dockerfile" -t "$jre_image" "$repo_dir/images"
info "$jre_image: $(image_size "$jre_image")"

# The services' application.properties name their images from these variables.
for module in "${modules[@]}"; do
    case "$module" in
        frontend) TAG="${tag:-$TAG}" ;;
        imagebackend) IMAGEBACKEND_TAG="${tag:-$IMAGEBACKEND_TAG}" ;;
    esac
done

# source_digest <module>: what the module's image is made of: its sources and the shared module's,
# the build files (how it is trained too), the JDK that compiles them, the base image.
source_digest() {
    {
        (cd "$repo_dir" && find pom.xml mvnw .mvn service-support/pom.xml service-support/src/main "$1/pom.xml" \
            "$1/src/main" scripts/build-images.sh scripts/lib/common.sh -type f -print0 | sort -z | xargs -0 sha256sum)
        "${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1
        docker image inspect --format '{{.Id}}' "$jre_image"
    } | sha256sum | cut -c1-16
}

# Each service's image is built once per source digest, as <name>:build-<digest>-untrained, and
# trained into <name>:build-<digest>, tagged only once its JVM has taken its cache. An image of the
# same sources under another tag or --env (an update to a new title) is that one with its own
# environment on top, made in seconds; --no-aot takes the trained one when there is one.
exists() { docker image inspect "$1" > /dev/null 2>&1; }
declare -A build=() untrained=() jib=() train=() port=([frontend]=5000 [imagebackend]=8080)
for module in "${modules[@]}"; do
    build[$module]="$(app_image "$module" "build-$(source_digest "$module")")"
    untrained[$module]="${build[$module]}-untrained"
    if exists "${build[$module]}"; then
        info "$module: sources unchanged since ${build[$module]}"
        continue
    fi
    if [ -n "$aot" ]; then train[$module]=1; else build[$module]="${untrained[$module]}"; fi
    exists "${untrained[$module]}" || jib[$module]="${untrained[$module]##*:}"
done
if [ "${#jib[@]}" -gt 0 ]; then
    step "Jib build of ${!jib[*]}"
    # Jib keeps a layer cache in the temporary folder, which other users of the machine may own.
    (cd "$repo_dir" && TAG="${jib[frontend]-}" IMAGEBACKEND_TAG="${jib[imagebackend]-}" \
        MAVEN_OPTS="${MAVEN_OPTS:-} -Djava.io.tmpdir=$work/jib" ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${!jib[*]}")" -am \
            -Dquarkus.container-image.build=true -Dquarkus.jib.base-jvm-image="docker://$jre_image")
fi

# --- AOT training ------------------------------------------------------------------------------
# entrypoint <image>: the image's entrypoint, one word per line (java, options, -jar, the jar).
entrypoint() { docker image inspect --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$1"; }

# json_array <word...>: the words as a JSON array, for a Dockerfile's exec form.
json_array() {
    local word out=
    for word; do
        word="${word//\\/\\\\}"
        out+="${out:+, }\"${word//\"/\\\"}\""
    done
    printf '[%s]' "$out"
}

# trainee <name> <image> <port> [docker run options...]: starts the image for training and waits
# until it is healthy, that is until its warm-up requests are answered. Its JVM runs with the
# image's own options, and the training's (common.sh).
trainee() {
    local name="$1" image="$2" port="$3" command env envs=()
    shift 3
    for env in "${training_env[@]}"; do envs+=(-e "$env"); done
    mapfile -t command < <(entrypoint "$image")
    docker run -d --name "$name" --network "$scratch_network" --network-alias "${name##*-}" \
        --label "$scratch_label" "${envs[@]}" "$@" \
        --entrypoint "${command[0]}" "$image" "${command[@]:1:${#command[@]}-3}" \
        "${aot_options[@]}" "${training_options[@]}" -XX:AOTCacheOutput=/tmp/app.aot \
        "${command[@]: -2}" > /dev/null
    wait_until 180 "$name to answer its warm-up" healthy "$name" "$port" \
        || { docker logs --tail 20 "$name" >&2; return 1; }
}

healthy() { docker exec "$1" wget -q --spider "http://127.0.0.1:$2/healthz" 2> /dev/null; }

# finish_training <name> <image> <trained>: stops the trainee (its JVM writes the cache as it
# exits), then builds <trained>: <image> with the compressed cache and an entrypoint that unpacks
# it before java starts. Without the file the JVM would start all the same, only slower: the
# unpacking is never a reason for a task not to start.
finish_training() {
    local name="$1" image="$2" trained="$3" command home
    docker stop -t 60 "$name" > /dev/null
    docker logs "$name" > "$work/training.log" 2>&1
    grep -q 'AOTCache creation is complete' "$work/training.log" \
        || { tail -n 20 "$work/training.log" >&2; die "$name wrote no AOT cache"; }
    docker cp "$name:/tmp/app.aot" "$work/app.aot"
    info "AOT cache: $(megabytes "$(wc -c < "$work/app.aot")")"
    mapfile -t command < <(entrypoint "$image")
    home="$(docker image inspect --format '{{.Config.WorkingDir}}' "$image")"
    # The image's own zstd compresses the cache in a stage of its own: only the .zst is kept.
    cat > "$work/Dockerfile" <<DOCKERFILE
FROM $image AS packed
COPY app.aot /tmp/app.aot
RUN zstd -q -9 -T0 /tmp/app.aot -o /tmp/app.aot.zst

FROM $image
COPY --from=packed /tmp/app.aot.zst $home/app.aot.zst
ENTRYPOINT $(json_array /bin/sh -c 'zstd -qdf app.aot.zst -o /tmp/app.aot; exec "$0" "$@"' \
    "${command[0]}" -XX:AOTCache=/tmp/app.aot "${aot_options[@]}" "${command[@]:1}")
DOCKERFILE
    build_image -t "$trained.check" "$work"
    rm -f "$work/app.aot"
    # The image's own JVM, with the image's own options, must take the cache: AOTMode=on turns a
    # refused cache into an error, and the JVM checks it against the classpath and exits.
    docker run --rm -e JAVA_TOOL_OPTIONS='-XX:AOTMode=on -XX:+PrintSharedArchiveAndExit' "$trained.check" > "$work/check.log" 2>&1 \
        || { tail -n 20 "$work/check.log" >&2; docker image rm "$trained.check" > /dev/null; die "$trained: its JVM refuses its AOT cache"; }
    docker tag "$trained.check" "$trained"
    docker image rm "$trained.check" > /dev/null
    info "$trained: its own JVM accepts the AOT cache"
}

# with_environment <module>: the image of this build's tag, its build's with MONSTERSTACK_VERSION
# and the --env values set (as build arguments: a value is taken as it is, spaces and quotes too).
with_environment() {
    local image env n=0 args=() dockerfile
    image="$(app_image "$1")"
    dockerfile="FROM ${build[$1]}"
    # An argument named as a variable the image has would lose to it: each value is value_<n>.
    for env in "MONSTERSTACK_VERSION=${image##*:}" "${envs[@]}"; do
        dockerfile+="$(printf '\nARG value_%d\nENV %s=${value_%d}' "$n" "${env%%=*}" "$n")"
        args+=(--build-arg "value_$n=${env#*=}")
        n=$((n + 1))
    done
    build_image "${args[@]}" -t "$image" - <<< "$dockerfile"  # no context: nothing to copy
    built+=("$image")
}

[ "${#train[@]}" -eq 0 ] || start_scratch_network
for module in "${modules[@]}"; do
    if [ -n "${train[$module]-}" ]; then
        step "AOT training of ${untrained[$module]}"
        if [ "$module" = frontend ]; then
            # The frontend's hot paths need a backend: the stack's (IMAGEBACKEND_TAG).
            backend="$(app_image imagebackend)"
            docker run -d --network "$scratch_network" --network-alias imagebackend --label "$scratch_label" \
                -e WARM_UP_REQUESTS=0 "$backend" > /dev/null
            info "Redis and $backend beside it"
        fi
        trainee "train-$$-$module" "${untrained[$module]}" "${port[$module]}"
        finish_training "train-$$-$module" "${untrained[$module]}" "${build[$module]}"
    fi
    with_environment "$module"
done

for other in "${others[@]}"; do
    image="$(app_image "$other")"
    step "$image (images/$other)"
    build_image -t "$image" "$repo_dir/images/$other"
    built+=("$image")
done

step "built"
for image in "${built[@]}"; do info "$image: $(image_size "$image")"; done

if [ -n "$push" ]; then
    step "pushing to $DOCKER_REGISTRY"
    for image in "${built[@]}"; do
        docker push --quiet "$image" > /dev/null
        info "pushed $image"
    done
fi
