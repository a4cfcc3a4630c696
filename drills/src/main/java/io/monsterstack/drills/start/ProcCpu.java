package io.monsterstack.drills.start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.monsterstack.drills.swarm.Shell;

/**
 * CPU times as /proc counts them, in clock ticks: a process's threads, and the whole machine's
 * busy time. {@code root} is /proc, or a directory laid out like it (the tests').
 */
public record ProcCpu(Path root, long ticksPerSecond) {

    /** This machine's /proc, its clock's ticks a second from getconf (100 almost everywhere). */
    public static ProcCpu thisMachine() {
        Shell.Result ticks = Shell.run("getconf", "CLK_TCK");
        return new ProcCpu(Path.of("/proc"), ticks.ok() && ticks.out().matches("[0-9]+") ? Long.parseLong(ticks.out()) : 100);
    }

    /** The CPU process {@code pid}'s threads have used so far, by group; a thread that ends meanwhile is simply left out. */
    public ThreadGroups threadGroups(long pid) throws IOException {
        Path tasks = root.resolve(Long.toString(pid)).resolve("task");
        if (!Files.isDirectory(tasks)) {
            throw new NoSuchFileException(tasks + " (the process is gone, or runs on another kernel than this machine's)");
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    lines.add(Files.readString(thread.resolve("stat")).strip());
                } catch (NoSuchFileException ended) {
                    // ended between the listing and the read
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return ThreadGroups.fromStatLines(lines, ticksPerSecond);
    }

    /** The CPU time (user + system) the processes have used so far, in ms, from /proc/PID/stat: whole thread groups, ended threads included. */
    public long processMs(long... pids) throws IOException {
        List<String> lines = new ArrayList<>();
        for (long pid : pids) {
            lines.add(Files.readString(root.resolve(Long.toString(pid)).resolve("stat")).strip());
        }
        return ThreadGroups.fromStatLines(lines, ticksPerSecond).totalMs();  // a process's stat line reads as a thread's
    }

    /** The machine's cores, online or not: the cpuN lines of /proc/stat. */
    public int cores() throws IOException {
        return (int) Files.readAllLines(root.resolve("stat")).stream().filter(line -> line.matches("cpu[0-9]+ .*")).count();
    }

    /**
     * The CPU time the machine has been busy so far, all cores: the first line of /proc/stat
     * without idle and iowait (user, nice, system, irq, softirq, steal), in ms.
     */
    public long machineBusyMs() throws IOException {
        String first = Files.readAllLines(root.resolve("stat")).get(0);
        String[] fields = first.trim().split(" +");
        if (!fields[0].equals("cpu")) {
            throw new IOException(root.resolve("stat") + " does not start with the line of all CPUs: " + first);
        }
        long ticks = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            ticks += Long.parseLong(fields[field]);
        }
        return ticks * 1000 / ticksPerSecond;
    }
}
