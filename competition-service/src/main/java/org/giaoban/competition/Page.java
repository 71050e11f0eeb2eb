package org.giaoban.competition;

import java.util.List;

/**
 * One page of a sorted list: {@code page} counts from 0, {@code total} is the length of the whole list. Read models
 * sort in Vietnamese order of names, which the database does not know, so a list is sorted in full and then cut.
 */
public record Page<T>(List<T> items, int page, int size, int total) {

    /** The largest page a list route serves; routes refuse a larger {@code size} with 400. */
    public static final int MAX_SIZE = 200;
    public static final String DEFAULT_SIZE = "50";
    public static final int MAX_PAGE = 10_000;

    public static <T> Page<T> of(List<T> sorted, int page, int size) {
        int from = (int) Math.min(sorted.size(), (long) page * size);
        return new Page<>(List.copyOf(sorted.subList(from, Math.min(sorted.size(), from + size))), page, size, sorted.size());
    }
}
