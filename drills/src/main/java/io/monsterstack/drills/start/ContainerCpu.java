package io.monsterstack.drills.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The CPU time a container has used so far, from its cgroup: every process it ran, the entrypoint's
 * as well as the JVM's. {@code root} is /sys/fs/cgroup, or a directory laid out like it (the tests').
 */
public record ContainerCpu(Path root) {

    public static ContainerCpu thisMachine() {
        return new ContainerCpu(Path.of("/sys/fs/cgroup"));
    }

    /**
     * In ms, from cgroup v1's cpuacct.usage (ns), or v2's cpu.stat usage_usec under the systemd
     * cgroup driver (docker-ID.scope) or Docker's own (docker/ID); none when the container has no
     * cgroup here (gone, or on another kernel).
     */
    public OptionalLong ms(String containerId) throws IOException {
        Path v1 = root.resolve("cpuacct/docker").resolve(containerId).resolve("cpuacct.usage");
        if (Files.isRegularFile(v1)) {
            return OptionalLong.of(Long.parseLong(Files.readString(v1).strip()) / 1_000_000);
        }
        for (Path v2 : new Path[] {root.resolve("system.slice/docker-" + containerId + ".scope/cpu.stat"),
                root.resolve("docker").resolve(containerId).resolve("cpu.stat")}) {
            if (Files.isRegularFile(v2)) {
                for (String line : Files.readAllLines(v2)) {
                    String[] fields = line.trim().split(" +");
                    if (fields.length == 2 && fields[0].equals("usage_usec")) {
                        return OptionalLong.of(Long.parseLong(fields[1]) / 1000);
                    }
                }
                throw new IOException(v2 + " has no usage_usec");
            }
        }
        return OptionalLong.empty();
    }
}
