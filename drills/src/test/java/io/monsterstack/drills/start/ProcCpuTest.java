package io.monsterstack.drills.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcCpuTest {

    @TempDir
    Path proc;

    /** A /proc/PID/task/TID/stat line as the kernel writes it, with the thread's user and system ticks. */
    private void thread(long pid, long tid, String name, long utime, long stime) throws IOException {
        Path task = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(task.resolve("stat"), tid + " (" + name + ") S 1 " + pid + " " + pid + " 0 -1 4194368 1200 0 3 0 "
                + utime + " " + stime + " 0 0 20 0 42 0 1234567 2147483648 30000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n");
    }

    @Test
    void aJvmsThreadsAddUpByWhatTheyDo() throws IOException {
        thread(4242, 4242, "java", 3, 1);
        thread(4242, 4243, "java", 100, 11);               // the main thread keeps the launcher's name
        thread(4242, 4250, "vert.x-eventloo", 60, 20);
        thread(4242, 4251, "vert.x-eventloo", 40, 0);
        thread(4242, 4244, "C2 CompilerThre", 200, 5);
        thread(4242, 4245, "C1 CompilerThre", 50, 0);
        thread(4242, 4246, "VM Thread", 9, 1);
        thread(4242, 4247, "GC Thread#0", 2, 0);
        thread(4242, 4248, "G1 Main Marker", 1, 1);
        thread(4242, 4249, "Signal Dispatch", 0, 0);
        thread(4242, 4252, "executor-thread", 30, 2);
        thread(4242, 4253, "odd) (S name", 5, 5);          // a name that holds ") ": its own group, not a parse error
        thread(9999, 9999, "java", 1000, 1000);             // another process: not counted

        ThreadGroups groups = new ProcCpu(proc, 100).threadGroups(4242);

        assertEquals(1200, groups.loopsMs());
        assertEquals(2550, groups.jitMs());
        assertEquals(140, groups.gcMs());
        assertEquals(1150, groups.mainMs());
        assertEquals(420, groups.otherMs());
        assertEquals(5460, groups.totalMs());
    }

    @Test
    void processesAreTheirWholeStatLinesAddedUpAndTheirGroupsByName() throws IOException {
        thread(4242, 4242, "java", 3, 1);
        thread(51, 51, "nginx", 20, 6);
        Files.copy(proc.resolve("4242/task/4242/stat"), proc.resolve("4242/stat"));
        Files.copy(proc.resolve("51/task/51/stat"), proc.resolve("51/stat"));
        ProcCpu cpu = new ProcCpu(proc, 100);
        assertEquals(40, cpu.processMs(4242));
        assertEquals(300, cpu.processMs(4242, 51));
        assertEquals(List.of("loops", "jit", "gc", "main", "other"), List.copyOf(cpu.threadGroups(4242).byName().keySet()));
        assertEquals(40, cpu.threadGroups(4242).byName().get("main"));
    }

    @Test
    void theCoresAreTheCpuLinesOfProcStat() throws IOException {
        Files.writeString(proc.resolve("stat"), "cpu  10 0 5 100 0 0 0 0 0 0\ncpu0 5 0 2 50 0 0 0 0 0 0\ncpu1 5 0 3 50 0 0 0 0 0 0\nintr 1\n");
        assertEquals(2, new ProcCpu(proc, 100).cores());
    }

    @Test
    void ticksBecomeMillisecondsAtTheClocksRate() throws IOException {
        thread(7, 7, "java", 3, 0);
        assertEquals(12, new ProcCpu(proc, 250).threadGroups(7).mainMs(), "3 ticks of 4 ms");
        assertEquals(30, new ProcCpu(proc, 100).threadGroups(7).mainMs());
    }

    @Test
    void aProcessThatIsGoneIsAnError() {
        assertThrows(NoSuchFileException.class, () -> new ProcCpu(proc, 100).threadGroups(123));
    }

    @Test
    void theMachineIsBusyAllButIdleAndIowait() throws IOException {
        // user nice system idle iowait irq softirq steal guest guest_nice
        Files.writeString(proc.resolve("stat"), """
                cpu  1000 20 300 90000 700 5 15 60 0 0
                cpu0 500 10 150 45000 350 2 7 30 0 0
                cpu1 500 10 150 45000 350 3 8 30 0 0
                intr 123456
                """);
        assertEquals((1000 + 20 + 300 + 5 + 15 + 60) * 10, new ProcCpu(proc, 100).machineBusyMs());
    }

    @Test
    void aStatWithoutTheLineOfAllCpusIsAnError() throws IOException {
        Files.writeString(proc.resolve("stat"), "cpu0 1 2 3 4 5 6 7 8 0 0\n");
        assertThrows(IOException.class, () -> new ProcCpu(proc, 100).machineBusyMs());
    }
}
