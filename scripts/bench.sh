#!/usr/bin/env bash
# Benchmarks the two services as processes (the jars the images run, with the images' JVM
# options) against nginx serving the same PNG as a static file, measured in the same run: the
# bench command of the drills module (io.monsterstack.drills.bench), which says what it measures
# (--help) and writes .build/bench/results.{md,json}.
set -Eeuo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/local-processes.sh
source "$here/lib/local-processes.sh"

case " $* " in *" -h "* | *" --help "*) exec "${drills_java[@]}" -jar "$(drills_jar)" bench --help ;; esac
case " $* " in *" --report-only "*) ;; *)
    ensure_packages wrk:wrk nginx:nginx-light redis-server:redis-server
    ensure_jars ;;
esac
# The images' AOT training (common.sh), which the bench does again with this machine's JDK 25.
AOT_TRAINING_ENV="${training_env[*]}" AOT_TRAINING_OPTIONS="${training_options[*]}" AOT_OPTIONS="${aot_options[*]}" \
    exec "${drills_java[@]}" -jar "$(drills_jar)" bench "$@"
