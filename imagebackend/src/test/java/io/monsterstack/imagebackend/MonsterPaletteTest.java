package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Faces must read on every body: contrasts measured on decoded pictures, as WCAG defines them. */
class MonsterPaletteTest {

    private static final int SIDE = 24;
    private static final int BODY = 1;
    private static final int WHITE = Part.INKS.indexOf('o');
    private static final int PUPIL = Part.INKS.indexOf('@');
    private static final int MOUTH = Part.INKS.indexOf('m');
    private static final int TONGUE = Part.INKS.indexOf('t');

    @Test
    void faceColoursStandOutFromEveryBody() {
        for (String name : names()) {
            int[] palette = palette(MonsterRenderer.render(MonsterRenderer.seed(name), SIDE));
            assertContrast(name, "mouth on body", palette[MOUTH], palette[BODY], 3.0);
            assertContrast(name, "pupil on body", palette[PUPIL], palette[BODY], 3.5);
            assertContrast(name, "pupil on white", palette[PUPIL], palette[WHITE], 10.0);
            assertContrast(name, "eye white on body", palette[WHITE], palette[BODY], 1.9);
            assertContrast(name, "tongue in mouth", palette[TONGUE], palette[MOUTH], 3.0);
        }
    }

    @Test
    void everyFaceShowsContrastingEyesAndMouth() {
        for (String name : names()) {
            byte[] png = MonsterRenderer.render(MonsterRenderer.seed(name), SIDE);
            int body = palette(png)[BODY];
            int[] cells = PngAssertions.assertSolidBlocks(PngAssertions.decode(png, SIDE));
            assertTrue(contrastingCells(cells, body, 3, 5) >= 2, name + ": eyes stand out from the body");
            assertTrue(contrastingCells(cells, body, 6, 8) >= 4, name + ": the mouth stands out from the body");
        }
    }

    /** Names once seen muddy, then a thousand random ones. */
    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("x y z", "Ωmega", "élodie", "42", "Docker", "John Doe"));
        Random random = new Random(11);
        while (names.size() < 1006) {
            StringBuilder name = new StringBuilder();
            for (int length = 1 + random.nextInt(12); length > 0; length--) {
                name.appendCodePoint(' ' + random.nextInt(0x250));
            }
            names.add(name.toString());
        }
        return names;
    }

    private static int contrastingCells(int[] cells, int body, int firstRow, int lastRow) {
        int count = 0;
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = 3; column <= 8; column++) {
                count += contrast(cells[row * Part.GRID + column] & 0xffffff, body) >= 3 ? 1 : 0;
            }
        }
        return count;
    }

    private static int[] palette(byte[] png) {
        byte[] plte = PngAssertions.assertStrictIndexedPng(png, SIDE).get(1).data();
        int[] palette = new int[plte.length / 3];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = (plte[i * 3] & 0xff) << 16 | (plte[i * 3 + 1] & 0xff) << 8 | plte[i * 3 + 2] & 0xff;
        }
        return palette;
    }

    private static void assertContrast(String name, String what, int first, int second, double minimum) {
        double contrast = contrast(first, second);
        assertTrue(contrast >= minimum, String.format("%s: %s contrast %.2f, want %.1f or more (#%06x, #%06x)",
                name, what, contrast, minimum, first, second));
    }

    private static double contrast(int first, int second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double value = channel / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }
}
