package ua.viche.civic.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Organisation o where o.id = :id")
    Optional<Organisation> lock(@Param("id") long id);

    /** Organisations in a status, filtered by legal forms, a field (its name, or empty for any) and words of the name or the code. */
    @Query("select o from Organisation o where o.status = :status and o.legalForm in :forms"
            + " and (:field = '' or concat(',', o.fields, ',') like concat('%,', :field, ',%'))"
            + " and (:words = '' or lower(o.name) like concat('%', :words, '%') or o.edrpou = :words)"
            + " order by o.name, o.id")
    Page<Organisation> find(@Param("status") Organisation.Status status, @Param("forms") Collection<LegalForm> forms,
                            @Param("field") String field, @Param("words") String words, Pageable page);

    List<Organisation> findByStatusOrderByCreatedAtAscIdAsc(Organisation.Status status);

    List<Organisation> findByStatusOrderByNameAscIdAsc(Organisation.Status status);

    boolean existsByEdrpouAndStatusNot(String edrpou, Organisation.Status status);

    List<Organisation> findByCreatedByPersonIdOrderByCreatedAtDesc(long personId);
}
