package ua.viche.petitions;

import java.time.Instant;

/** A petition collected its signatures and is now before the council, with an answer due. */
public record PetitionThresholdReached(long communityId, long petitionId, String title, int signatureCount,
                                       Instant answerDueAt) {}
