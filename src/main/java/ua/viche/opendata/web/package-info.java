
@NullMarked
package ua.viche.opendata.web;

import org.jspecify.annotations.NullMarked;
