/**
 * Petitions: the entity and its rules, the use cases (authoring, signing, moderation, answering,
 * reading, figures), signatures, attachments, search, expiry.
 */
@NullMarked
package ua.viche.petitions.domain;

import org.jspecify.annotations.NullMarked;
