package dk.selvbetjening.catalogue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data for self-services: a valid command to start from, changed with the record's wither-style copies. */
public final class SelfServiceFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SelfServiceFixtures() {
    }

    public static NewSelfService aNationalSelfService(UUID authorityId, String url) {
        int n = SEQUENCE.incrementAndGet();
        return new NewSelfService("meld-flytning-" + n, "Meld flytning " + n, "Meld flytning, når du flytter.",
                SelfServiceKind.ONLINE, SelfServiceScope.NATIONAL, url, Set.of(), authorityId, "Netcompany A/S",
                "support@netcompany.example", LoginMethod.MITID_NEMLOGIN, 1, "23.05", List.of("bolig-og-flytning"),
                List.of("flytning", "adresse"), false);
    }

    /** A national solution that is not mandatory: it publishes without a requirements assessment. */
    public static NewSelfService aVoluntarySelfService(UUID authorityId, String url) {
        NewSelfService c = aNationalSelfService(authorityId, url);
        return new NewSelfService(c.slug(), c.title(), c.shortDescription(), c.kind(), c.scope(), c.url(),
                c.formReturn(), c.authorityId(), c.supplierName(), c.supplierEmail(), c.loginMethod(), null,
                c.kleNumber(), c.topics(), c.keywords(), c.demo());
    }

    /**
     * A national solution made mandatory by {@code wave}: it cannot be published before every requirement of
     * Udviklingsvejledningen is met (or an exemption is granted).
     */
    public static NewSelfService aWaveSelfService(UUID authorityId, String url, int wave) {
        int n = SEQUENCE.incrementAndGet();
        return new NewSelfService("anmeld-flytning-" + n, "Anmeld flytning " + n, "Anmeld flytning, når du flytter.",
                SelfServiceKind.ONLINE, SelfServiceScope.NATIONAL, url, Set.of(), authorityId, "Netcompany A/S",
                "support@netcompany.example", LoginMethod.MITID_NEMLOGIN, wave, "23.05", List.of("bolig-og-flytning"),
                List.of("flytning", "adresse"), false);
    }

    public static NewSelfService aMunicipalSelfService(UUID authorityId) {
        int n = SEQUENCE.incrementAndGet();
        return new NewSelfService("skriv-dit-barn-op-" + n, "Skriv dit barn op " + n,
                "Skriv dit barn op til vuggestue eller børnehave.", SelfServiceKind.ONLINE, SelfServiceScope.MUNICIPAL,
                null, Set.of(), authorityId, "KMD A/S", "support@kmd.example", LoginMethod.MITID_NEMLOGIN, null,
                "28.09.04", List.of("familie-og-boern"), List.of("vuggestue"), false);
    }

    public static NewSelfService aForm(UUID authorityId, Set<FormReturn> formReturn) {
        int n = SEQUENCE.incrementAndGet();
        return new NewSelfService("send-blanket-" + n, "Send blanket " + n, "Hent blanketten, udfyld og send den.",
                SelfServiceKind.FORM, SelfServiceScope.NATIONAL, "https://www.example.dk/blanket-" + n + ".pdf",
                formReturn, authorityId, null, null, LoginMethod.NONE, null, null, List.of("samfund-og-rettigheder"),
                List.of(), false);
    }
}
