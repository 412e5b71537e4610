@NullMarked
package ua.viche.archive.certificates.demo;

import org.jspecify.annotations.NullMarked;
