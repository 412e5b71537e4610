/** Demo data: a handful of linked demo subscribers per community. */
@NullMarked
package ua.viche.notifications.demo;

import org.jspecify.annotations.NullMarked;
