package io.monsterstack.drills.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ServerCountTest {

    @Test
    void anIncreaseCountsTasksThatCameMeanwhileWhole() {
        assertEquals("sum((max_over_time(c{service=\"frontend\"}[90s]) - c{service=\"frontend\"} offset 90s)"
                + " or max_over_time(c{service=\"frontend\"}[90s]))", ServerCount.increase("c{service=\"frontend\"}", 90));
    }

    @Test
    void readsTheOneValueOfAnInstantQuery() {
        String answer = """
                {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1764643200.123,"16576.000000001"]}]}}""";
        assertEquals(Optional.of(16576.000000001), ServerCount.value(answer));
        assertEquals(Optional.empty(), ServerCount.value("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
    }
}
