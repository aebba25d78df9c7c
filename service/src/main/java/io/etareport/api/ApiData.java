package io.etareport.api;

/** The success envelope of every API answer with a body, as the original's: {@code {"data": ...}}. */
record ApiData<T>(T data) {

    static <T> ApiData<T> of(T data) {
        return new ApiData<>(data);
    }
}
