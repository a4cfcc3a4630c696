package io.monsterstack.drills;

import static io.monsterstack.drills.Report.check;
import static io.monsterstack.drills.Report.info;
import static io.monsterstack.drills.Report.pass;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Stack;
import io.monsterstack.testsupport.RawHttp;

/** What a user of the deployed stack relies on: no task as root, the page, a monster that decodes, Redis' password, the counter. */
final class FunctionalChecks {

    private final Stack stack;
    private final Docker docker;

    FunctionalChecks(Stack stack) {
        this.stack = stack;
        this.docker = stack.docker();
    }

    void run() throws IOException {
        for (String container : docker.lines("ps", "-q", "--filter", "label=com.docker.stack.namespace=" + stack.name())) {
            String name = docker.out("inspect", "--format", "{{index .Config.Labels \"com.docker.swarm.service.name\"}}", container);
            List<String> uids = docker.lines("top", container, "-o", "pid,uid").stream().skip(1)
                    .map(line -> line.trim().split("\\s+")[1]).distinct().sorted().toList();
            info(name + " runs as uid " + String.join(" ", uids));
            if (name.equals(stack.service("docker-api"))) {
                // The Docker socket's owner, without a single capability (stack/docker-compose.monitoring.yml).
                check(docker.out("inspect", "--format", "{{.HostConfig.CapDrop}}", container).contains("ALL"), name + " runs as root with capabilities");
                continue;
            }
            check(!uids.contains("0"), name + " runs a process as root");
        }
        pass("no task runs as root, but the Docker API proxy, without capabilities");

        check(stack.status(stack.url()) == 200, "page is not 200");
        String monster = stack.monsterPath(stack.url()).orElseThrow(() -> new IllegalStateException("no monster image on the page"));
        info(monster + ": " + decode(stack.get(stack.url().resolve(monster))));
        pass("monster " + monster + " decodes");

        String redisImage = stack.serviceImage("redis").replaceFirst("@.*", "");
        String unauthenticated = docker.run("run", "--rm", "--network", stack.network(), redisImage, "sh", "-c", "redis-cli -h redis ping 2>&1").out();
        info("unauthenticated PING from another container: " + unauthenticated);
        check(unauthenticated.contains("NOAUTH"), "Redis answered an unauthenticated PING");
        pass("Redis refuses clients without the password");

        String health = stack.get(stack.url().resolve("/healthz")).body();
        info("frontend /healthz: " + health);
        check(health.contains("\"redis\":\"UP\""), "the frontend is not connected to Redis");
        long first = stack.visits(stack.url()).orElse(-1L);
        long second = stack.visits(stack.url()).orElse(-1L);
        check(first >= 0 && second > first, "visit counter did not grow (" + first + ", " + second + ")");
        pass("frontend authenticated to Redis, visit counter grows (" + first + " -> " + second + ")");
    }

    /** "WxH PNG decoded", or the drill fails: the answer must be a 200 image that the JDK's ImageIO decodes. */
    static String decode(RawHttp.Answer answer) throws IOException {
        check(answer.status() == 200, "the monster answered " + answer.status());
        return decode(answer.body().getBytes(StandardCharsets.ISO_8859_1));
    }

    static String decode(byte[] png) throws IOException {
        check(png.length > 8 && Arrays.equals(Arrays.copyOf(png, 8), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
                "not a PNG (" + png.length + " bytes)");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        check(image != null, "the PNG does not decode");
        return image.getWidth() + "x" + image.getHeight() + " PNG decoded (" + png.length + " bytes)";
    }
}
