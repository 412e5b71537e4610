package ua.viche.identity.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The census list of the current community. */
public interface CensusEntryRepository extends JpaRepository<CensusEntry, Long> {

    @Modifying
    @Query("delete from CensusEntry c where c.communityId = ?1")
    void deleteAllOfCommunity(Long communityId);
}
