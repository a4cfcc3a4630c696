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
    private static final int INK = Part.INKS.indexOf('@');

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
    void eyesAndMouthsStayInTheFaceAndShowDarkOrWhite() {
        for (Part feature : concat(MonsterParts.EYES, MonsterParts.MOUTHS)) {
            boolean visible = false;
            for (int row = 0; row < Part.GRID; row++) {
                for (int column = 0; column < Part.GRID; column++) {
                    int ink = feature.inkAt(row, column);
                    boolean inFace = row >= FACE_TOP && row <= FACE_BOTTOM && column >= FACE_LEFT && column <= FACE_RIGHT;
                    assertTrue(ink == 0 || inFace, "feature paints outside the face at " + row + "," + column);
                    visible |= ink == WHITE || ink == INK;
                }
            }
            assertTrue(visible, "every eye and mouth shows white or ink against the body");
        }
    }

    @Test
    void refusesMalformedArt() {
        assertThrows(IllegalArgumentException.class, () -> Part.rows(0, "..."));
        assertThrows(IllegalArgumentException.class, () -> Part.rows(0, "...?........"));
        assertThrows(IllegalArgumentException.class, () -> Part.rows(11, "............", "............"));
    }

    private static List<Part> concat(List<Part> first, List<Part> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
