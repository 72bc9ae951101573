package dk.selvbetjening.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The harness itself: two nodes on their own ports, one database. */
class TwoNodesTests {

    static TwoNodes nodes;

    @BeforeAll
    static void start() {
        nodes = TwoNodes.start();
    }

    @AfterAll
    static void stop() {
        nodes.close();
    }

    @Test
    void bothNodesServeFromOneDatabase() throws Exception {
        assertThat(nodes.a().baseUrl()).isNotEqualTo(nodes.b().baseUrl()).startsWith("http://127.0.0.1:");
        HttpClient http = HttpClient.newHttpClient();
        for (TwoNodes.Node node : new TwoNodes.Node[] {nodes.a(), nodes.b()}) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(node.name()).isEqualTo(200);
            assertThat(node.bean(JdbcClient.class).sql("SELECT current_database()").query(String.class).single())
                    .isEqualTo(nodes.database().sql("SELECT current_database()").query(String.class).single());
        }
        nodes.b().kill();
        assertThat(nodes.b().running()).isFalse();
        assertThat(nodes.a().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM account").query(Long.class).single())
                .isEqualTo(1);
    }
}
