@NullMarked
package ua.viche.queue.domain;

import org.jspecify.annotations.NullMarked;
