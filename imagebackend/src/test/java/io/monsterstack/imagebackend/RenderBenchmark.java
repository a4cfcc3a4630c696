package io.monsterstack.imagebackend;

/**
 * Hand-run microbenchmark of one render (seed + grid + PNG encode), not a test:
 * {@code java -cp imagebackend/target/classes:imagebackend/target/test-classes io.monsterstack.imagebackend.RenderBenchmark [side]}.
 */
final class RenderBenchmark {

    private static final int WARM_UP_ROUNDS = 5;
    private static final int RENDERS_PER_ROUND = 200_000;

    private RenderBenchmark() {
    }

    public static void main(String[] args) {
        int side = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long bytes = 0;
        for (int round = 0; round <= WARM_UP_ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < RENDERS_PER_ROUND; i++) {
                bytes += MonsterRenderer.render(MonsterRenderer.seed("name-" + round + "-" + i), side).length;
            }
            double micros = (System.nanoTime() - start) / 1_000.0 / RENDERS_PER_ROUND;
            System.out.printf("%s round %d: %.2f µs per %d px monster%n",
                    round < WARM_UP_ROUNDS ? "warm-up" : "measured", round, micros, side);
        }
        System.out.printf("mean PNG size %d bytes%n", bytes / ((WARM_UP_ROUNDS + 1L) * RENDERS_PER_ROUND));
    }
}
