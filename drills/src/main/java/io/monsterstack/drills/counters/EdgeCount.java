package io.monsterstack.drills.counters;

import java.util.HashMap;
import java.util.Map;

/**
 * The edge's counters that a clean step leaves at 0: requests retried (a redispatch is a retry sent
 * to another task, which HAProxy counts in both columns, so it is never added twice), connection and
 * response errors towards the tasks, 5xx answers to the clients.
 */
public record EdgeCount(long retries, long redispatches, long connectionErrors, long responseErrors, long client5xx) {

    public static final EdgeCount ZERO = new EdgeCount(0, 0, 0, 0, 0);

    /** From HAProxy's {@code /stats;csv}: the pool of frontend tasks and the site's listener, columns found by name. */
    public static EdgeCount parse(String csv) {
        String[] lines = csv.split("\n");
        String[] header = lines[0].replaceFirst("^# ", "").split(",", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        long retries = 0;
        long redispatches = 0;
        long connectionErrors = 0;
        long responseErrors = 0;
        long client5xx = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] row = lines[i].split(",", -1);
            if (row.length < header.length) {
                continue;
            }
            if (row[0].equals("frontend_tasks") && row[1].equals("BACKEND")) {
                retries = number(row[column.get("wretr")]);
                redispatches = number(row[column.get("wredis")]);
                connectionErrors = number(row[column.get("econ")]);
                responseErrors = number(row[column.get("eresp")]);
            } else if (row[0].equals("web") && row[1].equals("FRONTEND")) {
                client5xx = number(row[column.get("hrsp_5xx")]);
            }
        }
        return new EdgeCount(retries, redispatches, connectionErrors, responseErrors, client5xx);
    }

    private static long number(String field) {
        return field.isEmpty() ? 0 : Long.parseLong(field);
    }

    public EdgeCount minus(EdgeCount before) {
        return new EdgeCount(retries - before.retries, redispatches - before.redispatches,
                connectionErrors - before.connectionErrors, responseErrors - before.responseErrors, client5xx - before.client5xx);
    }

    public EdgeCount plus(EdgeCount other) {
        return new EdgeCount(retries + other.retries, redispatches + other.redispatches,
                connectionErrors + other.connectionErrors, responseErrors + other.responseErrors, client5xx + other.client5xx);
    }

    public long errorsTowardsTasks() {
        return connectionErrors + responseErrors;
    }
}
