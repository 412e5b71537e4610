package ua.viche.platform.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Audit entries of the current community (tenant-filtered). */
public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    Page<AuditEntry> findAllByOrderByOccurredAtDescIdDesc(Pageable pageable);
}
