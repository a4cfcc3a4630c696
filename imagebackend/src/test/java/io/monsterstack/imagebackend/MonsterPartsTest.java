package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MonsterPartsTest {

    private static final int FACE_TOP = 3;
    private static final int FACE_BOTTOM = 8;
    private static final int FACE_LEFT = 3;
    private static final int FACE_RIGHT = 8;
    private static final int WHITE = Part.INKS.indexOf('o');
    private static final int PUPIL = Part.INKS.indexOf('@');
    private static final int MOUTH = Part.INKS.indexOf('m');
    private static final int TONGUE = Part.INKS.indexOf('t');

    @Test
    void hasEnoughVariantsOfEveryPart() {
        assertTrue(MonsterParts.LEGS.size() >= 10);
        assertTrue(MonsterParts.HAIR.size() >= 10);
        assertTrue(MonsterParts.ARMS.size() >= 10);
        assertTrue(MonsterParts.BODIES.size() >= 10);
        assertTrue(MonsterParts.EYES.size() >= 8);
        assertTrue(MonsterParts.MOUTHS.size() >= 8);
    }

    @Test
    void drawsEveryVariantDifferently() {
        for (List<Part> variants : List.of(MonsterParts.LEGS, MonsterParts.HAIR, MonsterParts.ARMS,
                MonsterParts.BODIES, MonsterParts.EYES, MonsterParts.MOUTHS)) {
            assertEquals(variants.size(), variants.stream().map(part -> Arrays.toString(cells(part))).distinct().count(),
                    "duplicate variant");
        }
    }

    @Test
    void everyBodyFillsTheFace() {
        for (Part body : MonsterParts.BODIES) {
            byte[] cells = cells(body);
            for (int row = FACE_TOP; row <= FACE_BOTTOM; row++) {
                for (int column = FACE_LEFT; column <= FACE_RIGHT; column++) {
                    assertNotEquals(0, cells[row * Part.GRID + column], "body leaves a hole at " + row + "," + column);
                }
            }
        }
    }

    @Test
    void eyesAndMouthsStayInTheFace() {
        for (Part feature : concat(MonsterParts.EYES, MonsterParts.MOUTHS)) {
            byte[] cells = cells(feature);
            for (int row = 0; row < Part.GRID; row++) {
                for (int column = 0; column < Part.GRID; column++) {
                    boolean inFace = row >= FACE_TOP && row <= FACE_BOTTOM && column >= FACE_LEFT && column <= FACE_RIGHT;
                    assertTrue(cells[row * Part.GRID + column] == 0 || inFace,
                            "feature paints outside the face at " + row + "," + column);
                }
            }
        }
    }

    @Test
    void everyEyeHasAPupilNextToItsWhite() {
        for (Part eye : MonsterParts.EYES) {
            byte[] cells = cells(eye);
            boolean pupilOnWhite = false;
            for (int row = FACE_TOP; row <= FACE_BOTTOM; row++) {
                for (int column = FACE_LEFT; column < FACE_RIGHT; column++) {
                    int left = cells[row * Part.GRID + column];
                    int right = cells[row * Part.GRID + column + 1];
                    pupilOnWhite |= left == PUPIL && right == WHITE || left == WHITE && right == PUPIL;
                }
            }
            assertTrue(pupilOnWhite, "every eye shows a pupil beside white");
        }
    }

    @Test
    void everyMouthOpensDarkWithTeethOrTongueInMostOfThem() {
        int withTeethOrTongue = 0;
        for (Part mouth : MonsterParts.MOUTHS) {
            assertTrue(count(mouth, MOUTH) >= 4, "every mouth shows its dark inside");
            if (count(mouth, WHITE) + count(mouth, TONGUE) > 0) {
                withTeethOrTongue++;
            }
        }
        assertTrue(withTeethOrTongue * 2 > MonsterParts.MOUTHS.size(), "most mouths show teeth or a tongue");
    }

    @Test
    void onlyFacesUseTheFaceColours() {
        for (List<Part> variants : List.of(MonsterParts.LEGS, MonsterParts.HAIR, MonsterParts.ARMS, MonsterParts.BODIES)) {
            for (Part part : variants) {
                assertEquals(0, count(part, PUPIL) + count(part, MOUTH) + count(part, TONGUE),
                        "body parts leave pupils, mouths and tongues to the face");
            }
        }
        for (Part eye : MonsterParts.EYES) {
            assertEquals(0, count(eye, MOUTH) + count(eye, TONGUE), "eyes use no mouth colours");
        }
        for (Part mouth : MonsterParts.MOUTHS) {
            assertEquals(0, count(mouth, PUPIL), "mouths use no pupil colour");
        }
    }

    @Test
    void refusesMalformedArt() {
        assertThrows(IllegalArgumentException.class, () -> Part.rows(0, "..."));
        assertThrows(IllegalArgumentException.class, () -> Part.rows(0, "...?........"));
        assertThrows(IllegalArgumentException.class, () -> Part.rows(11, "............", "............"));
    }

    /** What the part paints on an empty grid: a palette index per cell, row-major, 0 where it paints nothing. */
    private static byte[] cells(Part part) {
        byte[] grid = new byte[Part.GRID * Part.GRID];
        part.paint(grid);
        return grid;
    }

    private static int count(Part part, int ink) {
        int count = 0;
        for (byte cell : cells(part)) {
            count += cell == ink ? 1 : 0;
        }
        return count;
    }

    private static List<Part> concat(List<Part> first, List<Part> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
