/**
 * Changes reach every node (ADR 0019): a signal sent in the transaction that makes some node's in-memory state stale
 * (PostgreSQL {@code NOTIFY}, delivered at commit) and a generation the other nodes check as a safety net.
 * Infrastructure only: the modules that hold per-node state say what went stale and refresh it themselves.
 */
package dk.selvbetjening.shared.changes;
