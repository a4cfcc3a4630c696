package io.monsterstack.drills.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCpuTest {

    private static final String ID = "3f1c0ffee0ddba11";

    @TempDir
    Path cgroups;

    private void write(String path, String text) throws IOException {
        Path file = cgroups.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void cgroupV1CountsNanoseconds() throws IOException {
        write("cpuacct/docker/" + ID + "/cpuacct.usage", "5512345678\n");
        assertEquals(OptionalLong.of(5512), new ContainerCpu(cgroups).ms(ID));
    }

    @Test
    void cgroupV2CountsMicrosecondsUnderEitherDriver() throws IOException {
        String stat = "usage_usec 2412999\nuser_usec 2000000\nsystem_usec 412999\nnr_periods 80\n";
        write("system.slice/docker-" + ID + ".scope/cpu.stat", stat);
        assertEquals(OptionalLong.of(2412), new ContainerCpu(cgroups).ms(ID));

        write("docker/other/cpu.stat", stat.replace("2412999", "999"));
        assertEquals(OptionalLong.of(0), new ContainerCpu(cgroups).ms("other"), "Docker's own cgroup driver on v2");
    }

    @Test
    void noCgroupNoFigure() throws IOException {
        write("cpuacct/docker/someone-else/cpuacct.usage", "1\n");
        assertEquals(OptionalLong.empty(), new ContainerCpu(cgroups).ms(ID));
    }

    @Test
    void aCpuStatWithoutUsageIsAnError() throws IOException {
        write("system.slice/docker-" + ID + ".scope/cpu.stat", "nr_periods 80\n");
        assertThrows(IOException.class, () -> new ContainerCpu(cgroups).ms(ID));
    }
}
