package dk.selvbetjening.shared.web;

import java.util.List;

/**
 * What waits for the logged-in account in one part of the backoffice, for the start page: each module with work
 * lists its counts ("1 anmodning venter", "3 brudte links") as lines linking to the list filtered to that work.
 * Empty when the account has nothing there (or may not see it).
 */
public interface BackofficeTasks {

    List<Task> tasks();

    /** Whether the logged-in caller holds {@code authority} (e.g. {@code ROLE_EDITOR}): whose tasks these are. */
    static boolean callerHas(String authority) {
        org.springframework.security.core.Authentication who =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    /**
     * One line on the start page: {@code text} in Danish with the count in it, {@code href} the filtered list,
     * {@code count} how many, {@code order} where it goes (lowest first).
     */
    record Task(int order, String text, String href, long count) {
    }
}
