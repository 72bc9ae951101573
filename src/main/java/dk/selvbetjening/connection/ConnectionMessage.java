package dk.selvbetjening.connection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message from the editors to the submitter. Written once. */
@Entity
@Table(name = "connection_request_message")
class ConnectionMessage {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    @Column(nullable = false)
    private String author;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String text;

    protected ConnectionMessage() {
    }

    ConnectionMessage(UUID id, UUID requestId, Instant writtenAt, String author, String kind, String text) {
        this.id = id;
        this.requestId = requestId;
        this.writtenAt = writtenAt;
        this.author = author;
        this.kind = kind;
        this.text = text;
    }

    RequestMessage toMessage() {
        return new RequestMessage(writtenAt, author, kind, text);
    }
}
