package dk.selvbetjening.municipallink;

/**
 * A published self-service's action page as a municipality links to it: {@code path} is
 * {@code /handlingsside/{slug}?kommunekode=NNN}, relative to the portal's address. {@code linkStatus} is the
 * municipality's own link for a municipal self-service, null for a national one.
 */
public record DeepLink(String slug, String title, boolean municipal, LinkStatus linkStatus, String path) {
}
