#!/bin/sh
# Entrypoint of a node of the multi-node drill's cluster: one Docker engine in a container (Docker in Docker),
# started by tini. Everything here undoes what a container normally gets and an engine cannot
# live with; see the drills module's ClusterSetup for the docker run flags that make it possible.
# NODE_INSECURE_REGISTRY: the registry (host:port or CIDR) this engine may pull from over HTTP.
# NODE_REGISTRY_MIRROR (optional): a Docker Hub mirror (http://host:port) to pull through.
set -eu

# Docker mounts /sys and the cgroup v1 hierarchies read-only even with every capability; the
# inner engine creates cgroups (mkdir /sys/fs/cgroup/cpuset/docker) and needs them writable.
mount -o remount,rw /sys
while read -r _ mountpoint fstype _; do
    case "$fstype" in
        # bind: this mount point only; the hierarchy's own options are in use (EBUSY).
        cgroup | cgroup2) mount -o remount,bind,rw "$mountpoint" ;;
    esac
done < /proc/mounts

# After a docker kill, the pid files and sockets of the previous run remain and the new dockerd
# waits forever for a containerd that is not there.
rm -rf /run/docker /run/containerd /run/docker.pid /run/docker.sock

mkdir -p /etc/docker /run/node
printf '{"insecure-registries": ["%s"]%s}\n' "${NODE_INSECURE_REGISTRY:?}" \
    "${NODE_REGISTRY_MIRROR:+, \"registry-mirrors\": [\"$NODE_REGISTRY_MIRROR\"]}" > /etc/docker/daemon.json
# Second socket in /run/node, a host directory: the host's docker CLI talks to this engine
# through it (DOCKER_HOST=unix://...), with no TCP port and no credentials to hand out.
exec dockerd --host unix:///run/docker.sock --host unix:///run/node/docker.sock --storage-driver overlay2
