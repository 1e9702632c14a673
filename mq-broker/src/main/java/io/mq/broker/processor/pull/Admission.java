package io.mq.broker.processor.pull;

/** Whether a pull request may read, and through which filter; or the response that refuses it. */
sealed interface Admission {

    /** The request may read through {@code filter}. */
    record Admitted(PullFilter filter) implements Admission {
    }

    /** The request is answered at once with {@code code} and {@code remark}. */
    record Refused(int code, String remark) implements Admission {
    }
}
