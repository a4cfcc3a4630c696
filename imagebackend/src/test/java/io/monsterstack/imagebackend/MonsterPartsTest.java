package io.monsterstack.imagebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
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
            assertEquals(variants.size(), new HashSet<>(variants).size(), "duplicate variant");
        }
    }

    @Test
    void everyBodyFillsTheFace() {
        for (Part body : MonsterParts.BODIES) {
            for (int row = FACE_TOP; row <= FACE_BOTTOM; row++) {
                for (int column = FACE_LEFT; column <= FACE_RIGHT; column++) {
                    assertNotEquals(0, body.inkAt(row, column), "body leaves a hole at " + row + "," + column);
                }
            }
        }
    }

    @Test
    void eyesAndMouthsStayInTheFace() {
        for (Part feature : concat(MonsterParts.EYES, MonsterParts.MOUTHS)) {
            for (int row = 0; row < Part.GRID; row++) {
                for (int column = 0; column < Part.GRID; column++) {
                    boolean inFace = row >= FACE_TOP && row <= FACE_BOTTOM && column >= FACE_LEFT && column <= FACE_RIGHT;
                    assertTrue(feature.inkAt(row, column) == 0 || inFace,
                            "feature paints outside the face at " + row + "," + column);
                }
            }
        }
    }

    @Test
    void everyEyeHasAPupilNextToItsWhite() {
        for (Part eye : MonsterParts.EYES) {
            boolean pupilOnWhite = false;
            for (int row = FACE_TOP; row <= FACE_BOTTOM; row++) {
                for (int column = FACE_LEFT; column < FACE_RIGHT; column++) {
                    int left = eye.inkAt(row, column);
                    int right = eye.inkAt(row, column + 1);
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

    private static int count(Part part, int ink) {
        int cells = 0;
        for (int row = 0; row < Part.GRID; row++) {
            for (int column = 0; column < Part.GRID; column++) {
                cells += part.inkAt(row, column) == ink ? 1 : 0;
            }
        }
        return cells;
    }

    private static List<Part> concat(List<Part> first, List<Part> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
