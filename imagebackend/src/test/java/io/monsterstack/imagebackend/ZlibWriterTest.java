package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class ZlibWriterTest {

    @Test
    void writesRunsOfEveryMatchLengthThatInflateBack() throws DataFormatException {
        ZlibWriter zlib = new ZlibWriter();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        zlib.start();
        for (int count = 1; count <= 600; count++) {
            int value = count * 37 & 0xff;
            zlib.run(value, count);
            for (int i = 0; i < count; i++) {
                expected.write(value);
            }
        }
        assertArrayEquals(expected.toByteArray(), inflate(zlib));
    }

    @Test
    void writesCopiesFromEveryDistanceThatInflateBack() throws DataFormatException {
        Random random = new Random(7);
        ZlibWriter zlib = new ZlibWriter();
        byte[] expected = new byte[200_000];
        int length = 0;
        zlib.start();
        // Enough distinct bytes first for copies from as far back as the window allows.
        for (; length < ZlibWriter.MAX_DISTANCE; length++) {
            expected[length] = (byte) random.nextInt(256);
            zlib.run(expected[length], 1);
        }
        int[] distances = IntStream.concat(
                IntStream.iterate(1, d -> d < ZlibWriter.MAX_DISTANCE, d -> d * 3 / 2 + 1),
                IntStream.of(ZlibWriter.MAX_DISTANCE)).toArray();
        for (int distance : distances) {
            for (int count : new int[] {3, 4, 10, 11, 114, 115, 257, 258, 259, 260, 261, 517, 1000 + distance % 7}) {
                zlib.copy(distance, count);
                for (int i = 0; i < count; i++, length++) {
                    expected[length] = expected[length - distance];
                    zlib.checksum(expected[length], 1);
                }
            }
        }
        assertArrayEquals(Arrays.copyOf(expected, length), inflate(zlib));
    }

    @Test
    void refusesCopiesDeflateCannotExpress() {
        ZlibWriter zlib = new ZlibWriter();
        zlib.start();
        zlib.run(0, 40_000);
        assertThrows(IllegalArgumentException.class, () -> zlib.copy(ZlibWriter.MAX_DISTANCE + 1, 10));
        assertThrows(IllegalArgumentException.class, () -> zlib.copy(1, 2));
        assertThrows(IllegalArgumentException.class, () -> zlib.copy(0, 10));
    }

    /** Inflates with the JDK's zlib, which also verifies the Adler-32 checksum at the end. */
    private static byte[] inflate(ZlibWriter zlib) throws DataFormatException {
        byte[] compressed = zlib.finish();
        Inflater inflater = new Inflater();
        inflater.setInput(compressed, 0, zlib.length());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_536];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                throw new DataFormatException("stream ends early");
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }
}
