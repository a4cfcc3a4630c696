package io.monsterstack.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An attacker's connection: writes its bytes from a thread and never reads the answers (its receive
 * buffer is kept small), until everything is written, the server stops reading or {@link #close()}.
 */
public final class Flood implements AutoCloseable {

    private final Socket socket;
    private final Thread writer;
    private volatile long written;

    public Flood(int port, byte[] bytes) {
        try {
            socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.setSendBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer = new Thread(() -> {
            try {
                for (int offset = 0; offset < bytes.length; offset += 4096) {
                    int length = Math.min(4096, bytes.length - offset);
                    socket.getOutputStream().write(bytes, offset, length);
                    written += length;
                }
            } catch (IOException closed) {
                // The server closed the connection, or close() did: either ends the flood.
            }
        }, "flood");
        writer.start();
    }

    public long written() {
        return written;
    }

    /** The first bytes the server sent back, without waiting longer than the time given. */
    public byte[] firstAnswerBytes(int count, Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        InputStream in = socket.getInputStream();
        try {
            return in.readNBytes(count);
        } catch (IOException timeoutOrReset) {
            return new byte[0];
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        writer.join();
    }

    public static byte[] repeat(String request, int times) {
        return request.repeat(times).getBytes(StandardCharsets.ISO_8859_1);
    }
}
