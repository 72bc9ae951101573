-- ADR 0019: the generation of changes that other nodes must see. Each transaction that announces a change bumps it
-- (and sends NOTIFY selvbetjening_changes naming the new value); every node polls it as the safety net for a missed
-- notification. One row, used on PostgreSQL only (H2 is one node).
CREATE TABLE change_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO change_generation (id, generation) VALUES (1, 0);
