package io.monsterstack.imagebackend;

import java.util.zip.CRC32;

/**
 * Encodes a square grid of palette cells, scaled up to solid blocks, as an 8-bit indexed PNG.
 *
 * <p>Every scanline uses filter "Up", so all rows but the first of each block row are a filter
 * byte and zeros. The image data is deflated straight from that structure by {@link ZlibWriter}:
 * runs for the spans of a block row, one copy for each stretch of repeated rows. Palette index 0
 * is fully transparent (a one-entry tRNS chunk). Buffers are kept per thread.
 */
public final class PngEncoder {

    /** Sides must stay below this so that a row can be copied from the row above within the deflate window. */
    public static final int MAX_SIDE = ZlibWriter.MAX_DISTANCE;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int IHDR = 0x49484452;
    private static final int PLTE = 0x504c5445;
    private static final int TRNS = 0x74524e53;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454e44;
    private static final int CHUNK_OVERHEAD = 12;
    private static final int FILTER_UP = 2;

    private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(Workspace::new);

    private PngEncoder() {
    }

    /**
     * Returns the PNG of {@code cells} ({@code grid}×{@code grid} palette indices, row-major), each
     * cell drawn as a block of {@code side / grid} pixels, centred in a {@code side}×{@code side}
     * transparent square, {@code grid <= side < MAX_SIDE}. {@code rgb} holds three bytes per palette entry.
     */
    public static byte[] encode(byte[] cells, int grid, int side, byte[] rgb) {
        if (side < grid || side >= MAX_SIDE || cells.length != grid * grid || rgb.length % 3 != 0 || rgb.length > 256 * 3) {
            throw new IllegalArgumentException("cannot draw a " + grid + "-cell grid on a side of " + side);
        }
        Workspace workspace = WORKSPACES.get();
        ZlibWriter zlib = workspace.zlib;
        writeImageData(zlib, workspace.differences(grid), cells, grid, side);
        byte[] compressed = zlib.finish();
        return png(compressed, zlib.length(), side, rgb);
    }

    /**
     * Wraps zlib-compressed Up-filtered scanlines (the first {@code compressedLength} bytes of
     * {@code compressed}) in the chunks of a {@code side}×{@code side} indexed PNG with palette {@code rgb}.
     */
    private static byte[] png(byte[] compressed, int compressedLength, int side, byte[] rgb) {
        Workspace workspace = WORKSPACES.get();
        byte[] png = new byte[SIGNATURE.length + CHUNK_OVERHEAD * 5 + 13 + rgb.length + 1 + compressedLength];
        System.arraycopy(SIGNATURE, 0, png, 0, SIGNATURE.length);
        int at = SIGNATURE.length;
        CRC32 crc = workspace.crc;

        int data = startChunk(png, at, IHDR, 13);
        writeInt(png, data, side);
        writeInt(png, data + 4, side);
        png[data + 8] = 8; // bit depth
        png[data + 9] = 3; // colour type: indexed; compression, filter and interlace stay 0
        at = endChunk(png, at, 13, crc);

        data = startChunk(png, at, PLTE, rgb.length);
        System.arraycopy(rgb, 0, png, data, rgb.length);
        at = endChunk(png, at, rgb.length, crc);

        startChunk(png, at, TRNS, 1); // its single byte is alpha 0 for index 0
        at = endChunk(png, at, 1, crc);

        data = startChunk(png, at, IDAT, compressedLength);
        System.arraycopy(compressed, 0, png, data, compressedLength);
        at = endChunk(png, at, compressedLength, crc);

        startChunk(png, at, IEND, 0);
        endChunk(png, at, 0, crc);
        return png;
    }

    /** Deflates the Up-filtered scanlines: a changed row wherever a block row starts, zero rows elsewhere. */
    private static void writeImageData(ZlibWriter zlib, int[] differences, byte[] cells, int grid, int side) {
        int block = side / grid;
        int margin = (side - block * grid) / 2;
        zlib.start();
        int zeroRows = 0;
        for (int y = 0; y < side; y++) {
            // Block row `grid` is the first row of the bottom margin: it undoes the last block row.
            boolean blockStart = y >= margin && (y - margin) % block == 0 && (y - margin) / block <= grid;
            if (blockStart && differ(differences, cells, grid, (y - margin) / block)) {
                writeZeroRows(zlib, side, zeroRows);
                writeChangedRow(zlib, differences, block, margin, side);
                zeroRows = 0;
            } else {
                zeroRows++;
            }
        }
        writeZeroRows(zlib, side, zeroRows);
    }

    /** Fills {@code differences} with each cell of {@code row} minus the cell above; true if any is not zero. */
    private static boolean differ(int[] differences, byte[] cells, int grid, int row) {
        boolean any = false;
        for (int column = 0; column < grid; column++) {
            int above = row == 0 ? 0 : cells[(row - 1) * grid + column];
            int here = row == grid ? 0 : cells[row * grid + column];
            differences[column] = here - above;
            any |= here != above;
        }
        return any;
    }

    /** Writes one scanline: filter byte, left margin, one span per cell (equal neighbours merged), right margin. */
    private static void writeChangedRow(ZlibWriter zlib, int[] differences, int block, int margin, int side) {
        zlib.run(FILTER_UP, 1);
        int value = 0;
        int count = margin;
        for (int difference : differences) {
            if (difference != value) {
                if (count > 0) {
                    zlib.run(value, count);
                }
                value = difference;
                count = 0;
            }
            count += block;
        }
        int rightMargin = side - margin - block * differences.length;
        if (value != 0) {
            zlib.run(value, count);
            value = 0;
            count = 0;
        }
        if (count + rightMargin > 0) {
            zlib.run(value, count + rightMargin);
        }
    }

    /** Writes {@code rows} rows of a filter byte and zeros: the first in full, the rest as one copy of it. */
    private static void writeZeroRows(ZlibWriter zlib, int side, int rows) {
        if (rows == 0) {
            return;
        }
        int stride = side + 1;
        zlib.run(FILTER_UP, 1);
        zlib.run(0, side);
        if (rows > 1) {
            zlib.copy(stride, (rows - 1) * stride);
            for (int row = 1; row < rows; row++) {
                zlib.checksum(FILTER_UP, 1);
                zlib.checksum(0, side);
            }
        }
    }

    private static int startChunk(byte[] png, int at, int type, int length) {
        writeInt(png, at, length);
        writeInt(png, at + 4, type);
        return at + 8;
    }

    /** Writes the CRC of the chunk's type and data and returns where the next chunk starts. */
    private static int endChunk(byte[] png, int at, int length, CRC32 crc) {
        crc.reset();
        crc.update(png, at + 4, 4 + length);
        writeInt(png, at + 8 + length, (int) crc.getValue());
        return at + CHUNK_OVERHEAD + length;
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    /** Per-thread zlib writer, checksum and scratch row of differences. */
    private static final class Workspace {
        private final ZlibWriter zlib = new ZlibWriter();
        private final CRC32 crc = new CRC32();
        private int[] differences = new int[0];

        int[] differences(int grid) {
            if (differences.length != grid) {
                differences = new int[grid];
            }
            return differences;
        }
    }
}
