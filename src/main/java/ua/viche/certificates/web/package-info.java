@NullMarked
package ua.viche.certificates.web;

import org.jspecify.annotations.NullMarked;
