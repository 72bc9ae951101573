package dk.selvbetjening.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Gives Hibernate Search the analyzers of {@link DanishAnalysis} by name (configured in application.properties as
 * {@code hibernate.search.backend.analysis.configurer}). The same instances analyze queries, so both sides agree.
 */
public class DanishAnalysisConfigurer implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(DanishAnalysis.DANISH).instance(DanishAnalysis.full());
        context.analyzer(DanishAnalysis.DANISH_EXACT).instance(DanishAnalysis.exact());
    }
}
