# Offline stand-in for haproxy:2.6.12-alpine (scripts/offline-bases.sh): Debian's HAProxy of the
# same version, with busybox, laid out like the public image (haproxy on the PATH, its
# configuration folder /usr/local/etc/haproxy, user haproxy, SIGUSR1 to stop softly).
FROM debian:12.11-slim AS files
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        busybox haproxy > /dev/null
COPY closure.sh rootfs.sh /usr/local/bin/
RUN closure.sh /rootfs /bin/busybox /usr/sbin/haproxy \
    && rootfs.sh /rootfs haproxy 99 $(busybox --list) \
    && mkdir -p /rootfs/usr/local/etc/haproxy

FROM scratch
COPY --from=files /rootfs /
ENV PATH=/usr/sbin:/usr/bin:/bin
USER haproxy
STOPSIGNAL SIGUSR1
CMD ["haproxy", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
