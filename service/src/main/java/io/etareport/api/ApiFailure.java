package io.etareport.api;

/** Ends an API call with one of the original's error bodies; {@link ApiExceptionResolver} writes it. */
final class ApiFailure extends RuntimeException {

    private final ApiError error;

    ApiFailure(ApiError error) {
        super(error.code(), null, false, false);
        this.error = error;
    }

    ApiError error() {
        return error;
    }

    static ApiFailure notFound(String message) {
        return new ApiFailure(new ApiError(message, ApiError.NOT_FOUND));
    }

    static ApiFailure badRequest(String message) {
        return new ApiFailure(new ApiError(message, ApiError.BAD_REQUEST));
    }

    static ApiFailure invalid(String message) {
        return new ApiFailure(new ApiError(message, ApiError.VALIDATION_ERROR));
    }

    static ApiFailure paused() {
        return new ApiFailure(new ApiError("This customer's link is paused; resume it to get reports.",
                ApiError.LINK_PAUSED));
    }

    static ApiFailure serverError(String message) {
        return new ApiFailure(new ApiError(message, ApiError.SERVER_ERROR));
    }
}
