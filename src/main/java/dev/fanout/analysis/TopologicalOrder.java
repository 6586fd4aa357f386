package dev.fanout.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.IntConsumer;

/**
 * Kahn's algorithm, the one way tasks are put in an order where each comes after everything it waits for: its
 * dependencies, and wherever it applies, the task before it on its agent. Among the tasks ready at a time, the one
 * that became ready first goes first, or the first by a priority.
 */
final class TopologicalOrder {

    /** The tasks that wait for a task: {@link #forEach} hands each of them to {@code follower}. */
    @FunctionalInterface
    interface Followers {
        void forEach(int task, IntConsumer follower);
    }

    private final int[] waiting;
    /** The order so far; without a priority, its tail from {@link #next} on is the queue of ready tasks. */
    private final int[] order;
    private final PriorityQueue<Integer> prioritized;
    private int size;
    private int next;

    private TopologicalOrder(int count, int[] waiting, Comparator<Integer> priority) {
        this.waiting = waiting;
        this.order = new int[count];
        this.prioritized = priority == null ? null : new PriorityQueue<>(priority);
    }

    /**
     * Orders {@code tasks}, where {@code waiting[t]} is how many of them task t waits for (counted down to 0 here).
     *
     * @param priority which ready task goes first; null for the one that became ready first, then the one listed
     *        first in {@code tasks}
     * @return the order; shorter than {@code tasks} when some of them wait for each other in a loop
     */
    static int[] of(int[] tasks, int[] waiting, Followers followers, Comparator<Integer> priority) {
        var sorter = new TopologicalOrder(tasks.length, waiting, priority);
        for (int task : tasks) {
            if (waiting[task] == 0) {
                sorter.ready(task);
            }
        }
        IntConsumer release = sorter::release;
        while (sorter.hasNext()) {
            followers.forEach(sorter.next(), release);
        }
        return sorter.size == tasks.length ? sorter.order : Arrays.copyOf(sorter.order, sorter.size);
    }

    /** All the tasks of {@code instance}, each after its dependencies, the ready ones taken by {@code priority}. */
    static int[] byDependencies(Instance instance, Comparator<Integer> priority) {
        int n = instance.taskCount();
        var tasks = new int[n];
        var waiting = new int[n];
        for (int task = 0; task < n; task++) {
            tasks[task] = task;
            waiting[task] = instance.predecessors(task).length;
        }
        return of(tasks, waiting, TopologicalOrder.successors(instance::successors), priority);
    }

    /** Followers that are the successors given, one array per task. */
    static Followers successors(java.util.function.IntFunction<int[]> successors) {
        return (task, follower) -> {
            for (int s : successors.apply(task)) {
                follower.accept(s);
            }
        };
    }

    private void ready(int task) {
        if (prioritized == null) {
            order[size++] = task;
        } else {
            prioritized.add(task);
        }
    }

    private void release(int follower) {
        if (--waiting[follower] == 0) {
            ready(follower);
        }
    }

    private boolean hasNext() {
        return prioritized == null ? next < size : !prioritized.isEmpty();
    }

    private int next() {
        if (prioritized == null) {
            return order[next++];
        }
        int task = prioritized.poll();
        order[size++] = task;
        return task;
    }
}
