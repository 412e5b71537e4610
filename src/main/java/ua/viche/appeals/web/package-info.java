/**
 * Appeal pages: applicants, the officials' queue, the hotline form, category admin, JSON API.
 */
@NullMarked
package ua.viche.appeals.web;

import org.jspecify.annotations.NullMarked;
