package dk.selvbetjening.search;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SearchDocumentRepository extends JpaRepository<SearchDocument, UUID> {
}
