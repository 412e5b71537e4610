
@NullMarked
package ua.viche.opendata.domain;

import org.jspecify.annotations.NullMarked;
