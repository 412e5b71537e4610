@NullMarked
package ua.viche.civic.demo;

import org.jspecify.annotations.NullMarked;
