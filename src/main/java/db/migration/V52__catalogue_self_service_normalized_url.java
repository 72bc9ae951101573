package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import dk.selvbetjening.catalogue.ServiceUrl;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A self-service's URL in the form URLs are compared in ({@link ServiceUrl#normalize}), stored and indexed, so the
 * catalogue finds the services with a URL by a query instead of normalizing every service's URL. A Java migration
 * because the existing rows are filled in with the very normalization the application uses, on H2 and PostgreSQL
 * alike; the statements themselves are plain SQL both understand.
 */
public class V52__catalogue_self_service_normalized_url extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE self_service ADD COLUMN normalized_url VARCHAR(2000)");
        }
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT id, url FROM self_service WHERE url IS NOT NULL");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE self_service SET normalized_url = ? WHERE id = ?")) {
            while (rows.next()) {
                update.setString(1, ServiceUrl.normalize(rows.getString("url")));
                update.setObject(2, rows.getObject("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE self_service ADD CONSTRAINT self_service_normalized_url_check CHECK ("
                    + "(url IS NULL AND normalized_url IS NULL) OR (url IS NOT NULL AND normalized_url IS NOT NULL))");
            statement.execute("CREATE INDEX self_service_normalized_url_idx ON self_service (normalized_url)");
        }
    }
}
