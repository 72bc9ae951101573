package dk.selvbetjening.account;

/** A key just issued: {@code key} is shown to the editor this once and is not stored anywhere. */
public record IssuedApiKey(ApiKeySummary summary, String key) implements java.io.Serializable {
}
