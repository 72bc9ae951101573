package dk.selvbetjening.compliance.requirement;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RequirementRevisionRepository extends JpaRepository<RequirementRevision, RequirementRevision.Key> {

    List<RequirementRevision> findByNumberOrderByRevisionDesc(String number);

    /** Each requirement's newest revision made by catalogue version {@code version} or earlier. */
    @Query("""
            SELECT r FROM RequirementRevision r WHERE r.catalogueVersion <= :version AND r.revision =
              (SELECT MAX(o.revision) FROM RequirementRevision o WHERE o.number = r.number AND o.catalogueVersion <= :version)
            """)
    List<RequirementRevision> asOf(int version);
}
