package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark compares equal outputs: the Deflater variant has the same chunks and decodes to PngEncoder's very pixels. */
class DeflaterPngEncoderTest {

    @ParameterizedTest
    @CsvSource({
        "Docker,    12", "Docker,   100", "Docker,   1024",
        "John Doe,  12", "John Doe, 100", "John Doe, 1024",
        "Zoë 怪物,  13", "Zoë 怪物,  100", "Zoë 怪物,  1024",
        "name-7,    23", "name-7,   240", "name-7,   1023",
    })
    void decodesToTheSamePixelsAsPngEncoder(String name, int side) {
        byte[] seed = MonsterRenderer.seed(name);
        byte[] cells = MonsterRenderer.grid(seed);
        byte[] rgb = MonsterPalette.rgb(seed);
        byte[] ours = PngEncoder.encode(cells, Part.GRID, side, rgb);
        byte[] deflated = DeflaterPngEncoder.encode(cells, Part.GRID, side, rgb);

        List<PngAssertions.Chunk> ourChunks = PngAssertions.assertStrictIndexedPng(ours, side);
        List<PngAssertions.Chunk> deflatedChunks = PngAssertions.assertStrictIndexedPng(deflated, side);
        for (int i = 0; i < ourChunks.size(); i++) {
            if (!ourChunks.get(i).type().equals("IDAT")) {
                assertArrayEquals(ourChunks.get(i).data(), deflatedChunks.get(i).data(), ourChunks.get(i).type());
            }
        }
        assertArrayEquals(pixels(PngAssertions.decode(ours, side)), pixels(PngAssertions.decode(deflated, side)),
                name + " at " + side + " px");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
