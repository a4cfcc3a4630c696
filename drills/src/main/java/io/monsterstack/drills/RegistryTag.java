package io.monsterstack.drills;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * A new tag of an image inside a plain-HTTP registry, without pulling it anywhere: the manifest of
 * the tag it comes from, with a new image config (that one's, some environment variables set) and
 * the same layers. How the multi-node drill makes a new version and a broken one in a second
 * instead of a build per tag.
 */
final class RegistryTag {

    private static final String MANIFEST_TYPES = "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String registry;

    RegistryTag(String registry) {
        this.registry = registry;
    }

    /** Stores {@code repository:from} again as {@code repository:to}, with the environment variables {@code env} (KEY=VALUE) set. */
    void tag(String repository, String from, String to, List<String> env) throws IOException, InterruptedException {
        String base = "http://" + registry + "/v2/" + repository;
        HttpResponse<String> source = send(HttpRequest.newBuilder(URI.create(base + "/manifests/" + from)).header("Accept", MANIFEST_TYPES).GET());
        String mediaType = source.headers().firstValue("Content-Type").orElseThrow();
        JsonObject manifest = read(source.body());
        JsonObject config = read(send(HttpRequest.newBuilder(URI.create(base + "/blobs/" + manifest.getJsonObject("config").getString("digest"))).GET()).body());
        byte[] blob = withEnv(config, env).toString().getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + sha256(blob);
        URI upload = URI.create(base + "/").resolve(send(HttpRequest.newBuilder(URI.create(base + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())).headers().firstValue("Location").orElseThrow());
        send(HttpRequest.newBuilder(URI.create(upload + (upload.getQuery() == null ? "?" : "&") + "digest=" + digest))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
        JsonObject tagged = Json.createObjectBuilder(manifest).add("config", Json.createObjectBuilder(manifest.getJsonObject("config"))
                .add("digest", digest).add("size", blob.length)).build();
        send(HttpRequest.newBuilder(URI.create(base + "/manifests/" + to)).header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofString(tagged.toString())));
        Report.info(registry + "/" + repository + ":" + to + " from :" + from + " with " + String.join(" ", env));
    }

    static JsonObject withEnv(JsonObject config, List<String> env) {
        List<String> keys = env.stream().map(pair -> pair.split("=", 2)[0]).toList();
        JsonArrayBuilder kept = Json.createArrayBuilder();
        JsonObject image = config.getJsonObject("config");
        if (image.containsKey("Env") && !image.isNull("Env")) {
            image.getJsonArray("Env").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .filter(pair -> !keys.contains(pair.split("=", 2)[0])).forEach(kept::add);
        }
        env.forEach(kept::add);
        return Json.createObjectBuilder(config).add("config", Json.createObjectBuilder(image).add("Env", kept)).build();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(response.request().method() + " " + response.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
