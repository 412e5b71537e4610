package ua.viche.petitions.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Petitions of the current community (tenant-filtered). */
public interface PetitionRepository extends JpaRepository<Petition, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Petition p where p.id = ?1")
    Optional<Petition> findForUpdate(long id);

    @Query("""
            select p from Petition p where p.status in ?1 and p.hiddenAt is null
              and (?2 = 0 or extract(year from coalesce(p.publishedAt, p.createdAt)) = ?2)
            """)
    Page<Petition> findPublic(Collection<Petition.Status> statuses, int year, Pageable pageable);

    List<Petition> findByStatusOrderByModerationDueAtAsc(Petition.Status status);

    List<Petition> findByStatusOrderByAnswerDueAtAsc(Petition.Status status);

    List<Petition> findByAuthorPersonIdOrderByCreatedAtDesc(long personId);

    @Query("select p.id from Petition p where p.status = ua.viche.petitions.domain.Petition.Status.COLLECTING and p.collectionEndsAt < ?1")
    List<Long> findDueForExpiry(Instant now);

    @Query("select p.id from Petition p where p.status = ua.viche.petitions.domain.Petition.Status.COLLECTING"
            + " and p.threshold is not null and p.signatureCount >= p.threshold")
    List<Long> findDueForSettling();

    @Query("select p from Petition p where p.status in ?1 and p.hiddenAt is null order by p.id")
    List<Petition> findAllPublic(Collection<Petition.Status> statuses);

    long countByStatusAndHiddenAtIsNull(Petition.Status status);

    /** A slice without a count query (for short lists). */
    List<Petition> findByStatusAndHiddenAtIsNull(Petition.Status status, Pageable pageable);
}
