/**
 * Problem reports, their history, categories, photos, subscribers, Open311 keys and clients,
 * figures, privacy.
 */
@NullMarked
package ua.viche.problems.domain;

import org.jspecify.annotations.NullMarked;
