package io.monsterstack.service.metrics;

import java.util.List;

/**
 * A service's route templates, matched against request paths: a {@code {name}} segment stands for
 * any one non-empty segment. What a path matches is the {@code uri} label of its request, so that
 * no name or hash a visitor typed ever becomes a label value.
 */
final class RouteTemplates {

    /** The label of a path that matches no template. */
    static final String UNKNOWN = "UNKNOWN";

    private final List<String> templates;
    // Per template, its segments after the leading '/', and which of them are placeholders.
    private final String[][] segments;
    private final boolean[][] placeholders;

    RouteTemplates(List<String> templates) {
        this.templates = List.copyOf(templates);
        this.segments = new String[templates.size()][];
        this.placeholders = new boolean[templates.size()][];
        for (int t = 0; t < templates.size(); t++) {
            String template = templates.get(t);
            if (!template.startsWith("/")) {
                throw new IllegalArgumentException("a route template starts with '/': " + template);
            }
            segments[t] = template.equals("/") ? new String[0] : template.substring(1).split("/", -1);
            placeholders[t] = new boolean[segments[t].length];
            for (int s = 0; s < segments[t].length; s++) {
                placeholders[t][s] = segments[t][s].startsWith("{") && segments[t][s].endsWith("}");
            }
        }
    }

    /** How many templates there are; {@link #index} answers one of 0 to size() - 1, or size() for none. */
    int size() {
        return templates.size();
    }

    /** The label of index {@code i}: its template, or UNKNOWN for {@link #size()}. */
    String label(int i) {
        return i < templates.size() ? templates.get(i) : UNKNOWN;
    }

    /** The index of the first template the path (without its query) matches, {@link #size()} for none. */
    int index(String path) {
        for (int t = 0; t < segments.length; t++) {
            if (matches(t, path)) {
                return t;
            }
        }
        return templates.size();
    }

    private boolean matches(int t, String path) {
        if (segments[t].length == 0) {
            return path.equals("/");
        }
        int slash = 0;
        for (int s = 0; s < segments[t].length; s++) {
            if (slash >= path.length() || path.charAt(slash) != '/') {
                return false;
            }
            int end = path.indexOf('/', slash + 1);
            if (end < 0) {
                end = path.length();
            }
            int length = end - slash - 1;
            boolean same = placeholders[t][s] ? length > 0
                    : length == segments[t][s].length() && path.regionMatches(slash + 1, segments[t][s], 0, length);
            if (!same) {
                return false;
            }
            slash = end;
        }
        return slash == path.length();
    }
}
