package ua.viche.budget.domain;

import ua.viche.platform.Refusal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import ua.viche.budget.results.Method;
import ua.viche.identity.Participation;

/**
 * A yearly cycle of the participatory budget: its rules (method, votes per person, ages,
 * residency, supports needed) and its phase dates, from which the current phase follows.
 */
@Entity
@Table(name = "budget_cycle")
public class Cycle {

    /** Phases in order; each date in the cycle is the last day of its phase (inclusive). */
    public enum Phase { UPCOMING, SUBMISSION, REVIEW, BEFORE_VOTING, VOTING, COUNTING, RESULTS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String name;
    private int year;

    @Enumerated(EnumType.STRING)
    private Method method;

    private int votesPerPerson;
    private boolean onePerCategory;
    private int maxProjects;
    private int minVoterAge;
    private int minAuthorAge;
    private boolean residencyRequired;
    private int supportsNeeded;
    private LocalDate submissionStarts;
    private LocalDate submissionEnds;
    private LocalDate reviewEnds;
    private LocalDate votingStarts;
    private LocalDate votingEnds;
    private LocalDate resultsOn;
    private @Nullable Instant resultsPublishedAt;
    private Instant createdAt;

    protected Cycle() {}

    /** What a community admin sets for a cycle. */
    public record Rules(String name, int year, Method method, int votesPerPerson, boolean onePerCategory, int maxProjects,
                        int minVoterAge, int minAuthorAge, boolean residencyRequired, int supportsNeeded,
                        LocalDate submissionStarts, LocalDate submissionEnds, LocalDate reviewEnds,
                        LocalDate votingStarts, LocalDate votingEnds, LocalDate resultsOn) {}

    public Cycle(Rules rules, Instant now) {
        this.createdAt = now;
        change(rules);
    }

    /** Sets the rules, refusing impossible ones (dates out of order, votes or ages out of range). */
    public void change(Rules r) {
        require(!r.name().isBlank() && r.name().length() <= 200, "budget.error.cycleName");
        require(r.year() >= 2000 && r.year() <= 2100, "budget.error.year");
        require(r.votesPerPerson() >= 1 && r.votesPerPerson() <= 50, "budget.error.votesPerPerson");
        require(r.minVoterAge() >= 14 && r.minVoterAge() <= 21 && r.minAuthorAge() >= 14 && r.minAuthorAge() <= 21,
                "budget.error.age");
        require(r.supportsNeeded() >= 0 && r.supportsNeeded() <= 10_000, "budget.error.supportsNeeded");
        require(r.method() != Method.APPROVAL_LIMIT || r.maxProjects() >= 1, "budget.error.maxProjects");
        require(!r.submissionStarts().isAfter(r.submissionEnds()) && !r.submissionEnds().isAfter(r.reviewEnds())
                && !r.reviewEnds().isAfter(r.votingStarts()) && !r.votingStarts().isAfter(r.votingEnds())
                && !r.votingEnds().isAfter(r.resultsOn()), "budget.error.dates");
        name = r.name().strip();
        year = r.year();
        method = r.method();
        votesPerPerson = r.votesPerPerson();
        onePerCategory = r.onePerCategory();
        maxProjects = Math.max(0, r.maxProjects());
        minVoterAge = r.minVoterAge();
        minAuthorAge = r.minAuthorAge();
        residencyRequired = r.residencyRequired();
        supportsNeeded = r.supportsNeeded();
        submissionStarts = r.submissionStarts();
        submissionEnds = r.submissionEnds();
        reviewEnds = r.reviewEnds();
        votingStarts = r.votingStarts();
        votingEnds = r.votingEnds();
        resultsOn = r.resultsOn();
    }

    public Phase phase(LocalDate today) {
        return phase(today, submissionStarts, submissionEnds, reviewEnds, votingStarts, votingEnds, resultsOn);
    }

    /** When projects are drafted and submitted: the submission phase, Kyiv time. */
    public Participation.Window submission() {
        return Participation.Window.days(submissionStarts, submissionEnds);
    }

    /** When projects are supported (where the cycle asks for supports): submission and review. */
    public Participation.Window supporting() {
        return Participation.Window.days(submissionStarts, reviewEnds);
    }

    /** When people vote: the voting phase, from the start of its first day to the end of its last, Kyiv time. */
    public Participation.Window voting() {
        return voting(reviewEnds, votingStarts, votingEnds);
    }

    /** The rule of {@link #voting()} from the dates (voting starts the day after review at the earliest, as {@link #phase} says). */
    static Participation.Window voting(LocalDate reviewEnds, LocalDate votingStarts, LocalDate votingEnds) {
        LocalDate first = votingStarts.isAfter(reviewEnds) ? votingStarts : reviewEnds.plusDays(1);
        return Participation.Window.days(first, votingEnds);
    }

    /** The phase on a day, from a cycle's dates (each the last day of its phase). */
    static Phase phase(LocalDate today, LocalDate submissionStarts, LocalDate submissionEnds, LocalDate reviewEnds,
                       LocalDate votingStarts, LocalDate votingEnds, LocalDate resultsOn) {
        if (today.isBefore(submissionStarts)) {
            return Phase.UPCOMING;
        }
        if (!today.isAfter(submissionEnds)) {
            return Phase.SUBMISSION;
        }
        if (!today.isAfter(reviewEnds)) {
            return Phase.REVIEW;
        }
        if (today.isBefore(votingStarts)) {
            return Phase.BEFORE_VOTING;
        }
        if (!today.isAfter(votingEnds)) {
            return Phase.VOTING;
        }
        if (today.isBefore(resultsOn)) {
            return Phase.COUNTING;
        }
        return Phase.RESULTS;
    }

    void resultsPublished(Instant now) {
        require(resultsPublishedAt == null, "budget.error.resultsPublished");
        resultsPublishedAt = now;
    }

    static void require(boolean condition, String key) {
        if (!condition) {
            throw Refusal.of(key);
        }
    }

    public Rules rules() {
        return new Rules(name, year, method, votesPerPerson, onePerCategory, maxProjects, minVoterAge, minAuthorAge,
                residencyRequired, supportsNeeded, submissionStarts, submissionEnds, reviewEnds, votingStarts, votingEnds,
                resultsOn);
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getName() { return name; }
    public int getYear() { return year; }
    public Method getMethod() { return method; }
    public int getVotesPerPerson() { return votesPerPerson; }
    public boolean isOnePerCategory() { return onePerCategory; }
    public int getMaxProjects() { return maxProjects; }
    public int getMinVoterAge() { return minVoterAge; }
    public int getMinAuthorAge() { return minAuthorAge; }
    public boolean isResidencyRequired() { return residencyRequired; }
    public int getSupportsNeeded() { return supportsNeeded; }
    public LocalDate getSubmissionStarts() { return submissionStarts; }
    public LocalDate getSubmissionEnds() { return submissionEnds; }
    public LocalDate getReviewEnds() { return reviewEnds; }
    public LocalDate getVotingStarts() { return votingStarts; }
    public LocalDate getVotingEnds() { return votingEnds; }
    public LocalDate getResultsOn() { return resultsOn; }
    public @Nullable Instant getResultsPublishedAt() { return resultsPublishedAt; }
    public Instant getCreatedAt() { return createdAt; }
}
