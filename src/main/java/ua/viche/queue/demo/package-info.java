@NullMarked
package ua.viche.queue.demo;

import org.jspecify.annotations.NullMarked;
