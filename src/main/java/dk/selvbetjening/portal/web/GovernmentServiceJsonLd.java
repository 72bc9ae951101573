package dk.selvbetjening.portal.web;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.portal.PortalService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An action page as a schema.org {@code GovernmentService}, for the JSON-LD block in the page's head. Built as a
 * Jackson tree and written by Jackson, never by joining strings; then every {@code <}, {@code >} and {@code &} is
 * written as a JSON unicode escape, so no text an editor wrote can close the {@code <script>} element. (Those
 * characters only occur inside JSON strings, where the escape means the same character.) The block is a data block
 * ({@code type="application/ld+json"}): browsers never run it, so the Content-Security-Policy, which allows no inline
 * script, does not apply to it.
 */
final class GovernmentServiceJsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DENMARK = "Danmark";

    private GovernmentServiceJsonLd() {
    }

    /**
     * The provider and operator are who answers for the solution, as the page names it: the owner of a national one,
     * the chosen municipality of a municipal one (which runs it at its own address). A municipal page with no
     * municipality chosen names none, as the page itself does; it serves all of Denmark.
     *
     * @param responsible who answers for the solution (the chosen municipality for a municipal one), or null
     * @param municipality the chosen municipality, or null
     * @param startUrl where Start leads (the solution itself), or null when there is no start button
     * @param pageUrl the action page's absolute address
     */
    static String of(PortalService page, AuthorityDetails responsible, MunicipalitySummary municipality,
            String startUrl, String pageUrl) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "GovernmentService");
        root.put("name", page.actionPage().title());
        root.put("description", page.actionPage().intro());
        root.put("url", pageUrl);
        if (responsible != null) {
            root.set("provider", organisation(responsible));
            root.set("serviceOperator", organisation(responsible));
        }
        ObjectNode area = municipality != null && page.isMunicipal() ? municipalityArea(municipality) : country();
        root.set("areaServed", area);
        root.set("jurisdiction", area.deepCopy());
        ObjectNode channel = root.putObject("availableChannel");
        channel.put("@type", "ServiceChannel");
        channel.put("name", page.actionPage().effectiveStartLabel());
        channel.put("serviceUrl", startUrl != null ? startUrl : pageUrl);
        return escape(JSON.writeValueAsString(root));
    }

    private static ObjectNode organisation(AuthorityDetails authority) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@type", authority.type() == AuthorityType.PRIVATE ? "Organization" : "GovernmentOrganization");
        node.put("name", authority.name());
        if (authority.homepageUrl() != null) {
            node.put("url", authority.homepageUrl());
        }
        if (authority.cvrNumber() != null) {
            node.put("taxID", authority.cvrNumber());
        }
        return node;
    }

    private static ObjectNode municipalityArea(MunicipalitySummary municipality) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@type", "AdministrativeArea");
        node.put("name", municipality.name());
        node.put("identifier", String.format("%04d", municipality.code()));
        return node;
    }

    private static ObjectNode country() {
        ObjectNode node = JSON.createObjectNode();
        node.put("@type", "Country");
        node.put("name", DENMARK);
        node.put("identifier", "DK");
        return node;
    }

    /** JSON that can stand inside a {@code <script>} element: no {@code </script>}, no {@code <!--}. */
    static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
