package ua.viche.platform.mail;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MailMessageRepository extends JpaRepository<MailMessage, Long> {

    List<MailMessage> findByStatusOrderById(MailMessage.Status status, Pageable pageable);

    @Query("select m from MailMessage m where lower(m.recipient) = lower(?1) order by m.id desc")
    List<MailMessage> findByRecipient(String recipient, Pageable pageable);

    List<MailMessage> findAllByOrderByIdDesc(Pageable pageable);

    @Modifying
    @Query("delete from MailMessage m where lower(m.recipient) = lower(:recipient)")
    int deleteByRecipient(@Param("recipient") String recipient);

    List<MailMessage> findBySessionHashOrderByIdDesc(String sessionHash, Pageable pageable);

    @Query("select m from MailMessage m where m.sessionHash = ?1 and lower(m.recipient) = lower(?2) order by m.id desc")
    List<MailMessage> findBySessionHashAndRecipient(String sessionHash, String recipient, Pageable pageable);
}
