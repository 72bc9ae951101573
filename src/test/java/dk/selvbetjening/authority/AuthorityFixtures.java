package dk.selvbetjening.authority;

import java.util.concurrent.atomic.AtomicInteger;

/** Test data for authorities. */
public final class AuthorityFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1000000);

    private AuthorityFixtures() {
    }

    /** A fresh valid CVR number (modulus 11), different on every call. */
    public static CvrNumber aCvrNumber() {
        while (true) {
            String first7 = Integer.toString(SEQUENCE.incrementAndGet() + 2000000);
            int[] weights = {2, 7, 6, 5, 4, 3, 2};
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += (first7.charAt(i) - '0') * weights[i];
            }
            int check = (11 - sum % 11) % 11;
            if (check < 10) {
                return new CvrNumber(first7 + check);
            }
        }
    }

    public static NewAuthority aStateAuthority(String name) {
        return new NewAuthority(name, AuthorityType.STATE, aCvrNumber(), null, "https://www.example-styrelse.dk",
                "+45 70 00 00 00", "kontakt@example-styrelse.dk", false);
    }

    public static NewAuthority aMunicipality(int code, String name) {
        return new NewAuthority(name, AuthorityType.MUNICIPALITY, aCvrNumber(), code,
                "https://www.kommune-" + code + ".dk", "+45 70 10 " + code, "post@kommune-" + code + ".dk", false);
    }

    /** What the service throws when the authority changed since it was read ({@code authority.error.*} key). */
    public static StaleAuthorityException changedMeanwhile(String messageKey) {
        return new StaleAuthorityException(messageKey);
    }
}
