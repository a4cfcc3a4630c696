package io.monsterstack.drills.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EdgeCountTest {

    // The columns HAProxy 2.6 writes, cut to the first ones and those the drills read, in its order.
    private static final String CSV = """
            # pxname,svname,qcur,econ,eresp,wretr,wredis,status,hrsp_5xx,
            web,FRONTEND,,,,,,OPEN,12,
            frontend_tasks,task1,0,1,0,2,1,UP,0,
            frontend_tasks,BACKEND,0,3,4,5,2,UP,7,
            monitor,FRONTEND,,,,,,OPEN,0,
            """;

    @Test
    void readsThePoolsRetriesAndErrorsAndTheSites5xxByColumnName() {
        assertEquals(new EdgeCount(5, 2, 3, 4, 12), EdgeCount.parse(CSV));
    }

    @Test
    void aStepCountsOnlyEnginesWhoseEdgeAnsweredBeforeAndAfter() {
        Map<String, EdgeCount> before = Map.of("node-1", new EdgeCount(5, 2, 3, 4, 12), "node-2", new EdgeCount(1, 0, 0, 0, 0));
        Map<String, EdgeCount> after = Map.of("node-1", new EdgeCount(6, 2, 3, 5, 12), "node-3", new EdgeCount(9, 9, 9, 9, 9));
        assertEquals(Optional.of(new EdgeCount(1, 0, 0, 1, 0)), EdgeCounters.delta(before, after));
        assertEquals(Optional.empty(), EdgeCounters.delta(Map.of(), Map.of()), "no edge: the routing mesh");
    }
}
