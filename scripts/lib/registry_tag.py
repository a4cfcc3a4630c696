"""Tags an image inside a plain-HTTP registry, without pulling it anywhere.

python3 registry_tag.py REGISTRY REPOSITORY FROM TO [KEY=VALUE...]
  ie: python3 registry_tag.py 127.0.0.1:5050 monsterstack/monsterstack-frontend 1.0 1.1
      python3 registry_tag.py 127.0.0.1:5050 monsterstack/monsterstack-frontend 1.0 broken QUARKUS_HTTP_PORT=5999

Without KEY=VALUE the manifest of FROM is stored again under TO (same layers, same config). With
them, TO gets a new image config: FROM's with those environment variables set (the layers are shared),
which is how the multi-node drill makes a new version and a broken one in a second instead of a
Jib build per tag.
"""
import hashlib
import json
import sys
import urllib.parse
import urllib.request

MANIFEST_TYPES = ", ".join([
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
])


def call(url, method="GET", data=None, headers=None):
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    return urllib.request.urlopen(request, timeout=30)


def with_env(base, manifest, envs):
    with call(f"{base}/blobs/{manifest['config']['digest']}") as response:
        config = json.load(response)
    keys = {env.split("=", 1)[0] for env in envs}
    kept = [env for env in config["config"].get("Env") or [] if env.split("=", 1)[0] not in keys]
    config["config"]["Env"] = kept + envs
    blob = json.dumps(config).encode()
    digest = "sha256:" + hashlib.sha256(blob).hexdigest()
    with call(f"{base}/blobs/uploads/", method="POST") as response:
        location = urllib.parse.urljoin(base + "/", response.headers["Location"])
    separator = "&" if "?" in location else "?"
    call(f"{location}{separator}digest={digest}", method="PUT", data=blob,
         headers={"Content-Type": "application/octet-stream"}).close()
    manifest["config"]["digest"] = digest
    manifest["config"]["size"] = len(blob)


def main(registry, repository, source, target, *envs):
    base = f"http://{registry}/v2/{repository}"
    with call(f"{base}/manifests/{source}", headers={"Accept": MANIFEST_TYPES}) as response:
        media_type = response.headers["Content-Type"]
        manifest = json.load(response)
    if envs:
        with_env(base, manifest, list(envs))
    call(f"{base}/manifests/{target}", method="PUT", data=json.dumps(manifest).encode(),
         headers={"Content-Type": media_type}).close()
    print(f"{registry}/{repository}:{target} from :{source}" + (f" with {' '.join(envs)}" if envs else ""))


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
