/** Programme monitoring: the demo programmes (Kropyvnytskyi's programme 2025–2027). */
@NullMarked
package ua.viche.monitoring.demo;

import org.jspecify.annotations.NullMarked;
