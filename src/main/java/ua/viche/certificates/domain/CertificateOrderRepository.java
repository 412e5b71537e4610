package ua.viche.certificates.domain;

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

interface CertificateOrderRepository extends JpaRepository<CertificateOrder, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from CertificateOrder o where o.id = :id")
    Optional<CertificateOrder> findForUpdate(@Param("id") Long id);

    List<CertificateOrder> findByApplicantPersonIdOrderByReceivedAtDesc(Long personId);

    Optional<CertificateOrder> findByVerifyCode(String code);

    /** Orders in some states whose due day lies in a window, earliest due first. */
    @Query("select o from CertificateOrder o where o.status in :statuses and o.dueOn between :from and :to"
            + " order by o.dueOn, o.id")
    Page<CertificateOrder> findQueue(@Param("statuses") Collection<CertificateOrder.Status> statuses,
                                     @Param("from") LocalDate from, @Param("to") LocalDate to, Pageable page);

    /** Finished orders, newest first. */
    @Query("select o from CertificateOrder o where o.status in :statuses order by o.receivedAt desc, o.id desc")
    Page<CertificateOrder> findFinished(@Param("statuses") Collection<CertificateOrder.Status> statuses, Pageable page);
}
