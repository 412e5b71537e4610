@NullMarked
package ua.viche.civic.web;

import org.jspecify.annotations.NullMarked;
