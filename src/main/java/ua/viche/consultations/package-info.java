/**
 * E-consultations on draft decisions (SPEC §4): an official publishes a draft in sections, typed in
 * Markdown or imported from a .docx, for a period of at least fifteen days; residents comment on a
 * section, propose amendments (shown as a word-level difference from the draft), support or oppose
 * them and reply one level deep; officials decide on every amendment and publish the report within
 * fourteen days of the end; a new version of the draft is shown against the previous one.
 */
@NullMarked
package ua.viche.consultations;

import org.jspecify.annotations.NullMarked;
