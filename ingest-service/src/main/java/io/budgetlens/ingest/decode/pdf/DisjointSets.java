package io.budgetlens.ingest.decode.pdf;

/**
 * Union-find over the indices 0…n-1 (path halving; a union keeps the smaller root): which rulings cross into one
 * grid ({@link Lattice}), which cells a missing border merges ({@link GridTable}).
 */
final class DisjointSets {

    private final int[] parent;

    DisjointSets(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    /** The root of i's set. */
    int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
