# Offline stand-in for redis:7.0.15-alpine (scripts/offline-bases.sh): Debian's redis-server of
# the same version, with busybox, laid out like the public image where the stacks rely on it
# (redis-server and redis-cli on the PATH, user redis, /data).
FROM debian:12.11-slim AS files
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        busybox redis-server > /dev/null
COPY closure.sh rootfs.sh /usr/local/bin/
RUN closure.sh /rootfs /bin/busybox /usr/bin/redis-server /usr/bin/redis-cli \
    && rootfs.sh /rootfs redis 999 $(busybox --list) \
    && mkdir -p /rootfs/data && chown 999:999 /rootfs/data

FROM scratch
COPY --from=files /rootfs /
ENV PATH=/usr/bin:/bin
USER redis
WORKDIR /data
VOLUME /data
EXPOSE 6379
CMD ["redis-server"]
