/**
 * E-petitions (SPEC §1; Law «Про звернення громадян», art. 23-1): drafting, moderation within two
 * working days, signature collection towards a threshold, consideration within ten working days,
 * the council's answer, and forwarding as an appeal when the threshold is not reached.
 */
@NullMarked
package ua.viche.petitions;

import org.jspecify.annotations.NullMarked;
