package ua.viche.petitions;

import org.jspecify.annotations.Nullable;

/**
 * A petition's collection period ended below the threshold: by law it is then considered as an
 * ordinary appeal. The appeals module registers it.
 */
public record PetitionForwardedAsAppeal(long communityId, long petitionId, String title, String text,
                                        long authorPersonId, String authorName, @Nullable String authorEmail,
                                        int signatureCount, String url) {}
