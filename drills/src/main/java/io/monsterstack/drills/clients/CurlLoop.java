package io.monsterstack.drills.clients;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.monsterstack.drills.swarm.Stack;
import io.monsterstack.testsupport.RawHttp;

/**
 * The exercise's {@code while true; do curl -s http://<node>:5000 | grep title; done}: one request
 * at a time, a new connection each, over a few URLs in turn ("{n}" becomes the round number, so that
 * /monster/x-{n} is a never-seen monster reaching the backend and Redis), about 5 rounds a second.
 * Each answer is kept as the page title it showed, "png", or "-".
 */
public final class CurlLoop {

    /** One request: when it ended (epoch ms), its status (0: none within 5 s) and what it showed. */
    public record Hit(long atMillis, int status, String label) {

        public boolean ok() {
            return status >= 200 && status < 400;
        }
    }

    private final List<String> urls;
    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile String lastTitle = "-";
    private Thread thread;

    public CurlLoop(List<String> urls) {
        this.urls = List.copyOf(urls);
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, "curl-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the request in flight and reports every request made. */
    public CurlReport stop() throws InterruptedException {
        if (thread == null) {
            return CurlReport.of(List.of());
        }
        running = false;
        thread.join(10_000);
        return CurlReport.of(List.copyOf(hits));
    }

    /** The title of the last page answered, for a live line. */
    public String lastTitle() {
        return lastTitle;
    }

    private void loop() {
        for (int round = 1; running; round++) {
            for (String url : urls) {
                RawHttp.Answer answer = RawHttp.get(URI.create(url.replace("{n}", Integer.toString(round))), Duration.ofSeconds(5));
                Hit hit = new Hit(System.currentTimeMillis(), answer.status(), label(answer));
                hits.add(hit);
                if (hit.ok() && !hit.label().equals("png") && !hit.label().equals("-")) {
                    lastTitle = hit.label();
                }
            }
            pause();
        }
    }

    static String label(RawHttp.Answer answer) {
        String text = answer.text();
        String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).toLowerCase();
        if (head.contains("content-type: image/png")) {
            return "png";
        }
        return Stack.titleIn(text)
                .map(title -> text.contains("counter disabled") ? title + " [counter disabled]" : title)
                .orElse("-");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
