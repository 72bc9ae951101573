package dk.selvbetjening.authority;

/**
 * A Danish CVR number: eight digits, not starting with 0, whose digits weighted 2,7,6,5,4,3,2,1 sum to a
 * multiple of 11 (the modulus-11 check).
 */
public record CvrNumber(String value) {

    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    public CvrNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid CVR number: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 8 || candidate.charAt(0) == '0') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
