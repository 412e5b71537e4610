package ua.viche.archive.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PageRepository extends JpaRepository<Page, Long> {

    List<Page> findByFileIdOrderByNumber(long fileId);

    Optional<Page> findByFileIdAndNumber(long fileId, int number);

    @Query("select p.number from Page p where p.file.id = ?1 order by p.number")
    List<Integer> numbers(long fileId);

    @Query("select coalesce(max(p.number), 0) from Page p where p.file.id = ?1")
    int lastNumber(long fileId);

    List<Page> findTop20ByTextStatusOrderById(Page.TextStatus status);
}
