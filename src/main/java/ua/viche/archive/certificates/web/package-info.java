@NullMarked
package ua.viche.archive.certificates.web;

import org.jspecify.annotations.NullMarked;
