package io.mq.bench.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Flight Recorder recording (the JDK's "profile" settings: CPU samples every 10 ms, allocation samples) of the
 * measured phase only, so warm-up and JIT do not blur it. Read it with {@code jfr print --events
 * jdk.ExecutionSample} or {@code jfr summary}.
 */
final class Profile {

    private static final Profile NONE = new Profile(null, null);

    private final Recording recording;
    private final Path file;

    private Profile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts recording to {@code file}, or does nothing when it is null. */
    static Profile startIf(String file) {
        if (file == null) {
            return NONE;
        }
        try {
            var recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return new Profile(recording, Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("the JDK's profile settings do not parse", e);
        }
    }

    /** Stops and writes the file; the CPU figures are taken before, so writing it costs them nothing. */
    void stop() {
        if (recording == null) {
            return;
        }
        try {
            recording.stop();
            recording.dump(file);
            recording.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
