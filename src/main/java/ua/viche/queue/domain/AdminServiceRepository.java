package ua.viche.queue.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Services of the current community's catalogue. */
public interface AdminServiceRepository extends JpaRepository<AdminService, Long> {
    Optional<AdminService> findByCode(String code);

    @Query("""
            select s from AdminService s where (?1 = '' or lower(s.nameUk) like ?1 or lower(s.nameEn) like ?1 or lower(s.code) like ?1)
              and (?2 = '' or s.categoryUk = ?2) order by s.categoryUk, s.nameUk
            """)
    Page<AdminService> search(String like, String category, Pageable pageable);

    /** Each category once, by its Ukrainian name (the filter's key), with its English name. */
    @Query("select s.categoryUk, min(s.categoryEn) from AdminService s group by s.categoryUk order by s.categoryUk")
    List<Object[]> categories();

    List<AdminService> findAllByOrderByCodeAsc();
}
