package io.monsterstack.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;

/** HTTP/1.1 over a raw socket, the way a healthcheck's wget or curl asks: one connection, one deadline, no retry. */
public final class RawHttp {

    /** An answer's status (0 when none came in time) and how long it took. */
    public record Answer(int status, long millis, String text) {

        /** What follows the head: the body as sent (with Connection: close, never chunked by these servers). */
        public String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        @Override
        public String toString() {
            return status + " in " + millis + " ms";
        }
    }

    private RawHttp() {
    }

    public static Answer get(int port, String path, Duration timeout) {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", timeout);
    }

    /** GET {@code url} on whatever host it names, as curl would: one connection, closed after the answer. */
    public static Answer get(URI url, Duration timeout) {
        String path = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
        String request = "GET " + (path.isEmpty() ? "/" : path) + " HTTP/1.1\r\nHost: " + url.getHost()
                + "\r\nConnection: close\r\n\r\n";
        return exchange(url.getHost(), url.getPort(), request, timeout);
    }

    /**
     * Waits until {@code url} (on 127.0.0.1) answers {@code status}, asking every 100 ms with 5 s per
     * answer, and returns that answer: a started service may need a while to reach its dependencies.
     */
    public static Answer await(URI url, int status, Duration within) {
        String path = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
        return Awaitility.await(url + " answering " + status).atMost(within)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get(url.getPort(), path, Duration.ofSeconds(5)), answer -> answer.status() == status);
    }

    /** Sends the bytes as they are and reads until the server closes or the deadline passes. */
    public static Answer exchange(int port, String request, Duration timeout) {
        return exchange("127.0.0.1", port, request, timeout);
    }

    private static Answer exchange(String host, int port, String request, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        StringBuilder text = new StringBuilder();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read;
            do {
                int left = (int) ((deadline - System.nanoTime()) / 1_000_000);
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout(left);
                read = in.read(buffer);
                if (read > 0) {
                    text.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                }
            } while (read >= 0);
        } catch (IOException noAnswerInTime) {
            // The status stays 0 unless a status line arrived before the failure.
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Answer(status(text), millis, text.toString());
    }

    private static int status(CharSequence text) {
        String head = text.toString();
        if (!head.startsWith("HTTP/1.") || head.length() < 12) {
            return 0;
        }
        return Integer.parseInt(head.substring(9, 12));
    }
}
