package ua.viche.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.IdentityModule;
import ua.viche.identity.ResidencyBasis;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;

/**
 * Residency of a person in a community, by the bases the community accepts: a verified address whose
 * KATOTTG code is one of the community's settlements, the community's census list (matched by
 * tax-number hash), or the person's own declaration of an address in one of those settlements. Codes
 * are compared whole: a name that merely contains another (a city and the district named after it)
 * never makes a resident.
 */
@Service
public class ResidencyService {

    private final ResidencyRepository residencies;
    private final CensusEntryRepository census;
    private final SettlementRepository settlements;
    private final TaxNumberHasher hasher;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;

    ResidencyService(ResidencyRepository residencies, CensusEntryRepository census, SettlementRepository settlements,
                     TaxNumberHasher hasher, AuditLog audit, JdbcTemplate jdbc) {
        this.residencies = residencies;
        this.census = census;
        this.settlements = settlements;
        this.hasher = hasher;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * What residency is decided from: the person (a declaration), the hash of their tax number (the
     * census list) and the KATOTTG code of their address if verified.
     */
    public record Claim(long personId, @Nullable String taxHash, @Nullable String verifiedKatottg) {}

    /** Whether the person is a resident of the current community. */
    public boolean isResident(Person person) {
        return basis(person).isPresent();
    }

    /** On what the person is a resident of the current community, if they are. */
    public Optional<ResidencyBasis> basis(Person person) {
        return basis(new Claim(person.getId(), person.getTaxHash(), person.verified() ? person.getKatottg() : null));
    }

    /** Whether the person with this id is a resident of the current community (false for no such person). */
    public boolean isResident(long personId) {
        return basis(personId).isPresent();
    }

    /** On what the person with this id is a resident of the current community, if they are. */
    public Optional<ResidencyBasis> basis(long personId) {
        return jdbc.query("select tax_hash, case when verified_at is not null then katottg end from person where id = ?",
                (rs, i) -> new Claim(personId, rs.getString(1), rs.getString(2)), personId).stream().findFirst()
                .flatMap(this::basis);
    }

    public boolean isResident(Claim claim) {
        return basis(claim).isPresent();
    }

    /**
     * On what the claim makes a resident of the current community, by the community's bases; the
     * verified address first, then the census list, then a declaration (which counts only while its
     * settlement is on the community's list). One statement of plain SQL without a transaction of
     * its own: signing and voting ask this on every counted action, and under the community's
     * tenant filter Hibernate translates each JPA query anew (decision 0024).
     */
    public Optional<ResidencyBasis> basis(Claim claim) {
        Community c = CurrentCommunity.require();
        Set<ResidencyBasis> bases = IdentityModule.RESIDENCY_BASES.value(c);
        boolean byAddress = bases.contains(ResidencyBasis.VERIFIED_ADDRESS) && claim.verifiedKatottg() != null;
        boolean listed = bases.contains(ResidencyBasis.CENSUS) && claim.taxHash() != null;
        boolean declared = bases.contains(ResidencyBasis.DECLARED);
        if (!byAddress && !listed && !declared) {
            return Optional.empty();
        }
        String basis = jdbc.queryForObject("select case"
                + " when ? and exists (select 1 from settlement where community_id = ? and katottg = ?) then 'VERIFIED_ADDRESS'"
                + " when ? and exists (select 1 from census_entry where community_id = ? and tax_hash = ?) then 'CENSUS'"
                + " when ? and exists (select 1 from residency r join settlement s on s.community_id = r.community_id"
                + " and s.katottg = r.katottg where r.community_id = ? and r.person_id = ? and r.basis = 'DECLARED') then 'DECLARED'"
                + " end", String.class,
                byAddress, c.id(), byAddress ? claim.verifiedKatottg() : "",
                listed, c.id(), listed ? claim.taxHash() : "",
                declared, c.id(), claim.personId());
        return Optional.ofNullable(basis).map(ResidencyBasis::valueOf);
    }

    public boolean declarationAllowed() {
        return IdentityModule.RESIDENCY_BASES.value().contains(ResidencyBasis.DECLARED);
    }

    /** The person's declaration in the current community, if any. */
    @Transactional(readOnly = true)
    public Optional<Residency> declaration(long personId) {
        CurrentCommunity.require();
        return residencies.findByPersonIdAndBasis(personId, ResidencyBasis.DECLARED);
    }

    /**
     * Declares that the person lives at the address in the current community's settlement with
     * this code, replacing an earlier declaration. Refused (nothing changes) when the community does
     * not accept declarations, the code is not one of its settlements or the address is blank or
     * longer than 500 characters.
     */
    @Transactional
    public void declare(Person person, String katottg, String address) {
        if (!declarationAllowed()) {
            throw Refusal.field("katottg", "residency.error.notAccepted");
        }
        Settlement settlement = settlements.findByKatottg(katottg.strip())
                .orElseThrow(() -> Refusal.field("katottg", "residency.error.settlement"));
        if (address.isBlank() || address.strip().length() > 500) {
            throw Refusal.field("address", "residency.error.address");
        }
        Optional<Residency> existing = residencies.findByPersonIdAndBasis(person.getId(), ResidencyBasis.DECLARED);
        if (existing.isPresent()) {
            existing.get().redeclare(settlement.getKatottg(), address);
        } else {
            residencies.save(Residency.declared(person.getId(), settlement.getKatottg(), address));
        }
    }

    /** The current community's settlements, by name. */
    @Transactional(readOnly = true)
    public List<Settlement> settlements() {
        CurrentCommunity.require();
        return settlements.findAllByOrderByNameUkAscIdAsc();
    }

    /**
     * Adds a settlement to the current community's list. Refused (nothing changes) for a code that
     * is not {@code UA} and 17 digits, a code already listed, or a missing or too long name.
     */
    @Transactional
    public Settlement addSettlement(String katottg, String nameUk, String nameEn) {
        Community c = CurrentCommunity.require();
        String code = katottg.strip();
        if (!Settlement.validCode(code)) {
            throw Refusal.field("katottg", "settlement.error.code");
        }
        if (settlements.findByKatottg(code).isPresent()) {
            throw Refusal.field("katottg", "settlement.error.duplicate");
        }
        if (nameUk.isBlank() || nameEn.isBlank() || nameUk.strip().length() > 200 || nameEn.strip().length() > 200) {
            throw Refusal.field("nameUk", "settlement.error.name");
        }
        Settlement s = settlements.save(new Settlement(code, nameUk, nameEn));
        audit.record("settlement.added", "settlement", s.getId(), code + " " + s.getNameUk());
        return s;
    }

    /** Removes a settlement of the current community; declarations naming it stop counting. */
    @Transactional
    public void removeSettlement(long id) {
        CurrentCommunity.require();
        Settlement s = settlements.findById(id).orElseThrow(() -> new NotFoundException("error.404.text"));
        settlements.delete(s);
        audit.record("settlement.removed", "settlement", s.getId(), s.getKatottg() + " " + s.getNameUk());
    }

    /**
     * Adds tax numbers to the current community's census list (the demo's made-up residents);
     * numbers already listed are kept once.
     */
    @Transactional
    public void addToCensus(Collection<String> taxNumbers) {
        Community c = CurrentCommunity.require();
        for (String number : taxNumbers) {
            jdbc.update("insert into census_entry (community_id, tax_hash) values (?, ?) on conflict do nothing",
                    c.id(), hasher.hash(number));
        }
    }

    /**
     * Replaces the current community's census list with the tax numbers in the text (one per line,
     * the first column of a CSV; a header line and blank lines are skipped). Nothing changes if a
     * line is not a 10-digit number: the result names the bad lines.
     */
    @Transactional
    public CensusResult replaceCensus(Reader csv) throws IOException {
        Community c = CurrentCommunity.require();
        Set<String> hashes = new HashSet<>();
        List<Integer> bad = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(csv)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String first = line.split("[,;]", 2)[0].strip().replace("\uFEFF", "").replace("\"", "");
                if (first.isEmpty() || (number == 1 && !first.chars().allMatch(Character::isDigit))) {
                    continue;
                }
                if (!TaxNumberHasher.valid(first)) {
                    bad.add(number);
                    continue;
                }
                hashes.add(hasher.hash(first));
            }
        }
        if (!bad.isEmpty()) {
            return new CensusResult(0, bad);
        }
        census.deleteAllOfCommunity(c.id());
        census.flush();
        hashes.forEach(h -> census.save(new CensusEntry(h)));
        audit.record("census.replaced", "census", c.id(), hashes.size() + " entries");
        return new CensusResult(hashes.size(), bad);
    }

    @Transactional(readOnly = true)
    public long censusSize() {
        CurrentCommunity.require();
        return census.count();
    }

    /** Outcome of a census upload: entries stored, or the numbers of the lines refused. */
    public record CensusResult(int stored, List<Integer> badLines) {}
}
