package io.monsterstack.drills;

/** A drill: its steps, then, whatever happened, its teardown. */
interface Drill {

    /** The steps; a failed check throws. */
    void run() throws Exception;

    /**
     * Removes what the drill made (also after a failure or a stop) and prints its table; false when
     * the teardown itself left something behind.
     */
    boolean teardown(boolean failed);
}
