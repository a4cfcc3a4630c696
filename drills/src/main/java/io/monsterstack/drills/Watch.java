package io.monsterstack.drills;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.monsterstack.drills.clients.CurlLoop;
import io.monsterstack.drills.clients.CurlReport;
import io.monsterstack.drills.clients.Load;
import io.monsterstack.drills.clients.LoadFigures;

/**
 * {@code scripts/watch.sh}: the site under a curl loop (the page and a new monster) and a load of
 * LOAD_RATE requests/s, a live line a second (requests, failures, p99, the versions that answered
 * and the title the page shows), until stopped (Ctrl-C, SIGTERM) or for SECONDS; then the titles
 * seen, the failures and the longest gaps. Exits 1 when a request failed.
 */
public final class Watch {

    private Watch() {
    }

    /** {@code Watch URL RATE [SECONDS]} */
    public static void main(String[] args) throws InterruptedException {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        CurlLoop curl = new CurlLoop(List.of(url + "/", url + "/monster/watch-" + ProcessHandle.current().pid() + "-{n}"));
        Load load = new Load(rate, List.of(url), second -> System.out.println(second.line() + " title=\"" + curl.lastTitle() + "\""));
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            done.countDown();
            try {
                reported.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("watching " + url + ": a curl loop (page + a new monster) and " + rate + " requests/s; Ctrl-C stops");
        curl.start();
        load.start();
        if (args.length > 2) {
            done.await(Long.parseLong(args[2]), TimeUnit.SECONDS);
        } else {
            done.await();
        }
        CurlReport report = curl.stop();
        LoadFigures figures = load.stop();
        System.out.println("curl loop:");
        report.lines().forEach(line -> System.out.println("    " + line));
        System.out.println(figures.line());
        System.out.flush();
        reported.countDown();
        Runtime.getRuntime().halt(report.failed() + figures.failed() == 0 ? 0 : 1);
    }
}
