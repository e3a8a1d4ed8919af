package dev.pgops.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSqlParser's cross-check of files classified by their tokens ({@link MigrationReader#readByTokens}), run in the
 * background: it only decides {@code classifiedBy}, so a review can run meanwhile. A daemon thread takes statements
 * one at a time; {@link #join} makes the calling thread take them too until none is left, so both cores parse
 * once the caller is free. Each statement is parsed once, by whichever thread takes it.
 *
 * <pre>{@code
 * List<MigrationFile> files = MigrationReader.readByTokens(paths);
 * CrossCheck check = CrossCheck.start(files);
 * ReviewResult r = engine.review(files, facts, options, config);   // meanwhile
 * r = r.withClassified(check.join());
 * }</pre>
 */
public final class CrossCheck {
    private final List<MigrationFile> files;
    private final ClassifiedStatement[] statements;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch workerDone = new CountDownLatch(1);

    private CrossCheck(List<MigrationFile> files) {
        this.files = List.copyOf(files);
        this.statements = files.stream().flatMap(f -> f.statements().stream()).toArray(ClassifiedStatement[]::new);
    }

    /** Starts cross-checking {@code files} in a background thread. */
    public static CrossCheck start(List<MigrationFile> files) {
        CrossCheck c = new CrossCheck(files);
        Thread t = new Thread(() -> {
            try {
                c.work();
            } finally {
                c.workerDone.countDown();
            }
        }, "pgops-cross-check");
        t.setDaemon(true);
        t.start();
        return c;
    }

    /** Helps with what is left, waits for the background thread, and returns the files cross-checked. */
    public List<MigrationFile> join() {
        work();
        try {
            workerDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for JSqlParser's cross-check", e);
        }
        List<MigrationFile> out = new ArrayList<>(files.size());
        int i = 0;
        for (MigrationFile f : files) {
            List<ClassifiedStatement> checked = new ArrayList<>(f.statements().size());
            for (int k = 0; k < f.statements().size(); k++) checked.add(statements[i++]);
            out.add(new MigrationFile(f.file(), checked, f.error()));
        }
        return out;
    }

    private void work() {
        // each slot is written by the one thread that took it, and read after the latch (happens-before)
        for (int i = next.getAndIncrement(); i < statements.length; i = next.getAndIncrement()) {
            statements[i] = StatementClassifier.crossChecked(statements[i]);
        }
    }
}
