# Offline stand-in for redis:7.0.15-alpine (scripts/offline-bases.sh): Debian's redis-server of
# the same version, with busybox, laid out like the public image where the stacks rely on it
# (redis-server and redis-cli on the PATH, user redis, /data) and behaving like it: protected
# mode off by default, as the public image builds it (Docker's networks are the boundary), so
# that a Redis without a password answers other containers.
FROM debian:12.11-slim AS files
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        busybox redis-server > /dev/null
COPY closure.sh rootfs.sh /usr/local/bin/
RUN closure.sh /rootfs /bin/busybox /usr/bin/redis-server /usr/bin/redis-cli \
    && rootfs.sh /rootfs redis 999 $(busybox --list) \
    && mkdir -p /rootfs/data /rootfs/usr/local/bin && chown 999:999 /rootfs/data \
    && printf '#!/bin/sh\nexec /usr/bin/redis-server "$@" --protected-mode no\n' > /rootfs/usr/local/bin/redis-server \
    && chmod 755 /rootfs/usr/local/bin/redis-server

FROM scratch
COPY --from=files /rootfs /
ENV PATH=/usr/local/bin:/usr/bin:/bin
USER redis
WORKDIR /data
VOLUME /data
EXPOSE 6379
CMD ["redis-server"]
