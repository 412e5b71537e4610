package ua.viche.appeals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An appeal was answered: its registration number, the applicant's account when they filed it
 * signed in, the appeal's path and the moment. Published in the answer's transaction.
 */
public record AppealAnswered(long communityId, long appealId, String registrationNumber, @Nullable Long applicantAccountId,
                             String path, Instant at) {}
