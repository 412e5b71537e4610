package ua.viche.petitions.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Signatures of the current community. */
public interface SignatureRepository extends JpaRepository<Signature, Long> {

    /** A page of signers without counting them (the petition keeps the count). */
    List<Signature> findByPetitionId(long petitionId, Pageable pageable);

    Optional<Signature> findByPetitionIdAndPersonId(long petitionId, long personId);

    List<Signature> findByPetitionIdAndNotifyTrue(long petitionId);

    List<Signature> findByPersonIdOrderBySignedAtDesc(long personId);

    @Query("select count(distinct s.personId) from Signature s where s.signedAt >= ?1 and s.signedAt < ?2")
    long countDistinctSigners(Instant from, Instant to);

    @Query("select count(distinct s.personId) from Signature s where s.signedAt >= ?1 and s.signedAt < ?2 and s.declaredResidency = true")
    long countDistinctDeclaredSigners(Instant from, Instant to);
}
