package io.monsterstack.imagebackend;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * The PNG of {@link PngEncoder}, compressed the usual way: every Up-filtered scanline is written
 * out and deflated by the JDK's {@link Deflater} at {@code BEST_SPEED}, one instance per thread,
 * reset per image. Test code: the yardstick {@link ZlibWriter} has to beat in {@link RenderBenchmark}.
 */
final class DeflaterPngEncoder {

    private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(Workspace::new);

    private DeflaterPngEncoder() {
    }

    /** Same arguments and picture as {@link PngEncoder#encode}. */
    static byte[] encode(byte[] cells, int grid, int side, byte[] rgb) {
        PngEncoder.requireDrawable(cells, grid, side, rgb);
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
        return PngEncoder.png(out, length, side, rgb);
    }

    /** Writes the rows of palette indices, then turns each into filter Up: its bytes minus those of the row above. */
    private static void writeScanlines(byte[] scanlines, byte[] cells, int grid, int side) {
        int block = side / grid;
        int margin = (side - block * grid) / 2;
        int stride = side + 1;
        for (int y = 0; y < side; y++) {
            int at = y * stride;
            scanlines[at] = PngEncoder.FILTER_UP;
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
