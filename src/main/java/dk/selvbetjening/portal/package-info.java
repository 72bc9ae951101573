/**
 * The citizen portal: front page, topics, action pages, municipality choice, the start redirect and the read
 * API. Serves from an in-memory read model ({@link dk.selvbetjening.portal.CitizenCatalogue}) rebuilt when
 * content changes. Uses {@code catalogue}, {@code actionpage}, {@code municipallink}, {@code authority} and
 * {@code usage} (it counts every start there and ranks "most used" by the counts).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "authority", "catalogue", "actionpage", "municipallink", "usage"})
package dk.selvbetjening.portal;
