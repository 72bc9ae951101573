package dk.selvbetjening.account;

import java.security.SecureRandom;

/** What a password must be, and how temporary ones are made. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    /**
     * bcrypt reads at most 72 bytes, and Spring Security refuses to encode more (it used to cut them off silently): a
     * longer password is refused here, with its reason, instead of failing or being truncated.
     */
    static final int MAX_BYTES = 72;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordRules() {
    }

    /** The message key of what is wrong with {@code password}, or null when it is acceptable. */
    static String problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "account.password.tooShort";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "account.password.tooLong";
        }
        if (email != null && password.toLowerCase().contains(email.toLowerCase())) {
            return "account.password.containsEmail";
        }
        return null;
    }

    static String temporary() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
