package dk.selvbetjening.catalogue;

/**
 * Changes to a self-service's own fields, approved and waiting to be published. {@code loginMethod} null keeps the
 * current one.
 */
public record ServiceChanges(String title, String url, String shortDescription, String supplierName,
        String supplierEmail, LoginMethod loginMethod) {

    /** Changes that keep the login method. */
    public ServiceChanges(String title, String url, String shortDescription, String supplierName,
            String supplierEmail) {
        this(title, url, shortDescription, supplierName, supplierEmail, null);
    }
}
