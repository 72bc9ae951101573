package dk.selvbetjening.compliance.requirement;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RequirementRepository extends JpaRepository<Requirement, String> {

    @Query("SELECT r FROM Requirement r ORDER BY r.area, r.item")
    List<Requirement> inOrder();

    @Query("SELECT COALESCE(MAX(r.item), 0) FROM Requirement r WHERE r.area = :area")
    int lastItem(int area);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT r FROM Requirement r WHERE r.number = :number")
    Optional<Requirement> findForUpdate(String number);
}
