package io.etareport.cache;

/**
 * Makes one node at a time do the work of a key, across every node on the database. {@link LiveCalls}
 * already shares work between the threads of one node; this is the same between nodes, so a fetch that
 * several nodes want at once goes upstream once.
 */
interface ClusterLock {

    /** One node only (SQLite): sharing within the process is all there is. */
    ClusterLock LOCAL = new ClusterLock() {
        @Override
        public <V> V run(String key, Work<V> work) {
            return work.run(false);
        }
    };

    /** Runs {@code work} while holding {@code key}'s lock, waiting for another node that holds it. */
    <V> V run(String key, Work<V> work);

    interface Work<V> {

        /** @param waited another node held the key first: what it fetched may already be stored */
        V run(boolean waited);
    }
}
