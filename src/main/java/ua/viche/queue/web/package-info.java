@NullMarked
package ua.viche.queue.web;

import org.jspecify.annotations.NullMarked;
