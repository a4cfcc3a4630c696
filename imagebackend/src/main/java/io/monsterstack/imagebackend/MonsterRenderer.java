package io.monsterstack.imagebackend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Draws the monster of a name as a PNG; parts and colours come from the SHA-256 of the name. */
public final class MonsterRenderer {

    /** Version of the art, part of every ETag: bump it whenever any name's picture changes. */
    public static final int ART_VERSION = 2;

    /** Smallest side in pixels: one pixel per grid cell. */
    public static final int MIN_SIDE = Part.GRID;

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private MonsterRenderer() {
    }

    /** The seed of a name: SHA-256 of its UTF-8 bytes, the same on every JVM. */
    public static byte[] seed(String name) {
        return SHA_256.get().digest(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The PNG, {@code side}×{@code side} pixels, of the monster grown from {@code seed}. */
    public static byte[] render(byte[] seed, int side) {
        return PngEncoder.encode(grid(seed), Part.GRID, Math.max(side, MIN_SIDE), MonsterPalette.rgb(seed));
    }

    /** The monster as palette indices on the 12×12 grid, parts painted back to front. */
    static byte[] grid(byte[] seed) {
        byte[] grid = new byte[Part.GRID * Part.GRID];
        choose(MonsterParts.LEGS, seed, 0).paint(grid);
        choose(MonsterParts.HAIR, seed, 2).paint(grid);
        choose(MonsterParts.ARMS, seed, 4).paint(grid);
        choose(MonsterParts.BODIES, seed, 6).paint(grid);
        choose(MonsterParts.EYES, seed, 8).paint(grid);
        choose(MonsterParts.MOUTHS, seed, 10).paint(grid);
        return grid;
    }

    /** A number below {@code bound} from the two seed bytes at {@code at}; 16 bits keep the modulo bias negligible. */
    static int pick(byte[] seed, int at, int bound) {
        int value = (seed[at] & 0xff) << 8 | seed[at + 1] & 0xff;
        return value % bound;
    }

    private static Part choose(List<Part> variants, byte[] seed, int at) {
        return variants.get(pick(seed, at, variants.size()));
    }
}
