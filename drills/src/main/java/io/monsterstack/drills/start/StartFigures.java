package io.monsterstack.drills.start;

import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import io.monsterstack.drills.step.Percentiles;

/**
 * The two lines printed for a service and variant: medians of the runs, and every run's figure
 * where the spread matters. Worded as the docs quote them (performance.md, zero-downtime.md).
 */
public final class StartFigures {

    private StartFigures() {
    }

    /** {@code limits}: the CPU limit as given ("0.5") and the memory limit in MB. */
    public static List<String> lines(String service, String variant, String cpus, int memoryMb, List<StartSample> samples) {
        int runs = samples.size();
        String first = String.format("%s (%s, limits %s CPU / %dm): listening %d ms, healthy (warmed up) %d ms (median of %d: %s),"
                + " CPU until healthy %d ms (median of %d: %s)", service, variant, cpus, memoryMb,
                median(samples, StartSample::listeningMs), median(samples, StartSample::healthyMs), runs, each(samples, StartSample::healthyMs),
                median(samples, StartSample::cpuMs), runs, each(samples, StartSample::cpuMs));
        String second = String.format("    CPU by thread (medians): event loops %d ms, JIT %d, GC + VM %d, main %d, other %d;"
                + " outside the JVM (unpacking its AOT cache) %d; the rest of the machine meanwhile %d ms (runs: %s)",
                median(samples, sample -> sample.threads().loopsMs()), median(samples, sample -> sample.threads().jitMs()),
                median(samples, sample -> sample.threads().gcMs()), median(samples, sample -> sample.threads().mainMs()),
                median(samples, sample -> sample.threads().otherMs()), median(samples, StartSample::outsideMs),
                median(samples, StartSample::othersMs), each(samples, StartSample::othersMs));
        return List.of(first, second);
    }

    /** The median of one figure over the runs; of an even number, the lower middle one (nearest rank). */
    static long median(List<StartSample> samples, ToLongFunction<StartSample> figure) {
        return Percentiles.percentile(samples.stream().mapToLong(figure).toArray(), 50);
    }

    /** One figure of every run, in the order they ran. */
    private static String each(List<StartSample> samples, ToLongFunction<StartSample> figure) {
        return samples.stream().map(sample -> Long.toString(figure.applyAsLong(sample))).collect(Collectors.joining(" "));
    }
}
