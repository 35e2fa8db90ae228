package org.lrsearch.api;

import java.lang.ref.SoftReference;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;

/**
 * A read-only list whose elements stay in a results store until they are read, and are read again once the
 * memory holding them was needed elsewhere. Runs read back from a store come this way, and so do their
 * curves and traces: a reporter can keep every run of a 30,000-run study without keeping their curves, and
 * walk the runs without holding them all. {@link ExperimentResults} and {@link RunResult} keep such a list
 * as it is instead of copying it.
 *
 * <p>Elements are read on demand: iterate rather than index at random, and read the list while the store
 * that made it is open (reporters run while it is).
 *
 * @since 0.4
 */
public abstract class StoredList<E> extends AbstractList<E> {

    /** {@code list} itself when it is a stored list, else an unmodifiable copy ({@link List#copyOf}). */
    public static <E> List<E> keepOrCopy(List<E> list) {
        return list instanceof StoredList<E> stored ? stored : List.copyOf(list);
    }

    /** A stored list read whole when first used, held softly, and read again if the memory was needed. */
    public abstract static class ReadWhole<E> extends StoredList<E> {
        private SoftReference<List<E>> held;

        /** The elements, from the store. */
        protected abstract List<E> read();

        private synchronized List<E> elements() {
            List<E> e = held == null ? null : held.get();
            if (e == null) {
                e = List.copyOf(read());
                held = new SoftReference<>(e);
            }
            return e;
        }

        @Override
        public E get(int index) {
            return elements().get(index);
        }

        @Override
        public int size() {
            return elements().size();
        }

        @Override
        public Iterator<E> iterator() {
            return elements().iterator();
        }
    }
}
