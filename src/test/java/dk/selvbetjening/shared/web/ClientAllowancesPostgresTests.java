package dk.selvbetjening.shared.web;

import javax.sql.DataSource;

import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;

/** {@link ClientAllowancesTests} on PostgreSQL: the row lock and the insert that ignores a conflict are its own. */
class ClientAllowancesPostgresTests extends ClientAllowancesTests {

    @Override
    DataSource newDatabase() throws Exception {
        return EmbeddedPostgresConfiguration.freshDatabase();
    }
}
