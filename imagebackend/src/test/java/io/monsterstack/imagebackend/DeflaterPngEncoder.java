package io.monsterstack.imagebackend;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The PNG of {@link PngEncoder}, made the usual way: every Up-filtered scanline is written out and
 * deflated by the JDK's {@link Deflater} at {@code BEST_SPEED}, one instance per thread, reset per
 * image, then the chunks are written from the PNG specification. Test code: the yardstick
 * {@link ZlibWriter} has to beat in {@link RenderBenchmark}.
 */
final class DeflaterPngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Filter type 2 of the PNG specification: each byte minus the byte above it. */
    private static final byte UP = 2;

    private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(Workspace::new);

    private DeflaterPngEncoder() {
    }

    /** Same arguments and picture as {@link PngEncoder#encode}. */
    static byte[] encode(byte[] cells, int grid, int side, byte[] rgb) {
        Workspace workspace = WORKSPACES.get();
        byte[] scanlines = workspace.scanlines(side * (side + 1));
        writeScanlines(scanlines, cells, grid, side);

        Deflater deflater = workspace.deflater;
        deflater.reset();
        deflater.setInput(scanlines, 0, side * (side + 1));
        deflater.finish();
        byte[] out = workspace.out;
        int length = 0;
        while (!deflater.finished()) {
            if (length == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
                workspace.out = out;
            }
            length += deflater.deflate(out, length, out.length - length);
        }
        // IHDR: width, height, bit depth 8, colour type 3 (indexed), deflate, adaptive filtering, no interlace.
        byte[] header = ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 8).put((byte) 3).array();
        ByteArrayOutputStream png = new ByteArrayOutputStream(length + rgb.length + 64);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", header, header.length);
        chunk(png, "PLTE", rgb, rgb.length);
        chunk(png, "tRNS", new byte[1], 1); // palette entry 0 is transparent
        chunk(png, "IDAT", out, length);
        chunk(png, "IEND", new byte[0], 0);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data, int length) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        try {
            DataOutputStream out = new DataOutputStream(png);
            out.writeInt(length);
            out.write(name);
            out.write(data, 0, length);
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the rows of palette indices, then turns each into filter Up: its bytes minus those of the row above. */
    private static void writeScanlines(byte[] scanlines, byte[] cells, int grid, int side) {
        int block = side / grid;
        int margin = (side - block * grid) / 2;
        int stride = side + 1;
        for (int y = 0; y < side; y++) {
            int at = y * stride;
            scanlines[at] = UP;
            Arrays.fill(scanlines, at + 1, at + stride, (byte) 0);
            int row = Math.floorDiv(y - margin, block);
            if (row >= 0 && row < grid) {
                for (int column = 0; column < grid; column++) {
                    int from = at + 1 + margin + column * block;
                    Arrays.fill(scanlines, from, from + block, cells[row * grid + column]);
                }
            }
        }
        // Bottom up, so that every row is still unfiltered when the row below subtracts it.
        for (int at = (side - 1) * stride; at > 0; at -= stride) {
            for (int x = 1; x < stride; x++) {
                scanlines[at + x] -= scanlines[at - stride + x];
            }
        }
    }

    /** Per-thread deflater and buffers, grown to the largest image seen. */
    private static final class Workspace {
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        private byte[] scanlines = new byte[0];
        private byte[] out = new byte[1024];

        byte[] scanlines(int length) {
            if (scanlines.length < length) {
                scanlines = new byte[length];
            }
            return scanlines;
        }
    }
}
