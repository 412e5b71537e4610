package ua.viche.platform;

/** A rate limit was exceeded; rendered as 429. */
public class TooManyRequestsException extends RuntimeException {

    public TooManyRequestsException(String bucket) {
        super(bucket);
    }
}
