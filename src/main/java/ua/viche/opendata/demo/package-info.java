
@NullMarked
package ua.viche.opendata.demo;

import org.jspecify.annotations.NullMarked;
