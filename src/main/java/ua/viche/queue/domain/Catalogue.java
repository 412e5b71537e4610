package ua.viche.queue.domain;

import ua.viche.platform.Refusal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.Paging;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Csv;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import ua.viche.platform.Communities;
import ua.viche.platform.Dates;

/** The catalogue of the current community: offices, workplaces, services and who offers what. */
@Service
public class Catalogue {

    /** Columns of the catalogue CSV, in this order (a header row is required). */
    public static final List<String> CSV_COLUMNS = List.of("code", "name_uk", "name_en", "category_uk", "category_en",
            "description", "documents", "cost", "duration_minutes", "workplaces");

    private final OfficeRepository offices;
    private final WorkplaceRepository workplaces;
    private final AdminServiceRepository services;
    private final JdbcTemplate jdbc;
    private final AccessControl access;
    private final AuditLog audit;

    Catalogue(OfficeRepository offices, WorkplaceRepository workplaces, AdminServiceRepository services, JdbcTemplate jdbc,
              AccessControl access, AuditLog audit) {
        this.offices = offices;
        this.workplaces = workplaces;
        this.services = services;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public List<Office> offices() {
        return offices.findAllByOrderByRemoteAscIdAsc();
    }

    @Transactional(readOnly = true)
    public Office office(long id) {
        return offices.findById(id).orElseThrow(() -> new NotFoundException("queue.error.officeNotFound"));
    }

    @Transactional(readOnly = true)
    public List<Workplace> workplaces(long officeId) {
        return workplaces.findByOfficeIdOrderByIdAsc(officeId);
    }

    @Transactional(readOnly = true)
    public List<Workplace> allWorkplaces() {
        return workplaces.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public Workplace workplace(long id) {
        return workplaces.findById(id).orElseThrow(() -> new NotFoundException("queue.error.workplaceNotFound"));
    }

    @Transactional(readOnly = true)
    public AdminService service(long id) {
        return services.findById(id).orElseThrow(() -> new NotFoundException("queue.error.serviceNotFound"));
    }

    @Transactional(readOnly = true)
    public Page<AdminService> search(String q, String category, int page, int size) {
        String like = q.isBlank() ? "" : "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return services.search(like, category, Paging.of(page, size));
    }

    /** A category of services: its Ukrainian name (the key a search filters by) and English name. */
    public record Category(String uk, String en) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? en : uk;
        }
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return services.categories().stream().map(r -> new Category((String) r[0], (String) r[1])).toList();
    }

    @Transactional(readOnly = true)
    public List<AdminService> allServices() {
        return services.findAllByOrderByCodeAsc();
    }

    /** Offices with e-queue where some workplace offers the service. */
    @Transactional(readOnly = true)
    public List<Office> officesOffering(long serviceId) {
        List<Long> ids = jdbc.queryForList("select distinct w.office_id from cnap_workplace_service ws join cnap_workplace w"
                + " on w.id = ws.workplace_id where ws.service_id = ? and ws.community_id = ?", Long.class, serviceId, community());
        return offices().stream().filter(o -> ids.contains(o.getId())).toList();
    }

    /** Ids of the office's workplaces that offer the service. */
    @Transactional(readOnly = true)
    public List<Long> workplacesOffering(long officeId, long serviceId) {
        return jdbc.queryForList("select w.id from cnap_workplace_service ws join cnap_workplace w on w.id = ws.workplace_id"
                + " where ws.service_id = ? and w.office_id = ? and ws.community_id = ? order by w.id", Long.class,
                serviceId, officeId, community());
    }

    /** Services offered in an office (for walk-in tickets). */
    @Transactional(readOnly = true)
    public List<AdminService> servicesAt(long officeId) {
        List<Long> ids = jdbc.queryForList("select distinct ws.service_id from cnap_workplace_service ws join cnap_workplace w"
                + " on w.id = ws.workplace_id where w.office_id = ? and ws.community_id = ?", Long.class, officeId, community());
        Set<Long> set = new HashSet<>(ids);
        return services.findAllById(set).stream()
                .sorted(Comparator.comparing(AdminService::getNameUk, Communities.UKRAINIAN_ORDER)).toList();
    }

    /** For each service id, the office ids that offer it (open data). */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> officesByService() {
        Map<Long, List<Long>> map = new LinkedHashMap<>();
        jdbc.query("select distinct ws.service_id, w.office_id from cnap_workplace_service ws join cnap_workplace w"
                + " on w.id = ws.workplace_id where ws.community_id = ? order by 1, 2", r -> {
                    map.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getLong(2));
                }, community());
        return map;
    }

    // ---- changing (CNAP administrators, community administrators)

    @Transactional
    public Office createOffice(String nameUk, String nameEn, String addressUk, String addressEn, @Nullable Double lat,
                               @Nullable Double lon, OfficeHours hours, boolean remote, boolean eQueue) {
        requireManager();
        checkOffice(nameUk, nameEn, addressUk, addressEn, lat, lon);
        Office o = offices.save(new Office(nameUk.strip(), nameEn.strip(), addressUk.strip(), addressEn.strip(), lat, lon, hours,
                remote, eQueue));
        audit.record("queue.office.created", "cnap_office", o.getId(), nameUk);
        return o;
    }

    /** Changes an office's names, address, place, hours and e-queue flag; refuses a place outside the community. */
    @Transactional
    public Office changeOffice(long officeId, String nameUk, String nameEn, String addressUk, String addressEn, @Nullable Double lat,
                               @Nullable Double lon, OfficeHours hours, boolean remote, boolean eQueue) {
        requireManager();
        Office o = office(officeId);
        checkOffice(nameUk, nameEn, addressUk, addressEn, lat, lon);
        o.change(nameUk.strip(), nameEn.strip(), addressUk.strip(), addressEn.strip(), lat, lon, hours, remote, eQueue);
        audit.record("queue.office.changed", "cnap_office", o.getId(), nameUk.strip() + " " + hours.format());
        return o;
    }

    private static void checkOffice(String nameUk, String nameEn, String addressUk, String addressEn, @Nullable Double lat,
                                    @Nullable Double lon) {
        if (nameUk.isBlank() || nameEn.isBlank() || nameUk.length() > 200 || nameEn.length() > 200) {
            throw Refusal.of("queue.error.officeName");
        }
        if (addressUk.isBlank() || addressEn.isBlank() || addressUk.length() > 300 || addressEn.length() > 300) {
            throw Refusal.of("queue.error.officeAddress");
        }
        if ((lat == null) != (lon == null) || (lat != null && !CurrentCommunity.require().area()
                .map(a -> a.contains(lat, lon)).orElse(true))) {
            throw Refusal.of("queue.error.officePlace");
        }
    }

    @Transactional
    public void closeOfficeOn(long officeId, LocalDate day) {
        requireManager();
        Office office = office(officeId);
        Long booked = jdbc.queryForObject("select count(*) from cnap_booking where office_id = ? and status = 'BOOKED'"
                + " and starts_at >= ? and starts_at < ?", Long.class, officeId,
                Timestamp.from(day.atStartOfDay(Dates.KYIV).toInstant()),
                Timestamp.from(day.plusDays(1).atStartOfDay(Dates.KYIV).toInstant()));
        if (booked != null && booked > 0) {
            throw Refusal.of("queue.error.bookingsOnDay");
        }
        office.closeOn(day);
        audit.record("queue.office.closed", "cnap_office", officeId, day.toString());
    }

    @Transactional
    public Workplace addWorkplace(long officeId, String code, String windowLabel) {
        requireManager();
        office(officeId);
        if (!code.strip().matches("[A-Za-z0-9-]{1,20}") || windowLabel.isBlank() || windowLabel.length() > 50) {
            throw Refusal.of("queue.error.workplace");
        }
        if (workplaces.findByCode(code).isPresent()) {
            throw Refusal.of("queue.error.workplaceCode");
        }
        Workplace w = workplaces.save(new Workplace(officeId, code, windowLabel));
        audit.record("queue.workplace.created", "cnap_workplace", w.getId(), code);
        return w;
    }

    /** Creates or updates a service by its code and sets which workplaces offer it. */
    @Transactional
    public AdminService saveService(String code, String nameUk, String nameEn, String categoryUk, String categoryEn,
                                    String description, String documents, String cost, int minutes, List<String> workplaceCodes) {
        requireManager();
        AdminService s = save(code, nameUk, nameEn, categoryUk, categoryEn, description, documents, cost, minutes,
                resolve(workplaceCodes));
        audit.record("queue.service.saved", "cnap_service", s.getId(), code);
        return s;
    }

    /** Imports the catalogue from CSV ({@link #CSV_COLUMNS}); each row is taken whole or refused with its reason. */
    @Transactional
    public ImportReport importCsv(String text) {
        requireManager();
        ImportReport report = new ImportReport();
        List<List<String>> rows;
        try {
            rows = Csv.read(text);
        } catch (Csv.Malformed e) {
            report.refuse(e.row(), "queue.import.malformed");
            return report;
        }
        if (rows.isEmpty() || !rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().equals(CSV_COLUMNS)) {
            report.refuse(1, "queue.import.header");
            return report;
        }
        Set<String> seen = new HashSet<>();
        // the community's workplaces by code, read once for the whole file
        Map<String, Long> workplaceIds = new HashMap<>();
        jdbc.query("select code, id from cnap_workplace where community_id = ?",
                (RowCallbackHandler) rs -> workplaceIds.put(rs.getString(1), rs.getLong(2)), community());
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            int line = i + 1;
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() != CSV_COLUMNS.size()) {
                report.refuse(line, "queue.import.columns");
                continue;
            }
            String code = r.get(0).strip();
            if (!code.matches("[A-Za-z0-9._-]{1,40}")) {
                report.refuse(line, "queue.import.code");
                continue;
            }
            if (!seen.add(code)) {
                report.refuse(line, "queue.import.duplicate");
                continue;
            }
            int minutes;
            try {
                minutes = Integer.parseInt(r.get(8).strip());
            } catch (NumberFormatException e) {
                report.refuse(line, "queue.error.duration");
                continue;
            }
            List<Long> wp;
            try {
                wp = resolve(List.of(r.get(9).split("[|\\s]+")), workplaceIds);
            } catch (Refusal e) {
                report.refuse(line, e.messageKey());
                continue;
            }
            try {
                boolean existed = services.findByCode(code).isPresent();
                save(code, r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), minutes, wp);
                report.accept(existed);
            } catch (Refusal e) {
                report.refuse(line, e.messageKey());
            }
        }
        audit.record("queue.catalogue.imported", "cnap_service", null,
                "created " + report.created + ", updated " + report.updated + ", refused " + report.refused.size());
        return report;
    }

    /** What an import did: rows created, updated and refused (line and reason key). */
    public static final class ImportReport {
        int created;
        int updated;
        final List<RefusedLine> refused = new ArrayList<>();

        void accept(boolean existed) {
            if (existed) {
                updated++;
            } else {
                created++;
            }
        }

        void refuse(int line, String key) {
            refused.add(new RefusedLine(line, key));
        }

        public int created() { return created; }
        public int updated() { return updated; }
        public List<RefusedLine> refused() { return refused; }
    }

    /** A refused CSV row: its line number and the message key of the reason. */
    public record RefusedLine(int line, String reasonKey) {}

    private AdminService save(String code, String nameUk, String nameEn, String categoryUk, String categoryEn,
                              String description, String documents, String cost, int minutes, List<Long> workplaceIds) {
        AdminService s = services.findByCode(code).orElseGet(() -> new AdminService(code));
        s.describe(nameUk, nameEn, categoryUk, categoryEn, description, documents, cost, minutes);
        s = services.save(s);
        jdbc.update("delete from cnap_workplace_service where service_id = ? and community_id = ?", s.getId(), community());
        long service = s.getId();
        jdbc.batchUpdate("insert into cnap_workplace_service (community_id, workplace_id, service_id) values (?, ?, ?)"
                + " on conflict do nothing", workplaceIds.stream().map(w -> new Object[] {community(), w, service}).toList());
        return s;
    }

    private static List<Long> resolve(List<String> codes, Map<String, Long> byCode) {
        List<Long> ids = new ArrayList<>();
        for (String c : codes) {
            if (!c.isBlank()) {
                Long id = byCode.get(c.strip());
                if (id == null) {
                    throw Refusal.of("queue.import.workplace");
                }
                ids.add(id);
            }
        }
        return ids;
    }

    private List<Long> resolve(List<String> codes) {
        List<Long> ids = new ArrayList<>();
        for (String c : codes) {
            if (c.isBlank()) {
                continue;
            }
            ids.add(workplaces.findByCode(c.strip()).orElseThrow(() -> Refusal.of("queue.import.workplace")).getId());
        }
        return ids;
    }

    private void requireManager() {
        access.require(Role.CNAP_ADMINISTRATOR, Role.COMMUNITY_ADMIN);
    }

    private static long community() {
        return CurrentCommunity.require().id();
    }
}
