#!/bin/sh
# Prometheus of the MonsterStack stack: writes the stack's name into the configuration (the
# stack file hands it over as STACK_NAME, read by Swarm from the service's own stack label),
# then runs Prometheus on the image's files; further flags come from the stack's command.
set -eu
case "${STACK_NAME:=monsterstack}" in
    *[!A-Za-z0-9_.-]* | "") echo "entrypoint: error: STACK_NAME '$STACK_NAME' is not a stack name" >&2; exit 1 ;;
esac
sed "s/@STACK_NAME@/$STACK_NAME/g" /etc/prometheus/prometheus.yml > /tmp/prometheus.yml
exec /bin/prometheus \
    --config.file=/tmp/prometheus.yml \
    --storage.tsdb.path=/prometheus \
    --web.console.templates=/etc/prometheus/consoles \
    --web.console.libraries=/etc/prometheus/console_libraries \
    --web.user-assets=/etc/prometheus/assets \
    --web.page-title="MonsterStack Prometheus" \
    "$@"
