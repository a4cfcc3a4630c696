package io.monsterstack.drills;

import static io.monsterstack.drills.Report.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.monsterstack.drills.swarm.Docker;

/**
 * The stack files as "docker stack deploy" reads them (docker stack config, the CLI's own loader,
 * merged as deploy merges them): the Swarm stack alone, with the no-IPVS override, with the pinned
 * and monitoring overrides on top, and the local Compose file, each with the expected shape and a
 * json-file log rotation on every service.
 */
final class StackFiles {

    private final Docker docker;
    private final Path stack;

    StackFiles(Docker docker, Path repo) {
        this.docker = docker;
        this.stack = repo.resolve("stack");
    }

    void validate() {
        Report.step("validating stack files");
        String swarm = config("docker-compose.swarm.yml");
        for (String service : List.of("edge", "frontend", "imagebackend", "redis")) {
            check(swarm.contains("\n  " + service + ":\n"), "docker-compose.swarm.yml: no " + service + " service");
        }
        check(count(swarm, "published: 5000") == 1, "docker-compose.swarm.yml: not one published port 5000 (the edge's)");
        check(!swarm.contains("node.role == worker"), "docker-compose.swarm.yml: a service needs a worker, which a one-node swarm lacks");
        rotated("docker-compose.swarm.yml", swarm);

        String noIpvs = config("docker-compose.swarm.yml", "docker-compose.no-ipvs.yml");
        check(count(noIpvs, "endpoint_mode: dnsrr") == 4, "no-IPVS: not every service on dnsrr");
        check(count(noIpvs, "mode: ingress") == 0, "no-IPVS: an ingress port is left");
        check(count(noIpvs, "mode: host") == 1, "no-IPVS: the edge is not published in host mode");
        rotated("no-IPVS", noIpvs);

        String monitoring = config("docker-compose.swarm.yml", "docker-compose.no-ipvs.yml", "docker-compose.pinned.yml",
                "docker-compose.monitoring.yml");
        for (String service : List.of("prometheus", "docker-api")) {
            check(monitoring.contains("\n  " + service + ":\n"), "monitoring: no " + service + " service");
        }
        check(count(monitoring, "endpoint_mode: dnsrr") == 6, "monitoring: not every service on dnsrr");
        check(count(monitoring, "mode: host") == 2, "monitoring: Prometheus is not published in host mode");
        check(monitoring.contains("node.labels.monsterstack.redis == true"), "pinned: Redis is not pinned");
        check(monitoring.contains("--storage.tsdb.retention.time=") && monitoring.contains("--storage.tsdb.retention.size="),
                "monitoring: Prometheus' retention is not bounded in time and size");
        rotated("monitoring", monitoring);
        rotated("docker-compose.yml", config("docker-compose.yml"));
        Report.pass("every stack file loads, with its shape and log rotation");
    }

    private String config(String... files) {
        List<String> args = new ArrayList<>(List.of("stack", "config"));
        for (String file : files) {
            args.addAll(List.of("-c", stack.resolve(file).toString()));
        }
        return docker.out(args.toArray(String[]::new)) + "\n";
    }

    private static int count(String text, String what) {
        return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }

    /** Every service of a rendered stack (two-space indents) logs with json-file, max-size and max-file. */
    private static void rotated(String label, String rendered) {
        Map<String, String> logging = new LinkedHashMap<>();
        String section = "";
        String service = "";
        String key = "";
        for (String line : rendered.split("\n")) {
            if (!line.startsWith(" ")) {
                section = line;
            } else if (section.equals("services:") && line.matches(" {2}[^ ].*")) {
                service = line.strip().replaceFirst(":$", "");
                logging.put(service, "");
            } else if (section.equals("services:") && line.matches(" {4}[^ ].*")) {
                key = line.strip();
            } else if (section.equals("services:") && key.equals("logging:")) {
                logging.merge(service, line.strip() + "\n", String::concat);
            }
        }
        List<String> unrotated = logging.entrySet().stream().filter(entry -> !entry.getValue().contains("driver: json-file\n")
                || !entry.getValue().contains("max-size: ") || !entry.getValue().contains("max-file: ")).map(Map.Entry::getKey).toList();
        check(unrotated.isEmpty(), label + ": no log rotation on: " + String.join(" ", unrotated));
    }
}
