package ua.viche.petitions;

import java.time.Instant;

/**
 * A petition moved to another state its author cares about: published (collecting signatures),
 * rejected by the moderator, before the council (it collected its signatures), answered. The state
 * is {@code Petition.Status}'s name; the path is the petition's page below the site. Published in
 * the change's transaction.
 */
public record PetitionStatusChanged(long communityId, long petitionId, String title, String status, long authorPersonId,
                                    String path, Instant at) {}
