package dk.selvbetjening.connection.web;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.selvbetjening.account.CurrentAccount;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.NewAuthority;
import dk.selvbetjening.connection.ConnectionReviewService;
import dk.selvbetjening.connection.ConnectionRequestSummary;
import dk.selvbetjening.connection.QueueFilter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The connection form as a supplier fills it in, and ways to find what was stored. */
@Component
public class ConnectionWebTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern RECEIPT = Pattern.compile("^/tilslut/kvittering/(TS-\\d{4}-\\d{6})\\?token=([A-Za-z0-9_-]+)$");

    private final AuthorityService authorities;
    private final ConnectionReviewService requests;

    ConnectionWebTestData(AuthorityService authorities, ConnectionReviewService requests) {
        this.authorities = authorities;
        this.requests = requests;
    }

    public AuthorityDetails anAuthority() {
        return authorities.register(AuthorityFixtures.aStateAuthority("Styrelsen for Tilslutning "
                + SEQUENCE.incrementAndGet()));
    }

    public AuthorityDetails aPrivateActor() {
        return authorities.register(new NewAuthority("Leverandøren A/S " + SEQUENCE.incrementAndGet(),
                AuthorityType.PRIVATE, AuthorityFixtures.aCvrNumber(), null, "https://www.leverandoer.example",
                "+45 70 00 00 03", "kontakt@leverandoer.example", false));
    }

    /** A unique title, so a test finds its own request among the others in the shared database. */
    public static String aTitle() {
        return "Søg om testtilladelse " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete, valid NEW request for {@code authority}, with a fresh submission id. */
    public static MultiValueMap<String, String> aValidForm(String title, AuthorityDetails authority) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("submissionId", UUID.randomUUID().toString());
        form.add("kind", "NEW");
        form.add("existingServiceId", "");
        form.add("title", title);
        form.add("url", "https://www.example-styrelse.dk/ansoeg/" + UUID.randomUUID());
        form.add("shortDescription", "Her søger du om en testtilladelse.");
        form.add("supplierName", "Leverandøren A/S");
        form.add("supplierEmail", "support@leverandoer.dk");
        form.add("authorityCvr", authority.cvrNumber());
        form.add("loginMethod", "MITID_NEMLOGIN");
        form.add("serviceKind", "ONLINE");
        form.addAll("topics", List.of("familie-og-boern", "sundhed-og-sygdom"));
        form.add("plannedGoLive.day", "");
        form.add("plannedGoLive.month", "");
        form.add("plannedGoLive.year", "");
        form.add("actionPage.title", "Søg om testtilladelse");
        form.add("actionPage.intro", "Du kan søge online.");
        form.add("actionPage.beforeYouStart", "MitID.\n\nDit CPR-nummer.\n");
        form.add("actionPage.downtimeFrom", "");
        form.add("actionPage.downtimeUntil", "");
        form.add("actionPage.downtimeMessage", "");
        form.add("website", "");
        return form;
    }

    public static MultiValueMap<String, String> with(MultiValueMap<String, String> form, Map<String, String> changes) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(form);
        changes.forEach((name, value) -> copy.put(name, List.of(value)));
        return copy;
    }

    /** A client address of its own, so the tests do not share the submission rate limit. */
    public static RequestPostProcessor fromOwnAddress() {
        int n = SEQUENCE.incrementAndGet();
        String address = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The response body as an HTML document. */
    public static Document html(MvcTestResult result) {
        try {
            return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference and token of a receipt address (the Location of a successful submission). */
    public static String[] referenceAndToken(String receiptLocation) {
        Matcher matcher = RECEIPT.matcher(receiptLocation);
        if (!matcher.matches()) {
            throw new AssertionError("Not a receipt address: " + receiptLocation);
        }
        return new String[] {matcher.group(1), matcher.group(2)};
    }

    /** The stored requests with this title, as an editor sees them. */
    public List<ConnectionRequestSummary> requestsTitled(String title, CurrentAccount editor) {
        return requests.queue(QueueFilter.all(), editor).stream().filter(r -> r.title().equals(title)).toList();
    }
}
