package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MonsterRendererTest {

    private static byte[] render(String name, int side) {
        return MonsterRenderer.render(MonsterRenderer.seed(name), side);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 13, 20, 23, 100, 240, 1024})
    void drawsStrictSquarePngOfSolidCentredBlocks(int side) {
        byte[] png = render("Docker", side);
        PngAssertions.assertStrictIndexedPng(png, side);
        BufferedImage image = PngAssertions.decode(png, side);
        int[] cells = PngAssertions.assertSolidBlocks(image);

        byte[] grid = MonsterRenderer.grid(MonsterRenderer.seed("Docker"));
        for (int i = 0; i < grid.length; i++) {
            assertEquals(grid[i] == 0, cells[i] >>> 24 == 0, "cell " + i + " is transparent exactly where the grid is empty");
            assertTrue(cells[i] >>> 24 == 0 || cells[i] >>> 24 == 0xff, "cell " + i + " is fully opaque or fully transparent");
        }
    }

    @Test
    void leavesTheGridBorderPartlyTransparent() {
        BufferedImage image = PngAssertions.decode(render("John Doe", 120), 120);
        assertEquals(0, image.getRGB(0, 0) >>> 24, "top-left corner shows the background");
        assertEquals(0, image.getRGB(119, 119) >>> 24, "bottom-right corner shows the background");
    }

    @Test
    void raisesSidesBelowTheGridToTwelve() {
        PngAssertions.decode(render("tiny", 3), MonsterRenderer.MIN_SIDE);
    }

    @Test
    void refusesSidesTheEncoderCannotDraw() {
        byte[] cells = new byte[Part.GRID * Part.GRID];
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(cells, Part.GRID, 11, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(cells, Part.GRID, PngEncoder.MAX_SIDE, new byte[3]));
    }

    @Test
    void rendersTheSameBytesForTheSameName() {
        assertArrayEquals(render("Zoë 怪物", 100), render("Zoë 怪物", 100));
    }

    @Test
    void doesNotFoldRepeatedNames() {
        assertFalse(Arrays.equals(render("ab", 100), render("abab", 100)));
        assertFalse(Arrays.equals(render("a", 100), render("a ", 100)));
    }

    @ParameterizedTest
    @CsvSource({
        "Docker,   100, 99f4d6d165a9098eec128ccb666959a2dfb77f963a07ad012b79a8b6a7d6fc12",
        "John Doe, 20,  037b529d797f588b21ba9cdfedccbbfdc8bca000e5c9389097252a9a4fdf8846",
        "Zoë 怪物,  240, c9057550386af282f91b195e2be8492f8a8c399fe862a2b994fb0b432aa8b8c9",
    })
    void matchesPinnedPicturesOfThisArtVersion(String name, int side, String sha256) {
        // An intended art change updates these hashes and bumps MonsterRenderer.ART_VERSION.
        assertEquals(2, MonsterRenderer.ART_VERSION);
        assertEquals(sha256, sha256(render(name, side)));
    }

    @Test
    void givesDistinctPicturesToNearlyAllOfAThousandRandomNames() {
        Random random = new Random(20_261_122);
        Set<String> names = new HashSet<>();
        while (names.size() < 1000) {
            StringBuilder name = new StringBuilder();
            for (int length = 1 + random.nextInt(16); length > 0; length--) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            names.add(name.toString());
        }
        Set<String> pictures = new HashSet<>();
        for (String name : names) {
            pictures.add(sha256(render(name, 60)));
        }
        assertTrue(pictures.size() >= 990, pictures.size() + " distinct pictures for 1000 distinct names");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
