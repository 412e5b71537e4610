@NullMarked
package ua.viche.civic.domain;

import org.jspecify.annotations.NullMarked;
