package io.monsterstack.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusterStatusTest {

    @Test
    void readsTheUsedMemoryOfDockerStatsInMebibytes() {
        assertEquals(123.4, ClusterStatus.mebibytes("123.4MiB / 23.44GiB"), 1e-9);
        assertEquals(1536, ClusterStatus.mebibytes("1.5GiB / 23.44GiB"), 1e-9);
        assertEquals(0.5, ClusterStatus.mebibytes("512KiB / 23.44GiB"), 1e-9);
    }
}
