package io.monsterstack.imagebackend;

/**
 * The colours of a monster, derived from its seed: a body colour from a pleasant range of hues,
 * its shade, an accent hue, and the face's own colours (eye whites, pupils, mouth, tongue).
 * Index order matches {@link Part#INKS}.
 */
final class MonsterPalette {

    /** Hue turns from the body to the accent colour: complementary, split and analogous. */
    private static final int[] ACCENT_TURNS = {180, 150, 210, 120, 240, 45, 315};

    /**
     * Body luminance bounds (WCAG relative luminance): above the floor a dark mouth and pupils stand
     * out from the body (contrast 3:1 or more), below the ceiling eye whites still show.
     */
    static final double BODY_MIN_LUMINANCE = 0.20;
    static final double BODY_MAX_LUMINANCE = 0.42;

    /**
     * WCAG's linear value of each 8-bit sRGB channel value, computed once with StrictMath (which keeps
     * every JVM's picture identical): finding a readable body asks for up to 75 luminances a monster.
     */
    private static final double[] LINEAR = new double[256];

    static {
        for (int channel = 0; channel < LINEAR.length; channel++) {
            double value = channel / 255.0;
            LINEAR[channel] = value <= 0.04045 ? value / 12.92 : StrictMath.pow((value + 0.055) / 1.055, 2.4);
        }
    }

    private MonsterPalette() {
    }

    /** Three bytes per palette entry: transparent, body, shade, accent, white, pupil, mouth, tongue. */
    static byte[] rgb(byte[] seed) {
        double hue = MonsterRenderer.pick(seed, 12, 360);
        double saturation = 0.45 + 0.35 * MonsterRenderer.pick(seed, 14, 256) / 255.0;
        double lightness = readable(hue, saturation, 0.50 + 0.14 * MonsterRenderer.pick(seed, 16, 256) / 255.0);
        double accentHue = (hue + ACCENT_TURNS[MonsterRenderer.pick(seed, 18, ACCENT_TURNS.length)]) % 360;

        int[] colours = {
            0,
            hsl(hue, saturation, lightness),
            hsl(hue, saturation, lightness - 0.18),
            hsl(accentHue, 0.75, 0.58),
            hsl(hue, 0.40, 0.97),
            hsl(hue, 0.50, 0.09),
            hsl(350, 0.62, 0.22),
            hsl(350, 0.85, 0.70),
        };
        byte[] rgb = new byte[colours.length * 3];
        for (int i = 0; i < colours.length; i++) {
            rgb[i * 3] = (byte) (colours[i] >> 16);
            rgb[i * 3 + 1] = (byte) (colours[i] >> 8);
            rgb[i * 3 + 2] = (byte) colours[i];
        }
        return rgb;
    }

    /** The lightness nearest to {@code lightness} that keeps the body's luminance within its bounds. */
    private static double readable(double hue, double saturation, double lightness) {
        double luminance = luminance(hsl(hue, saturation, lightness));
        if (luminance < BODY_MIN_LUMINANCE) {
            return crossing(hue, saturation, lightness, 0.95, BODY_MIN_LUMINANCE, true);
        }
        if (luminance > BODY_MAX_LUMINANCE) {
            return crossing(hue, saturation, 0.05, lightness, BODY_MAX_LUMINANCE, false);
        }
        return lightness;
    }

    /**
     * The lightness in [low, high] where the luminance crosses {@code target}: just at or above it, or
     * just below it. Luminance grows with lightness at a fixed hue and saturation, so bisection works.
     */
    private static double crossing(double hue, double saturation, double low, double high, double target,
            boolean atLeast) {
        for (int i = 0; i < 24; i++) {
            double middle = (low + high) / 2;
            if (luminance(hsl(hue, saturation, middle)) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return atLeast ? high : low;
    }

    /** WCAG relative luminance of a 0xRRGGBB colour. */
    static double luminance(int rgb) {
        return 0.2126 * LINEAR[rgb >> 16 & 0xff] + 0.7152 * LINEAR[rgb >> 8 & 0xff] + 0.0722 * LINEAR[rgb & 0xff];
    }

    private static int hsl(double hue, double saturation, double lightness) {
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
        return channel(red + base) << 16 | channel(green + base) << 8 | channel(blue + base);
    }

    private static int channel(double value) {
        return (int) Math.round(value * 255);
    }
}
