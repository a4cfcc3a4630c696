package io.monsterstack.imagebackend;

/**
 * One drawn variant of a body part: some rows of the 12×12 grid, starting at row {@code top}.
 *
 * <p>Ink: {@code .} leaves the cell alone, {@code #} body colour, {@code =} body shade,
 * {@code *} accent colour, {@code o} white (eyes, teeth, horns), and the face's own:
 * {@code @} pupil, {@code m} inside of the mouth, {@code t} tongue.
 */
public final class Part {

    /** Side of the monster grid, in cells. */
    public static final int GRID = 12;

    /** Characters of the art, at the index of the palette colour they paint. */
    static final String INKS = ".#=*o@mt";

    private final byte[] cells = new byte[GRID * GRID];

    private Part(int top, String... rows) {
        if (top < 0 || top + rows.length > GRID) {
            throw new IllegalArgumentException("part rows " + top + ".." + (top + rows.length) + " leave the grid");
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length() != GRID) {
                throw new IllegalArgumentException("row '" + rows[r] + "' is not " + GRID + " cells wide");
            }
            for (int c = 0; c < GRID; c++) {
                int ink = INKS.indexOf(rows[r].charAt(c));
                if (ink < 0) {
                    throw new IllegalArgumentException("unknown ink '" + rows[r].charAt(c) + "' in '" + rows[r] + "'");
                }
                cells[(top + r) * GRID + c] = (byte) ink;
            }
        }
    }

    /** A part whose first row is grid row {@code top}. */
    static Part rows(int top, String... rows) {
        return new Part(top, rows);
    }

    /** Paints this part over {@code grid} (palette indices, row-major); blank cells keep what is there. */
    void paint(byte[] grid) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != 0) {
                grid[i] = cells[i];
            }
        }
    }
}
