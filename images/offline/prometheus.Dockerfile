# Offline stand-in for prom/prometheus:v2.42.0 (scripts/offline-bases.sh): Debian's Prometheus of
# the same version, with busybox, laid out like the public image (/bin/prometheus, user nobody,
# /prometheus). Debian's build serves its web UI from files: its templates, its own scripts and
# styles, and of the JavaScript libraries Debian links into it only the files the templates
# load (moment-timezone alone would add 200 MB of data).
FROM debian:12.11-slim AS files
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        busybox prometheus > /dev/null
COPY closure.sh rootfs.sh /usr/local/bin/
RUN web=/usr/share/prometheus/web \
    && closure.sh /rootfs /bin/busybox /usr/bin/prometheus \
        $(find -L "$web/templates" "$web/static/css" "$web/static/img" "$web/static/js" "$web/static/vendor" -type f) \
        $(grep -ohE 'static/[^"?]+' "$web/templates/"*.html | sort -u | sed "s|^|$web/|") \
    && mv /rootfs/usr/bin/prometheus /rootfs/bin/prometheus \
    && rootfs.sh /rootfs nobody 65534 $(busybox --list) \
    && mkdir -p /rootfs/prometheus /rootfs/etc/prometheus \
    && chown 65534:65534 /rootfs/prometheus \
    && printf 'scrape_configs:\n  - job_name: prometheus\n    static_configs:\n      - targets: [localhost:9090]\n' \
        > /rootfs/etc/prometheus/prometheus.yml

FROM scratch
COPY --from=files /rootfs /
ENV PATH=/bin:/usr/bin
USER nobody
WORKDIR /prometheus
VOLUME /prometheus
EXPOSE 9090
ENTRYPOINT ["/bin/prometheus"]
CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]
