package ua.viche.civic.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InitiativeNoteRepository extends JpaRepository<InitiativeNote, Long> {

    List<InitiativeNote> findByInitiativeIdOrderByNotedOnAscIdAsc(long initiativeId);
}
