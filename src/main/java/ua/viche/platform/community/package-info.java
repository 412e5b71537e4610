/**
 * Communities and departments: entities, platform and community admin pages, JSON.
 */
@NullMarked
package ua.viche.platform.community;

import org.jspecify.annotations.NullMarked;
