package org.hpcusage.plugin.pbs;

/**
 * One execution queue of a {@link GeneratorProfile}: how often jobs land in it and what they ask
 * for there. Exclusive queues hand out whole nodes (cores, GPUs and memory per node); shared
 * queues hand out a few cores and some memory on one node. Built once, read-only afterwards.
 */
final class QueueShape {
    final String name;
    final int weight;
    final String routing;
    final String nodePrefix;
    final int nodeDigits;
    final int nodeCount;
    final int coresPerNode;
    final int gpusPerNode;
    final int gbPerNode;
    final boolean exclusive;
    final int maxWalltime;
    final int[] cpuChoices;
    final int[] cpuWeights;
    final int[] memChoices;
    String[] priorities;
    int[] priorityWeights;
    String preempt;
    String place;
    /** GPU jobs on Derecho run with the MPS daemon: {@code mps=1} in select and vnode. */
    boolean mps;
    /** Casper's htc queue adds {@code Resource_List.mps=0} on its way in. */
    boolean mpsZero;
    String gpuType;

    private QueueShape(String name, int weight, String routing, String nodePrefix, int nodeCount, int coresPerNode,
                       int gpusPerNode, int gbPerNode, boolean exclusive, int maxWalltime,
                       int[] cpuChoices, int[] cpuWeights, int[] memChoices) {
        this.name = name;
        this.weight = weight;
        this.routing = routing;
        this.nodePrefix = nodePrefix;
        this.nodeDigits = nodePrefix.startsWith("de") ? 4 : 2;
        this.nodeCount = nodeCount;
        this.coresPerNode = coresPerNode;
        this.gpusPerNode = gpusPerNode;
        this.gbPerNode = gbPerNode;
        this.exclusive = exclusive;
        this.maxWalltime = maxWalltime;
        this.cpuChoices = cpuChoices;
        this.cpuWeights = cpuWeights;
        this.memChoices = memChoices;
        this.place = exclusive ? "scatter:exclhost" : "scatter:shared";
    }

    static QueueShape exclusive(String name, int weight, String routing, String nodePrefix, int nodeCount,
                                int cores, int gpus, int gbPerNode, int maxWalltime) {
        return new QueueShape(name, weight, routing, nodePrefix, nodeCount, cores, gpus, gbPerNode, true, maxWalltime,
                null, null, null);
    }

    static QueueShape shared(String name, int weight, String routing, String nodePrefix, int nodeCount, int cores,
                             int gpus, int maxWalltime, int[] cpuChoices, int[] cpuWeights, int[] memChoices) {
        QueueShape q = new QueueShape(name, weight, routing, nodePrefix, nodeCount, cores, gpus, 0, false, maxWalltime,
                cpuChoices, cpuWeights, memChoices);
        if (!nodePrefix.startsWith("de")) {
            q.place = "scatter";
        }
        return q;
    }

    /** Pairs of priority name and weight. */
    QueueShape priorities(Object... pairs) {
        priorities = new String[pairs.length / 2];
        priorityWeights = new int[pairs.length / 2];
        for (int i = 0; i < pairs.length; i += 2) {
            priorities[i / 2] = (String) pairs[i];
            priorityWeights[i / 2] = (Integer) pairs[i + 1];
        }
        return this;
    }

    QueueShape preempt(String targets) {
        preempt = targets;
        return this;
    }

    QueueShape place(String p) {
        place = p;
        return this;
    }

    QueueShape mps() {
        mps = true;
        return this;
    }

    QueueShape mpsZero() {
        mpsZero = true;
        return this;
    }

    QueueShape gpuType(String type) {
        gpuType = type;
        return this;
    }

    boolean gpu() {
        return gpusPerNode > 0;
    }
}
