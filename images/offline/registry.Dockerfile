# Offline stand-in for registry:2.8.2 (scripts/offline-bases.sh): Debian's docker-registry of the
# same version, laid out like the public image (/bin/registry, its configuration in
# /etc/docker/registry, the layers in the volume /var/lib/registry, plain HTTP on :5000).
FROM debian:12.11-slim AS files
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        docker-registry > /dev/null
COPY closure.sh rootfs.sh /usr/local/bin/
COPY offline/registry.yml /rootfs/etc/docker/registry/config.yml
RUN closure.sh /rootfs /usr/bin/docker-registry \
    && mkdir -p /rootfs/bin /rootfs/var/lib/registry \
    && mv /rootfs/usr/bin/docker-registry /rootfs/bin/registry \
    && rootfs.sh /rootfs registry 1002

FROM scratch
COPY --from=files /rootfs /
VOLUME /var/lib/registry
EXPOSE 5000
ENTRYPOINT ["/bin/registry", "serve"]
CMD ["/etc/docker/registry/config.yml"]
