package ua.viche.archive.reading;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.archive.domain.Cipher;
import ua.viche.platform.CurrentCommunity;

/**
 * How far the digitisation of the community's holdings has come: per fond, the files described, those with
 * scanned pages, the pages and those whose text can be searched. Counts only: closed files are counted too
 * (their number is no secret), their content is not shown.
 */
@Service
public class ArchiveFigures {

    private final JdbcTemplate jdbc;

    ArchiveFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Figures now() {
        long c = CurrentCommunity.require().id();
        List<Row> rows = jdbc.query("""
                select f.id, f.number, f.title,
                       (select count(*) from archive_file a join archive_inventory i on i.id = a.inventory_id where i.fond_id = f.id),
                       (select count(*) from archive_file a join archive_inventory i on i.id = a.inventory_id where i.fond_id = f.id
                           and exists (select 1 from archive_page p where p.file_id = a.id)),
                       (select count(*) from archive_page p join archive_file a on a.id = p.file_id
                           join archive_inventory i on i.id = a.inventory_id where i.fond_id = f.id),
                       (select count(*) from archive_page p join archive_file a on a.id = p.file_id
                           join archive_inventory i on i.id = a.inventory_id where i.fond_id = f.id and p.text_status = 'DONE'
                           and p.text <> '')
                  from archive_fond f where f.community_id = ? order by f.number, f.id""",
                (r, i) -> new Row(r.getLong(1), Cipher.of(r.getString(2), null, null, null), r.getString(3), r.getLong(4),
                        r.getLong(5), r.getLong(6), r.getLong(7)), c);
        return new Figures(rows, rows.stream().mapToLong(Row::files).sum(), rows.stream().mapToLong(Row::digitisedFiles).sum(),
                rows.stream().mapToLong(Row::pages).sum(), rows.stream().mapToLong(Row::pagesWithText).sum());
    }

    /** One fond's progress. */
    public record Row(long fondId, String cipher, String title, long files, long digitisedFiles, long pages, long pagesWithText) {

        public long filesNotDigitised() {
            return files - digitisedFiles;
        }

        public long pagesWithoutText() {
            return pages - pagesWithText;
        }
    }

    /** The holdings' progress: the fonds and the totals. */
    public record Figures(List<Row> fonds, long files, long digitisedFiles, long pages, long pagesWithText) {

        /** Share of described files that have scanned pages, in percent (0 when nothing is described). */
        public double digitisedPercent() {
            return files == 0 ? 0 : digitisedFiles * 100.0 / files;
        }
    }
}
