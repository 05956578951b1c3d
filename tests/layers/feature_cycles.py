#!/usr/bin/env python3
"""Fails when features include each other in a cycle.

Features depend on each other only through small declared interfaces, in one
direction; a cycle (a includes b, b includes a, possibly through others)
means two features cannot be understood, tested or removed apart.
Usage: feature_cycles.py SRC_FEATURES_DIR
"""
import os
import re
import sys


def includes(features_dir):
    graph = {}
    for name in sorted(os.listdir(features_dir)):
        folder = os.path.join(features_dir, name)
        if not os.path.isdir(folder):
            continue
        deps = graph.setdefault(name, set())
        for root, _, files in os.walk(folder):
            for f in files:
                if not f.endswith((".cpp", ".h")):
                    continue
                with open(os.path.join(root, f), encoding="utf-8", errors="replace") as text:
                    for line in text:
                        m = re.match(r'#include "features/([a-z_0-9]+)/', line)
                        if m and m.group(1) != name:
                            deps.add(m.group(1))
    return graph


def cycles(graph):
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def main():
    graph = includes(sys.argv[1])
    found = cycles(graph)
    for component in found:
        print("features in an include cycle: " + ", ".join(component))
        for a in component:
            print("  %s includes %s" % (a, ", ".join(sorted(graph[a] & set(component)))))
    edges = sum(len(d) for d in graph.values())
    print("%d features, %d include edges between them, %d cycle(s)" % (len(graph), edges, len(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
