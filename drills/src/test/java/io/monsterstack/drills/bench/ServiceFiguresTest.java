package io.monsterstack.drills.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceFiguresTest {

    private final List<ServiceFigures> services = ServiceFigures.fromFacts(Fixtures.facts());

    @Test
    void eachFactIsTheMedianOfItsSamplesInTheOrderTheFactsNameTheServices() {
        assertEquals(List.of("imagebackend", "frontend"), services.stream().map(ServiceFigures::name).toList());
        ServiceFigures frontend = services.get(1);
        assertEquals(800, frontend.ms("ready_ms"));
        assertEquals(1100, frontend.ms("ready_cpu_ms"));
        assertEquals(400, frontend.ms("ready_quarkus_started_ms"));  // an empty value is no sample
        assertEquals(List.of(900L, 700L, 800L, 1000L, 600L), frontend.readyMsSamples());
        assertEquals(2.5, ServiceFigures.median(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void theFloorsAreTheCpuUntilReadyAndHealthyOverTheStacksCpus() {
        ServiceFigures frontend = services.get(1);
        assertEquals(0.5, frontend.cpuLimit());
        assertEquals(2.2, frontend.readyFloorS());  // 1100 ms / 0.5
        assertEquals(9.0, frontend.healthyFloorS());  // 4500 ms / 0.5
        assertEquals(5.0, services.get(0).healthyFloorS());  // 1500 ms / 0.3
    }

    @Test
    void aServiceWithoutItsCpuLimitIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ServiceFigures.fromFacts(List.of("frontend\tready_ms\t1")));
        assertThrows(IllegalArgumentException.class, () -> ServiceFigures.fromFacts(List.of("frontend ready_ms 1")));
    }
}
