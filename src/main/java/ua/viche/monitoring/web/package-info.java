/** Programme monitoring: public pages and JSON of the programme. */
@NullMarked
package ua.viche.monitoring.web;

import org.jspecify.annotations.NullMarked;
