package ua.viche.budget.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.CycleAdministration;
import ua.viche.budget.results.Method;

/** The community admin's cycle form; categories as up to four rows of name (uk, en) and sum in hryvnias. */
public class CycleForm {

    private String name = "";
    private int year = LocalDate.now().getYear() + 1;
    private Method method = Method.GREEDY;
    private int votesPerPerson = 5;
    private boolean onePerCategory;
    private int maxProjects;
    private int minVoterAge = 16;
    private int minAuthorAge = 16;
    private boolean residencyRequired;
    private int supportsNeeded;
    private @Nullable LocalDate submissionStarts;
    private @Nullable LocalDate submissionEnds;
    private @Nullable LocalDate reviewEnds;
    private @Nullable LocalDate votingStarts;
    private @Nullable LocalDate votingEnds;
    private @Nullable LocalDate resultsOn;
    private List<String> categoryUk = new ArrayList<>(List.of("", "", "", ""));
    private List<String> categoryEn = new ArrayList<>(List.of("", "", "", ""));
    private List<String> categorySum = new ArrayList<>(List.of("", "", "", ""));

    Cycle.Rules rules() {
        if (submissionStarts == null || submissionEnds == null || reviewEnds == null || votingStarts == null
                || votingEnds == null || resultsOn == null) {
            throw Refusal.of("budget.error.dates");
        }
        return new Cycle.Rules(name, year, method, votesPerPerson, onePerCategory, maxProjects, minVoterAge, minAuthorAge,
                residencyRequired, supportsNeeded, submissionStarts, submissionEnds, reviewEnds, votingStarts, votingEnds, resultsOn);
    }

    List<CycleAdministration.CategoryDraft> categories() {
        List<CycleAdministration.CategoryDraft> drafts = new ArrayList<>();
        for (int i = 0; i < categoryUk.size(); i++) {
            String uk = categoryUk.get(i) == null ? "" : categoryUk.get(i).strip();
            String en = i < categoryEn.size() && categoryEn.get(i) != null ? categoryEn.get(i).strip() : "";
            String sum = i < categorySum.size() && categorySum.get(i) != null ? categorySum.get(i).strip() : "";
            if (uk.isEmpty() && en.isEmpty() && sum.isEmpty()) {
                continue;
            }
            try {
                drafts.add(new CycleAdministration.CategoryDraft(uk, en.isEmpty() ? uk : en,
                        Amounts.kopecks(sum)));
            } catch (NumberFormatException | ArithmeticException e) {
                throw Refusal.of("budget.error.categoryAmount");
            }
        }
        return drafts;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public Method getMethod() { return method; }
    public void setMethod(Method method) { this.method = method; }
    public int getVotesPerPerson() { return votesPerPerson; }
    public void setVotesPerPerson(int votesPerPerson) { this.votesPerPerson = votesPerPerson; }
    public boolean isOnePerCategory() { return onePerCategory; }
    public void setOnePerCategory(boolean onePerCategory) { this.onePerCategory = onePerCategory; }
    public int getMaxProjects() { return maxProjects; }
    public void setMaxProjects(int maxProjects) { this.maxProjects = maxProjects; }
    public int getMinVoterAge() { return minVoterAge; }
    public void setMinVoterAge(int minVoterAge) { this.minVoterAge = minVoterAge; }
    public int getMinAuthorAge() { return minAuthorAge; }
    public void setMinAuthorAge(int minAuthorAge) { this.minAuthorAge = minAuthorAge; }
    public boolean isResidencyRequired() { return residencyRequired; }
    public void setResidencyRequired(boolean residencyRequired) { this.residencyRequired = residencyRequired; }
    public int getSupportsNeeded() { return supportsNeeded; }
    public void setSupportsNeeded(int supportsNeeded) { this.supportsNeeded = supportsNeeded; }
    public @Nullable LocalDate getSubmissionStarts() { return submissionStarts; }
    public void setSubmissionStarts(@Nullable LocalDate d) { this.submissionStarts = d; }
    public @Nullable LocalDate getSubmissionEnds() { return submissionEnds; }
    public void setSubmissionEnds(@Nullable LocalDate d) { this.submissionEnds = d; }
    public @Nullable LocalDate getReviewEnds() { return reviewEnds; }
    public void setReviewEnds(@Nullable LocalDate d) { this.reviewEnds = d; }
    public @Nullable LocalDate getVotingStarts() { return votingStarts; }
    public void setVotingStarts(@Nullable LocalDate d) { this.votingStarts = d; }
    public @Nullable LocalDate getVotingEnds() { return votingEnds; }
    public void setVotingEnds(@Nullable LocalDate d) { this.votingEnds = d; }
    public @Nullable LocalDate getResultsOn() { return resultsOn; }
    public void setResultsOn(@Nullable LocalDate d) { this.resultsOn = d; }
    public List<String> getCategoryUk() { return categoryUk; }
    public void setCategoryUk(List<String> v) { this.categoryUk = v; }
    public List<String> getCategoryEn() { return categoryEn; }
    public void setCategoryEn(List<String> v) { this.categoryEn = v; }
    public List<String> getCategorySum() { return categorySum; }
    public void setCategorySum(List<String> v) { this.categorySum = v; }
}
