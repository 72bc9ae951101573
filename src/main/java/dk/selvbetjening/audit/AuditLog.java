package dk.selvbetjening.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.selvbetjening.shared.SystemPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's API. Entries are written in the caller's transaction: a change and its record commit together.
 * An action is a message key ({@code audit.<module>.<what>}, Danish text in messages.properties) with optional
 * arguments; it is put into words when read. Entries written before keys were used hold their text and read as it.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    /** The actor of changes made by the application itself ({@link SystemPrincipal}: scheduled jobs, start-up). */
    public static final String SYSTEM = SystemPrincipal.NAME;
    /** The actor of changes made without an account (the public connection form). */
    public static final String ANONYMOUS = "anonym";

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final AuditEntryRepository entries;
    private final Clock clock;
    private final MessageSource messages;

    AuditLog(AuditEntryRepository entries, Clock clock, MessageSource messages) {
        this.entries = entries;
        this.clock = clock;
        this.messages = messages;
    }

    /** Records a change by whoever is acting ({@link #currentActor()}); refused when no one is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String subjectType, Object subjectId, String action, String details,
            Object... actionArguments) {
        recordAs(currentActor(), subjectType, subjectId, action, details, actionArguments);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String subjectType, Object subjectId, String action, String details,
            Object... actionArguments) {
        entries.save(new AuditEntry(UUID.randomUUID(), clock.instant(), actor, subjectType, String.valueOf(subjectId),
                action, details, actionArguments));
    }

    public List<AuditEntrySummary> history(String subjectType, Object subjectId) {
        return entries.findBySubjectTypeAndSubjectIdOrderByOccurredAtAsc(subjectType, String.valueOf(subjectId))
                .stream().map(entry -> entry.toSummary(this::actionText)).toList();
    }

    /** The newest entries first, optionally of one subject type. */
    public Page<AuditEntrySummary> latest(String subjectType, int page, int size) {
        PageRequest request = PageRequest.of(page, size);
        Page<AuditEntry> found = subjectType == null || subjectType.isBlank()
                ? entries.findAllByOrderByOccurredAtDesc(request)
                : entries.findBySubjectTypeOrderByOccurredAtDesc(subjectType, request);
        return found.map(entry -> entry.toSummary(this::actionText));
    }

    private String actionText(String action, Object[] arguments) {
        return messages.getMessage(action, arguments, action, DANISH);
    }

    /**
     * Who is acting now: the logged-in account, {@link #SYSTEM} for the {@link SystemPrincipal}, {@link #ANONYMOUS} for
     * a visitor without login. With no authentication at all no one is acting, and the change is refused
     * ({@link AccessDeniedException}): the application acts only as the system principal, so a missing principal is a
     * mistake to surface, never a change to put down to "system".
     */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new AccessDeniedException(
                    "No one is acting: run the change as an account or as the system principal");
        }
        if (SystemPrincipal.is(authentication)) {
            return SYSTEM;
        }
        if (authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        return authentication.getName();
    }
}
