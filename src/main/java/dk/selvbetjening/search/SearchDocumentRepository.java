package dk.selvbetjening.search;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SearchDocumentRepository extends JpaRepository<SearchDocument, UUID> {

    /** Each document's title and keywords, without loading its page text. */
    @Query("select concat(d.title, ' ', d.keywords) from SearchDocument d")
    List<String> titlesAndKeywords();
}
