package dk.selvbetjening.shared.web;

import java.util.Set;

import dk.selvbetjening.shared.DanishTime;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives every template {@code #danishTime}: {@code ${#danishTime.date(x)}} and {@code ${#danishTime.dateTime(x)}}
 * ({@link DanishTime}), so no template names a zone or a pattern.
 */
@Component
class DanishTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "danishTime";
    private static final DanishTime DANISH_TIME = new DanishTime();

    DanishTimeDialect() {
        super("Danish time");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? DANISH_TIME : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
