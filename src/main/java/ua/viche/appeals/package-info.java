/**
 * Citizen appeals (SPEC §2; Law «Про звернення громадян»): proposals, applications and complaints
 * from the web, the hotline and forwarded petitions, registered with numbers and deadlines, routed
 * to departments and answered.
 */
@NullMarked
package ua.viche.appeals;

import org.jspecify.annotations.NullMarked;
