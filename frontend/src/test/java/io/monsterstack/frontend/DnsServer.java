package io.monsterstack.frontend;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A DNS server on a free UDP port of 127.0.0.1 that knows one name, answering its A query with one
 * address the test can switch, with the 600 s TTL of Docker's embedded DNS. Other record types of
 * that name get an empty answer, other names NXDOMAIN, so no resolver waits for a timeout.
 */
final class DnsServer implements AutoCloseable {

    private static final int TYPE_A = 1;
    private static final int NXDOMAIN = 3;
    private static final int TTL_SECONDS = 600;

    private final String name;
    private final AtomicReference<InetAddress> answer;
    private final DatagramSocket socket;

    DnsServer(String name, AtomicReference<InetAddress> answer) throws SocketException {
        this.name = name;
        this.answer = answer;
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Thread thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                byte[] reply = reply(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    // Header (12 bytes), then the question echoed back, then at most one A record pointing at it.
    private byte[] reply(ByteBuffer query) {
        short id = query.getShort();
        short flags = query.getShort();
        query.position(12);
        StringBuilder asked = new StringBuilder();
        for (int length = query.get(); length > 0; length = query.get()) {
            byte[] label = new byte[length];
            query.get(label);
            asked.append(asked.isEmpty() ? "" : ".").append(new String(label, StandardCharsets.US_ASCII));
        }
        int type = query.getShort();
        query.getShort(); // class
        int questionEnd = query.position();
        boolean known = name.equalsIgnoreCase(asked.toString());
        boolean answered = known && type == TYPE_A;

        ByteBuffer reply = ByteBuffer.allocate(questionEnd + 16);
        // QR, the query's opcode and RD, AA and RA; NXDOMAIN for names it does not know.
        reply.putShort(id).putShort((short) (0x8480 | flags & 0x7900 | (known ? 0 : NXDOMAIN)));
        reply.putShort((short) 1).putShort((short) (answered ? 1 : 0)).putShort((short) 0).putShort((short) 0);
        reply.put(query.array(), query.arrayOffset() + 12, questionEnd - 12);
        if (answered) {
            // Name as a pointer to the question's (offset 12), type A, class IN, TTL, 4 bytes of address.
            reply.putShort((short) 0xc00c).putShort((short) TYPE_A).putShort((short) 1)
                    .putInt(TTL_SECONDS).putShort((short) 4).put(answer.get().getAddress());
        }
        return Arrays.copyOf(reply.array(), reply.position());
    }
}
