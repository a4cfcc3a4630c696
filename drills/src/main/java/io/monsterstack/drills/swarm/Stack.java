package io.monsterstack.drills.swarm;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.monsterstack.testsupport.RawHttp;

/** A deployed MonsterStack as the drills see it: its services through a manager, its pages through an edge. */
public record Stack(String name, URI url, Docker docker) {

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>");
    private static final Pattern VISITS = Pattern.compile("<dt>Visits</dt><dd>([0-9]+)</dd>");
    private static final Pattern MONSTER = Pattern.compile("<img src=\"(/monster/[^\"]*)\"");

    public String network() {
        return name + "_monster_network";
    }

    public String service(String service) {
        return name + "_" + service;
    }

    public RawHttp.Answer get(URI at) {
        return RawHttp.get(at, Duration.ofSeconds(5));
    }

    /** The page at {@code base}'s root. */
    public String page(URI base) {
        return get(base.resolve("/")).body();
    }

    public Optional<String> title(URI base) {
        return find(TITLE, page(base));
    }

    /** The visit counter the page shows; none while the page says it is disabled. */
    public Optional<Long> visits(URI base) {
        return find(VISITS, page(base)).map(Long::valueOf);
    }

    public Optional<String> monsterPath(URI base) {
        return find(MONSTER, page(base));
    }

    public int status(URI at) {
        return get(at).status();
    }

    public static Optional<String> titleIn(String html) {
        return find(TITLE, html);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public String serviceImage(String service) {
        return docker.out("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}", service(service));
    }

    public List<String> taskContainers(String... services) {
        return docker.taskContainers(name, services);
    }

    /** The containers' addresses on the stack's network, as the engine that runs them says. */
    public List<String> taskIps(Docker engine, List<String> containers) {
        if (containers.isEmpty()) {
            return List.of();
        }
        String format = "{{(index .NetworkSettings.Networks \"" + network() + "\").IPAddress}}";
        List<String> args = new java.util.ArrayList<>(List.of("inspect", "--format", format));
        args.addAll(containers);
        return engine.lines(args.toArray(String[]::new));
    }

    /** Every service runs all its tasks, healthy, and none is updating or rolling back. */
    public boolean converged() {
        List<String> services = docker.lines("stack", "services", "--format", "{{.Name}} {{.Mode}} {{.Replicas}}", name);
        if (services.isEmpty()) {
            return false;
        }
        for (String line : services) {
            String[] fields = line.split(" ");
            String[] replicas = fields[2].split("/");
            boolean global = fields[1].equals("global");
            if (!replicas[0].equals(replicas[1]) || global && replicas[0].equals("0")) {
                return false;
            }
            String state = docker.run("service", "inspect", "--format", "{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}", fields[0]).out();
            if (List.of("updating", "rollback_started", "paused", "rollback_paused").contains(state)) {
                return false;
            }
        }
        return true;
    }

    public void awaitConverged(Duration within) {
        Wait.until(within, "stack " + name + " to run every task, healthy", this::converged);
    }
}
