package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import dk.selvbetjening.catalogue.ServiceUrl;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A municipal link's URL in the form URLs are compared in ({@link ServiceUrl#normalize}, as the catalogue's
 * {@code self_service.normalized_url}), stored and indexed, so a connection request's municipal links are compared
 * with the links by an indexed query instead of normalizing 200,000 links. A Java migration, as V52, because the
 * existing rows are filled in with the very normalization the application uses, on H2 and PostgreSQL alike: read a
 * few thousand rows at a time and written back in JDBC batches of {@value #BATCH} rows. No constraint ties the column
 * to the URL: nodes of the previous release still write links without it during a rolling upgrade, and
 * {@code municipallink.NormalizedUrlCatchUp} fills those in.
 */
public class V79__municipallink_normalized_url extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE municipal_link ADD COLUMN normalized_url VARCHAR(2000)");
        }
        try (Statement select = connection.createStatement();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE municipal_link SET normalized_url = ? WHERE id = ?")) {
            select.setFetchSize(BATCH * 2);
            try (ResultSet rows = select.executeQuery("SELECT id, url FROM municipal_link WHERE url IS NOT NULL")) {
                int pending = 0;
                while (rows.next()) {
                    update.setString(1, ServiceUrl.normalize(rows.getString("url")));
                    update.setObject(2, rows.getObject("id"));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    update.executeBatch();
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX municipal_link_normalized_url_idx ON municipal_link (normalized_url)");
        }
    }
}
