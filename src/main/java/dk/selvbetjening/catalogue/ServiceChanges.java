package dk.selvbetjening.catalogue;

/** Changes to a self-service's own fields, approved and waiting to be published. */
public record ServiceChanges(String title, String url, String shortDescription, String supplierName,
        String supplierEmail) {
}
