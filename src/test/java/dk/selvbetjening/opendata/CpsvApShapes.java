package dk.selvbetjening.opendata;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;

/**
 * The official CPSV-AP 3.2.0 SHACL shapes (src/test/resources/cpsv-ap, unchanged from SEMICeu's release) and
 * Apache Jena's SHACL validator: what a JSON-LD document violates, as readable lines (empty when it conforms).
 */
public final class CpsvApShapes {

    private static final Shapes SHAPES = Shapes.parse(RDFParser.source(
            CpsvApShapes.class.getResource("/cpsv-ap/cpsv-ap-3.2.0-SHACL.ttl").toString()).lang(Lang.TURTLE).toGraph());

    private CpsvApShapes() {
    }

    /** The document as RDF (its context is inline: nothing is fetched). */
    public static Graph graph(String jsonLd) {
        return RDFParser.fromString(jsonLd, Lang.JSONLD).toGraph();
    }

    /** Every violation of the shapes, one line each. */
    public static List<String> violations(String jsonLd) {
        ValidationReport report = ShaclValidator.get().validate(SHAPES, graph(jsonLd));
        return report.getEntries().stream()
                .map(entry -> entry.severity() + " " + entry.focusNode() + " " + entry.resultPath() + ": "
                        + entry.message())
                .toList();
    }
}
