package io.monsterstack.imagebackend;

import java.util.Arrays;

/**
 * Hand-run microbenchmark of one render (seed + grid + PNG encode), not a test: our
 * {@link PngEncoder} against {@link DeflaterPngEncoder}, per side, rounds taking turns so that
 * a shared machine's drift hits both alike. Under a minute:
 * {@code java -cp imagebackend/target/classes:imagebackend/target/test-classes io.monsterstack.imagebackend.RenderBenchmark [side...]}.
 */
final class RenderBenchmark {

    private static final int[] SIDES = {12, 100, 512, 1024};
    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 5;
    /** Rounds run for a time rather than a count, so that large sides take no longer than small ones. */
    private static final long ROUND_NANOS = 250_000_000;
    private static final int RENDERS_PER_CLOCK_CHECK = 16;

    private RenderBenchmark() {
    }

    /** Signature of {@link PngEncoder#encode}. */
    private interface Encoder {
        byte[] encode(byte[] cells, int grid, int side, byte[] rgb);
    }

    /** What one round measured. */
    private record Round(double micros, long meanBytes) {
    }

    public static void main(String[] args) {
        int[] sides = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : SIDES;
        for (int side : sides) {
            double[] ours = new double[MEASURED_ROUNDS];
            double[] deflater = new double[MEASURED_ROUNDS];
            long ourBytes = 0;
            long deflaterBytes = 0;
            for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                Round our = round(PngEncoder::encode, side, round);
                Round their = round(DeflaterPngEncoder::encode, side, round);
                if (round >= WARM_UP_ROUNDS) {
                    ours[round - WARM_UP_ROUNDS] = our.micros();
                    deflater[round - WARM_UP_ROUNDS] = their.micros();
                    ourBytes = our.meanBytes();
                    deflaterBytes = their.meanBytes();
                }
            }
            double ourMedian = median(ours);
            double deflaterMedian = median(deflater);
            System.out.printf("side %4d: ours %8.2f µs %6d B | Deflater %8.2f µs %6d B | Deflater/ours %.1fx%n",
                    side, ourMedian, ourBytes, deflaterMedian, deflaterBytes, deflaterMedian / ourMedian);
        }
    }

    /** Renders new names with {@code encoder} for about {@link #ROUND_NANOS}. */
    private static Round round(Encoder encoder, int side, int round) {
        long bytes = 0;
        int renders = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < RENDERS_PER_CLOCK_CHECK; i++, renders++) {
                byte[] seed = MonsterRenderer.seed("name-" + round + "-" + renders);
                bytes += encoder.encode(MonsterRenderer.grid(seed), Part.GRID, side, MonsterPalette.rgb(seed)).length;
            }
            elapsed = System.nanoTime() - start;
        } while (elapsed < ROUND_NANOS);
        return new Round(elapsed / 1_000.0 / renders, bytes / renders);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
