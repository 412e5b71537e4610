@NullMarked
package ua.viche.archive.certificates.domain;

import org.jspecify.annotations.NullMarked;
