package ua.viche.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * Residency of a person in a community, by the bases the community accepts: a declaration, the
 * community's census list (matched by tax-number hash) or a verified address that names one of
 * the community's settlements.
 */
@Service
public class ResidencyService {

    static final String BASES = "identity.residencyBases";
    static final String KEYWORDS = "identity.addressKeywords";

    private final ResidencyRepository residencies;
    private final CensusRepository census;
    private final TaxNumberHasher hasher;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;

    ResidencyService(ResidencyRepository residencies, CensusRepository census, TaxNumberHasher hasher, AuditLog audit,
                     JdbcTemplate jdbc) {
        this.residencies = residencies;
        this.census = census;
        this.hasher = hasher;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * What residency is decided from: the person (a declaration), the hash of their tax number (the
     * census list) and their address if verified.
     */
    public record Claim(long personId, @Nullable String taxHash, @Nullable String verifiedAddress) {}

    /** Whether the person is a resident of the current community. */
    public boolean isResident(Person person) {
        return isResident(new Claim(person.getId(), person.getTaxHash(), person.verified() ? person.getAddress() : null));
    }

    /** Whether the person with this id is a resident of the current community (false for no such person). */
    public boolean isResident(long personId) {
        return jdbc.query("select tax_hash, case when verified_at is not null then address end from person where id = ?",
                (rs, i) -> new Claim(personId, rs.getString(1), rs.getString(2)), personId).stream().findFirst()
                .map(this::isResident).orElse(false);
    }

    /**
     * Whether the claim makes a resident of the current community, by the community's bases. Plain
     * SQL without a transaction of its own: signing and voting ask this on every counted action, and
     * under the community's tenant filter Hibernate translates each JPA query anew (decision 0024).
     */
    public boolean isResident(Claim claim) {
        Community c = CurrentCommunity.require();
        Set<String> bases = new HashSet<>(Arrays.asList(c.setting(BASES, "DECLARED,CENSUS,VERIFIED_ADDRESS").split(",")));
        boolean declared = bases.contains("DECLARED");
        boolean listed = bases.contains("CENSUS") && claim.taxHash() != null;
        // the declaration and the census list in one statement
        if ((declared || listed) && Boolean.TRUE.equals(jdbc.queryForObject("select (? and exists (select 1 from residency"
                        + " where community_id = ? and person_id = ? and basis = 'DECLARED')) or (? and exists (select 1"
                        + " from census_entry where community_id = ? and tax_hash = ?))", Boolean.class,
                declared, c.id(), claim.personId(), listed, c.id(), listed ? claim.taxHash() : ""))) {
            return true;
        }
        if (bases.contains("VERIFIED_ADDRESS") && claim.verifiedAddress() != null) {
            String address = claim.verifiedAddress().toLowerCase(Locale.ROOT);
            for (String keyword : c.setting(KEYWORDS, "").split(",")) {
                if (!keyword.isBlank() && address.contains(keyword.strip().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean declarationAllowed() {
        return CurrentCommunity.require().setting(BASES, "DECLARED,CENSUS,VERIFIED_ADDRESS").contains("DECLARED");
    }

    /** Declares residency in the current community (idempotent). */
    @Transactional
    public void declare(Person person) {
        if (!residencies.existsByPersonIdAndBasis(person.getId(), Residency.Basis.DECLARED)) {
            residencies.save(new Residency(person.getId(), Residency.Basis.DECLARED));
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
        java.util.List<Integer> bad = new java.util.ArrayList<>();
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
    public record CensusResult(int stored, java.util.List<Integer> badLines) {}
}
