package dk.selvbetjening.shared.web;

import java.util.List;

/**
 * One page of a backoffice list already in memory: the rows of page {@code number} (1-based) of {@code size} rows
 * each, with how many pages and rows there are. A page number that is missing, unreadable or out of range is the
 * nearest real page, never an error.
 */
public record ListPage<T>(List<T> rows, int number, int totalPages, int total) {

    public static <T> ListPage<T> of(List<T> all, String requested, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int number = 1;
        try {
            number = requested == null || requested.isBlank() ? 1 : Integer.parseInt(requested.strip());
        } catch (NumberFormatException e) {
            number = 1;
        }
        number = Math.min(Math.max(1, number), pages);
        int from = (number - 1) * size;
        return new ListPage<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), number, pages,
                all.size());
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages;
    }
}
