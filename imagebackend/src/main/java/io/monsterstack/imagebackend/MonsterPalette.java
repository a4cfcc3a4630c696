package io.monsterstack.imagebackend;

/**
 * The colours of a monster, derived from its seed: a body colour from a pleasant range of hues,
 * its shade, an accent hue, a tinted white and a dark ink. Index order matches {@link Part#INKS}.
 */
final class MonsterPalette {

    /** Hue turns from the body to the accent colour: complementary, split and analogous. */
    private static final int[] ACCENT_TURNS = {180, 150, 210, 120, 240, 45, 315};

    private MonsterPalette() {
    }

    /** Three bytes per palette entry: transparent, body, shade, accent, white, ink. */
    static byte[] rgb(byte[] seed) {
        double hue = MonsterRenderer.pick(seed, 12, 360);
        double saturation = 0.45 + 0.35 * MonsterRenderer.pick(seed, 14, 256) / 255.0;
        double lightness = 0.50 + 0.14 * MonsterRenderer.pick(seed, 16, 256) / 255.0;
        double accentHue = (hue + ACCENT_TURNS[MonsterRenderer.pick(seed, 18, ACCENT_TURNS.length)]) % 360;

        byte[] rgb = new byte[Part.INKS.length() * 3];
        hsl(rgb, 1, hue, saturation, lightness);
        hsl(rgb, 2, hue, saturation, lightness - 0.20);
        hsl(rgb, 3, accentHue, 0.75, 0.58);
        hsl(rgb, 4, hue, 0.40, 0.96);
        hsl(rgb, 5, hue, 0.45, 0.13);
        return rgb;
    }

    private static void hsl(byte[] rgb, int index, double hue, double saturation, double lightness) {
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double sector = hue / 60;
        double second = chroma * (1 - Math.abs(sector % 2 - 1));
        double red = 0;
        double green = 0;
        double blue = 0;
        switch ((int) sector) {
            case 0 -> { red = chroma; green = second; }
            case 1 -> { red = second; green = chroma; }
            case 2 -> { green = chroma; blue = second; }
            case 3 -> { green = second; blue = chroma; }
            case 4 -> { red = second; blue = chroma; }
            default -> { red = chroma; blue = second; }
        }
        double base = lightness - chroma / 2;
        rgb[index * 3] = (byte) Math.round((red + base) * 255);
        rgb[index * 3 + 1] = (byte) Math.round((green + base) * 255);
        rgb[index * 3 + 2] = (byte) Math.round((blue + base) * 255);
    }
}
