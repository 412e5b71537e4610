package ua.viche.problems;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An official moved a problem report to another state: its number, the state (its code and its name
 * in Ukrainian and English, as a sentence says it), the reporter's account when they were signed in,
 * the report's path and the moment. Published in the change's transaction.
 */
public record ProblemStatusChanged(long communityId, long reportId, String status, String statusUk, String statusEn,
                                   @Nullable Long reporterAccountId, String path, Instant at) {}
