package ua.viche.archive.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TermRepository extends JpaRepository<Term, Long> {

    Optional<Term> findByKindAndName(Term.Kind kind, String name);

    List<Term> findAllByOrderByKindAscNameAsc();
}
