package io.monsterstack.imagebackend;

import java.util.Arrays;

/**
 * Writes a zlib stream of one fixed-Huffman deflate block from runs of equal bytes and copies
 * of earlier bytes, as described by the caller: no searching for matches, so a picture made of
 * solid blocks deflates in a few hundred steps instead of one per byte. RFC 1950 and 1951.
 */
final class ZlibWriter {

    /** Farthest back a deflate copy may reach. */
    static final int MAX_DISTANCE = 32_768;

    private static final int MAX_MATCH = 258;
    private static final int MIN_MATCH = 3;
    private static final int END_OF_BLOCK = 256;
    private static final int ADLER_MODULUS = 65_521;

    /** Fixed Huffman codes of the literal/length symbols, bit-reversed for LSB-first output. */
    private static final int[] SYMBOL_CODES = new int[288];
    private static final int[] SYMBOL_BITS = new int[288];

    static {
        for (int symbol = 0; symbol < 288; symbol++) {
            int code;
            int bits;
            if (symbol < 144) {
                code = 0x30 + symbol;
                bits = 8;
            } else if (symbol < 256) {
                code = 0x190 + symbol - 144;
                bits = 9;
            } else if (symbol < 280) {
                code = symbol - 256;
                bits = 7;
            } else {
                code = 0xc0 + symbol - 280;
                bits = 8;
            }
            SYMBOL_CODES[symbol] = Integer.reverse(code) >>> (32 - bits);
            SYMBOL_BITS[symbol] = bits;
        }
    }

    private byte[] out = new byte[1024];
    private int length;
    private long bitBuffer;
    private int bitCount;
    private long adlerA;
    private long adlerB;

    /** Starts a new stream: zlib header (deflate, 32 KiB window) and the fixed-Huffman block header. */
    void start() {
        length = 0;
        bitBuffer = 0;
        bitCount = 0;
        adlerA = 1;
        adlerB = 0;
        writeBits(0x78, 8);
        writeBits(0x01, 8);
        writeBits(1, 1); // final block
        writeBits(1, 2); // fixed Huffman codes
    }

    /** Writes {@code count} bytes of {@code value}: one literal, then copies at distance 1. */
    void run(int value, int count) {
        checksum(value, count);
        writeSymbol(value & 0xff);
        int left = count - 1;
        while (left >= MIN_MATCH) {
            int match = Math.min(left, MAX_MATCH);
            writeMatch(1, match);
            left -= match;
        }
        for (; left > 0; left--) {
            writeSymbol(value & 0xff);
        }
    }

    /**
     * Writes {@code count} bytes copied from {@code distance} bytes back (the copy may overlap
     * itself, repeating a period). Only the deflate symbols: the caller adds the copied bytes to
     * the checksum with {@link #checksum}, since this writer does not keep the data.
     */
    void copy(int distance, int count) {
        if (distance < 1 || distance > MAX_DISTANCE || count < MIN_MATCH) {
            throw new IllegalArgumentException("copy of " + count + " bytes from " + distance + " back");
        }
        int left = count;
        while (left > 0) {
            // Never leave a tail shorter than a match can be.
            int match = left > MAX_MATCH && left - MAX_MATCH < MIN_MATCH ? left - MIN_MATCH : Math.min(left, MAX_MATCH);
            writeMatch(distance, match);
            left -= match;
        }
    }

    /** Adds {@code count} bytes of {@code value} to the Adler-32 checksum without writing them. */
    void checksum(int value, int count) {
        long n = count;
        adlerB = (adlerB + n % ADLER_MODULUS * adlerA + (n * (n + 1) / 2) % ADLER_MODULUS * (value & 0xff)) % ADLER_MODULUS;
        adlerA = (adlerA + n * (value & 0xff)) % ADLER_MODULUS;
    }

    /** Ends the block and the stream; returns the buffer, valid up to {@link #length()}. */
    byte[] finish() {
        writeSymbol(END_OF_BLOCK);
        if (bitCount > 0) {
            writeBits(0, 8 - bitCount);
        }
        long adler = adlerB << 16 | adlerA;
        for (int shift = 24; shift >= 0; shift -= 8) {
            writeBits((int) (adler >>> shift) & 0xff, 8);
        }
        return out;
    }

    int length() {
        return length;
    }

    private void writeMatch(int distance, int match) {
        int x = match - MIN_MATCH;
        if (match == MAX_MATCH) {
            writeSymbol(285);
        } else if (x < 8) {
            writeSymbol(257 + x);
        } else {
            int extra = 29 - Integer.numberOfLeadingZeros(x); // floor(log2 x) - 2
            int group = x >>> extra & 3;
            writeSymbol(257 + 4 * (extra + 1) + group);
            writeBits(x - ((4 | group) << extra), extra);
        }
        int d = distance - 1;
        if (d < 4) {
            writeBits(Integer.reverse(d) >>> 27, 5);
        } else {
            int extra = 30 - Integer.numberOfLeadingZeros(d); // floor(log2 d) - 1
            int half = d >>> extra & 1;
            writeBits(Integer.reverse(2 * extra + 2 + half) >>> 27, 5);
            writeBits(d - ((2 | half) << extra), extra);
        }
    }

    private void writeSymbol(int symbol) {
        writeBits(SYMBOL_CODES[symbol], SYMBOL_BITS[symbol]);
    }

    private void writeBits(int bits, int count) {
        bitBuffer |= (long) bits << bitCount;
        bitCount += count;
        if (length + 8 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        while (bitCount >= 8) {
            out[length++] = (byte) bitBuffer;
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }
}
