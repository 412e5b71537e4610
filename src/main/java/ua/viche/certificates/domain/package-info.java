@NullMarked
package ua.viche.certificates.domain;

import org.jspecify.annotations.NullMarked;
