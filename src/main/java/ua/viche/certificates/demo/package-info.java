@NullMarked
package ua.viche.certificates.demo;

import org.jspecify.annotations.NullMarked;
