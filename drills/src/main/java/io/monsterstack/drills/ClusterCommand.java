package io.monsterstack.drills;

import java.util.List;

import io.monsterstack.drills.swarm.DrillFailure;

/** {@code drill.sh cluster up [NODES] [--managers M] | down [--keep-images] | status | env}: the multi-node drill's swarm, by hand. */
final class ClusterCommand {

    private ClusterCommand() {
    }

    static int run(List<String> args) {
        Cluster cluster = new Cluster();
        ClusterSetup setup = new ClusterSetup(cluster, Settings.fromEnvironment("monsterstack", java.time.Duration.ZERO).repo());
        List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            switch (args.isEmpty() ? "" : args.get(0)) {
                case "up" -> {
                    String nodes = options.stream().filter(option -> option.matches("[0-9]+")).findFirst().orElse("4");
                    Drills.only(options.stream().filter(option -> !option.equals(nodes)).toList(), List.of(), List.of("--managers"));
                    setup.up(Integer.parseInt(nodes), Integer.parseInt(Drills.value(options, "--managers", "1")));
                }
                case "down" -> {
                    Drills.only(options, List.of("--keep-images"), List.of());
                    setup.down(Drills.flag(options, "--keep-images"));
                }
                case "status" -> new ClusterStatus(cluster).print();
                case "env" -> {
                    if (cluster.containers().isEmpty()) {
                        throw new DrillFailure("no cluster " + cluster.name + ": 'drill.sh cluster up' first");
                    }
                    new ClusterStatus(cluster).env().forEach(System.out::println);
                }
                default -> {
                    System.err.println("drill: error: cluster takes up, down, status or env");
                    return 1;
                }
            }
            return 0;
        } catch (DrillFailure | java.io.IOException failure) {
            System.err.println("drill: error: " + failure.getMessage());
            return 1;
        }
    }
}
