package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;

/** Test helper: a strict reading of our PNGs, chunk by chunk, and checks on the decoded picture. */
final class PngAssertions {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngAssertions() {
    }

    /** One chunk: its four-letter type and its data. */
    record Chunk(String type, byte[] data) {
    }

    /**
     * Checks signature, chunk CRCs, chunk order, the IHDR fields and the inflated scanlines of
     * a square indexed PNG with side {@code side}; returns the chunks.
     */
    static List<Chunk> assertStrictIndexedPng(byte[] png, int side) {
        ByteBuffer in = ByteBuffer.wrap(png);
        byte[] signature = new byte[SIGNATURE.length];
        in.get(signature);
        assertArrayEquals(SIGNATURE, signature, "PNG signature");
        List<Chunk> chunks = new ArrayList<>();
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] typeAndData = new byte[4 + length];
            in.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            assertEquals((int) crc.getValue(), in.getInt(), "CRC of " + type);
            byte[] data = new byte[length];
            System.arraycopy(typeAndData, 4, data, 0, length);
            chunks.add(new Chunk(type, data));
        }
        assertEquals(List.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND"), chunks.stream().map(Chunk::type).toList());

        ByteBuffer header = ByteBuffer.wrap(chunks.get(0).data());
        assertEquals(13, header.capacity(), "IHDR length");
        assertEquals(side, header.getInt(), "width");
        assertEquals(side, header.getInt(), "height");
        assertArrayEquals(new byte[] {8, 3, 0, 0, 0}, new byte[] {header.get(), header.get(), header.get(), header.get(), header.get()},
                "bit depth 8, indexed colour, deflate, adaptive filtering, no interlace");

        int paletteLength = chunks.get(1).data().length;
        assertTrue(paletteLength > 0 && paletteLength % 3 == 0 && paletteLength <= 256 * 3, "PLTE length " + paletteLength);
        byte[] alpha = chunks.get(2).data();
        assertTrue(alpha.length <= paletteLength / 3, "tRNS no longer than the palette");
        assertEquals(0, alpha[0], "palette entry 0 is transparent");
        assertEquals(0, chunks.get(4).data().length, "IEND is empty");

        byte[] scanlines = inflate(chunks.get(3).data());
        assertEquals(side * (side + 1), scanlines.length, "scanline bytes");
        for (int y = 0; y < side; y++) {
            int filter = scanlines[y * (side + 1)];
            assertTrue(filter >= 0 && filter <= 4, "filter type of row " + y);
        }
        return chunks;
    }

    /** The picture as ImageIO decodes it, with its side checked. */
    static BufferedImage decode(byte[] png, int side) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(side, image.getWidth(), "width");
            assertEquals(side, image.getHeight(), "height");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts the 12×12 cells are solid blocks of {@code side / 12} pixels, centred, with fully
     * transparent pixels around them; returns the ARGB colour of each cell, row-major.
     */
    static int[] assertSolidBlocks(BufferedImage image) {
        int side = image.getWidth();
        int block = side / Part.GRID;
        int margin = (side - block * Part.GRID) / 2;
        int[] cells = new int[Part.GRID * Part.GRID];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int argb = image.getRGB(x, y);
                int column = Math.floorDiv(x - margin, block);
                int row = Math.floorDiv(y - margin, block);
                if (column < 0 || row < 0 || column >= Part.GRID || row >= Part.GRID) {
                    assertEquals(0, argb >>> 24, "margin pixel " + x + "," + y + " is transparent");
                } else if (x == margin + column * block && y == margin + row * block) {
                    cells[row * Part.GRID + column] = argb;
                } else {
                    assertEquals(cells[row * Part.GRID + column], argb, "pixel " + x + "," + y + " matches its cell");
                }
            }
        }
        return cells;
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                assertTrue(n > 0 || !inflater.needsInput(), "IDAT is a complete zlib stream");
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new AssertionError("IDAT is not valid zlib data", e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
