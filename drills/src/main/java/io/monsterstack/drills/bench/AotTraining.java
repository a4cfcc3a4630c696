package io.monsterstack.drills.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How build-images.sh trains an image's AOT cache, as scripts/lib/common.sh writes it and bench.sh
 * passes it on: the service's variables while it trains, the JVM options only training needs, and
 * those the cache needs both when it is written and when it is used.
 */
record AotTraining(Map<String, String> env, List<String> trainingOptions, List<String> cacheOptions) {

    /** From bench.sh's AOT_TRAINING_ENV, AOT_TRAINING_OPTIONS and AOT_OPTIONS (space-separated words). */
    static AotTraining from(Map<String, String> environment) {
        Map<String, String> env = words(environment, "AOT_TRAINING_ENV").stream()
                .map(word -> word.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length == 2 ? pair[1] : ""));
        return new AotTraining(env, words(environment, "AOT_TRAINING_OPTIONS"), words(environment, "AOT_OPTIONS"));
    }

    private static List<String> words(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null) {
            throw new IllegalStateException(variable + " is not set: run the bench through scripts/bench.sh, which passes how the images are trained");
        }
        return Arrays.stream(value.trim().split(" +")).filter(word -> !word.isEmpty()).toList();
    }
}
