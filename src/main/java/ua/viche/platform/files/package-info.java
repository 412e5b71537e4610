/**
 * Where the bytes of stored files live ({@link ua.viche.platform.files.FileBackend}): a local
 * directory (the default; a shared volume for several nodes) or S3-compatible object storage. The
 * platform's {@code FileStore} is the only user; modules read and write files through it.
 */
@NullMarked
package ua.viche.platform.files;

import org.jspecify.annotations.NullMarked;
