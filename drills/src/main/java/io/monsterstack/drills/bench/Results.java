package io.monsterstack.drills.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.monsterstack.drills.bench.BenchTargets.Check;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

/**
 * The files of --out: the raw runs.tsv and facts.tsv the measurement writes, and results.md and
 * results.json made from them (again with --report-only).
 */
public record Results(Path out) {

    public Path runs() {
        return out.resolve("runs.tsv");
    }

    public Path facts() {
        return out.resolve("facts.tsv");
    }

    /** Reads the raw files, judges, prints the report and writes results.md and results.json. */
    public void report(int cores, String machine) {
        try {
            List<RunFigures> runs = RunFigures.all(Files.readAllLines(runs()).stream().map(RawRun::parse).toList(), cores);
            List<ServiceFigures> services = ServiceFigures.fromFacts(Files.readAllLines(facts()));
            List<Check> checks = BenchTargets.verdicts(runs, services);
            String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
            String text = "Measured " + stamp + " on " + machine + ".\n\n" + String.join("\n", new BenchReport(runs, services, checks, cores).tables());
            System.out.println("\n" + text);
            Files.writeString(out.resolve("results.md"), text + "\n");
            Files.writeString(out.resolve("results.json"), json(stamp, machine, runs, services, checks));
            System.out.println("\nwritten: " + out.resolve("results.json") + ", " + out.resolve("results.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(String stamp, String machine, List<RunFigures> runs, List<ServiceFigures> services, List<Check> checks) {
        var runArray = Json.createArrayBuilder();
        runs.forEach(r -> runArray.add(run(r)));
        var serviceObject = Json.createObjectBuilder();
        services.forEach(s -> serviceObject.add(s.name(), service(s)));
        var targetArray = Json.createArrayBuilder();
        for (Check c : checks) {
            JsonObjectBuilder target = Json.createObjectBuilder().add("target", c.target());
            c.met().ifPresentOrElse(met -> target.add("met", met), () -> target.addNull("met"));
            targetArray.add(target.add("measured", c.measured()));
        }
        JsonWriterFactory pretty = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        StringWriter text = new StringWriter();
        pretty.createWriter(text).writeObject(Json.createObjectBuilder().add("measured", stamp).add("machine", machine)
                .add("runs", runArray).add("services", serviceObject).add("targets", targetArray).build());
        return text.toString().strip() + "\n";
    }

    private static JsonObjectBuilder run(RunFigures r) {
        WrkResult w = r.wrk();
        JsonObjectBuilder threads = Json.createObjectBuilder();
        r.threadCpuUsPerRequest().forEach((service, groups) -> threads.add(service, numbers(groups)));
        return Json.createObjectBuilder().add("scenario", r.scenario()).add("path", r.path()).add("build", r.build())
                .add("connections", r.connections()).add("requests", w.requests()).add("seconds", w.seconds()).add("rps", w.rps())
                .add("socket_errors", w.socketErrors()).add("http_errors", w.httpErrors()).add("p50_ms", w.p50Ms())
                .add("p99_ms", w.p99Ms()).add("max_ms", w.maxMs()).add("cpu_us_per_request", numbers(r.cpuUsPerRequest()))
                .add("thread_cpu_us_per_request", threads).add("cpu_ceiling_rps", r.cpuCeilingRps())
                .add("cores_busy", Json.createObjectBuilder().add("ours", r.coresBusyOurs()).add("machine", r.coresBusyMachine()))
                .add("ratio_to_nginx", r.ratioToNginx()).add("predicted_ratio", r.predictedRatio());
    }

    private static JsonObjectBuilder service(ServiceFigures s) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        s.medians().forEach(o::add);
        var samples = Json.createArrayBuilder();
        s.readyMsSamples().forEach(samples::add);
        return o.add("ready_ms_samples", samples).add("cpu_limit", s.cpuLimit()).add("ready_floor_under_limit_s", s.readyFloorS())
                .add("healthy_floor_under_limit_s", s.healthyFloorS());
    }

    private static JsonObjectBuilder numbers(Map<String, Double> values) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        values.forEach(o::add);
        return o;
    }
}
