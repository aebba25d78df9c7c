package io.etareport.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * A plain timing harness: warm-up runs, then measured runs, reporting min, median and max wall time and how much
 * the task allocated per run. {@link #header} also prints the live heap once the input is built, so the heap a
 * task needs beyond its input can be found by running it with a smaller {@code -Xmx}.
 */
public final class Bench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Bench() {
    }

    public static void measure(String name, int warmups, int runs, Callable<?> task) throws Exception {
        Object result = null;
        for (int i = 0; i < warmups; i++) {
            result = task.call();
        }
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        long allocated = 0;
        for (int i = 0; i < runs; i++) {
            long bytesBefore = allocatedBytes();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = task.call();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
            allocated += allocatedBytes() - bytesBefore;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        // The calling thread's CPU time says more than wall time on a busy shared machine (it leaves out other
        // threads: GC, and any pool the task hands work to).
        System.out.printf("%-40s min %7.1f ms  median %7.1f ms  max %7.1f ms  (%d runs)  cpu median %7.1f ms"
                        + "  allocates %5d MB/run  [%s]%n",
                name, nanos[0] / 1e6, nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6, runs, cpu[runs / 2] / 1e6,
                (allocated / runs) >> 20, result);
    }

    public static void header(String title) {
        System.out.printf("%n== %s  (java %s, %d cpus, max heap %d MB)%n", title, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Prints the heap still in use after a collection: the input the tasks work on. */
    public static void liveHeap(String what) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("live heap with %s: %d MB%n", what, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    public static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes();
    }
}
