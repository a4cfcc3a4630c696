package io.monsterstack.drills.clients;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * One HTTP/1.1 connection on a blocking socket: a request written whole, its answer read to its end
 * (Content-Length or chunks), so that it can carry the next request unless either side said close.
 * The load's transport: a few system calls a request, where java.net.http's cost the load's
 * client as much CPU as the site it measures.
 */
final class HttpConnection implements Closeable {

    /** An answer's status, its X-MonsterStack-Version ("-" without one) and whether the connection stays open. */
    record Answer(int status, String version, boolean reusable) {
    }

    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder();
    private long idleSince;

    HttpConnection(URI base, Duration connectTimeout, Duration answerTimeout) throws IOException {
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) answerTimeout.toMillis());
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    Answer exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        String version = "-";
        for (String header; !(header = readLine()).isEmpty(); ) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("X-MonsterStack-Version")) {
                version = value;
            }
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(chunkSize(readLine()), 16)) > 0; ) {
                skip(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            while (in.read() >= 0) {
                // an answer without a length ends with the connection
            }
            close = true;
        }
        idleSince = System.nanoTime();
        return new Answer(status, version, !close);
    }

    /** How long since its last answer: an edge closes idle connections after its keep-alive timeout. */
    Duration idle() {
        return Duration.ofNanos(System.nanoTime() - idleSince);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }

    private static String chunkSize(String line) {
        int extension = line.indexOf(';');
        return (extension < 0 ? line : line.substring(0, extension)).trim();
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed " + left + " bytes before the end of the answer");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new EOFException("connection closed before the end of the answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
