package dk.selvbetjening.linkhealth;

import java.util.UUID;

import dk.selvbetjening.linkcheck.LinkCheckResult;

/**
 * One URL citizens can start: the self-service, the municipality (null for a national solution), the owner to tell
 * about problems, how many starts it had in the last 30 days, and its latest check (null until checked).
 */
public record LinkHealthRow(UUID selfServiceId, String serviceSlug, String serviceTitle, Integer municipalityCode,
        String municipalityName, UUID ownerAuthorityId, String url, long starts, LinkCheckResult check) {
}
