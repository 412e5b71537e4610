package ua.viche.appeals.domain;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppealRepository extends JpaRepository<Appeal, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Appeal a where a.id = :id")
    Optional<Appeal> findForUpdate(@Param("id") Long id);

    List<Appeal> findByApplicantPersonIdOrderByReceivedAtDesc(Long personId);

    /** The work queue: open appeals, benefit holders first, then by due day. */
    @Query("select a from Appeal a where a.status in :statuses and (:all = true or a.departmentId in :departments)"
            + " and (:words = '' or lower(a.subject) like :words or lower(a.registrationNumber) like :words"
            + " or lower(a.applicantName) like :words)"
            + " and a.dueOn between :from and :to and (:anyExecutor = true or a.executorAccountId = :executor)"
            + " order by case when a.benefit is null then 1 else 0 end, a.dueOn, a.id")
    Page<Appeal> findQueue(@Param("statuses") Collection<Appeal.Status> statuses, @Param("all") boolean all,
                           @Param("departments") Collection<Long> departments, @Param("words") String words,
                           @Param("from") LocalDate from, @Param("to") LocalDate to, @Param("anyExecutor") boolean anyExecutor,
                           @Param("executor") long executor, Pageable page);

    @Query("select a.id from Appeal a where a.status in :statuses and a.remindedAt is null and a.dueOn <= :day")
    List<Long> findDueForReminder(@Param("statuses") Collection<Appeal.Status> statuses, @Param("day") LocalDate day);

    Optional<Appeal> findBySourcePetitionId(Long petitionId);

    List<Appeal> findByParentAppealIdOrderById(Long parentId);
}
