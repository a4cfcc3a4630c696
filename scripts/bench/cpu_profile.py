"""Summarises an async-profiler CPU profile (collapsed stacks, thread names as root frames) for
scripts/bench.sh: where the samples go by thread, by component and by leaf frame.

A sample's component is the package of its innermost frame outside the JDK, so that a socket
write counts for the library that wrote (io.netty), a String copy for the template engine that
asked for it; samples of the JIT compiler and the VM thread (serial GC, safepoints) are named by
their thread. "kernel" is the share of a component's samples whose leaf is a kernel frame
(system calls: loopback TCP, epoll).

Run on its own, it prints the summary of each file given: python3 cpu_profile.py FILE.collapsed...
"""
import collections
import json
import re
import sys

JDK_PACKAGES = ("java/", "javax/", "jdk/", "sun/", "com/sun/")
# Packages split one level deeper than the usual three segments: their parts differ in cost.
DEEPER = ("io.vertx.core", "io.netty.handler", "org.jboss.resteasy")
THREAD_ROOT = re.compile(r"^\[(.*?) ?tid=\d+\]$")
JAVA_FRAME = re.compile(r"^[A-Za-z_$][\w$]*(/[\w$]+)+\.[^/]+$")
# Frames of class loading, wherever it is called from (start-up): define, link, verify, lookup.
CLASS_LOADING = re.compile(r"ClassLoader\.loadClass|ClassLoader\.defineClass|SystemDictionary::|ClassFileParser::")


def thread_group(name):
    """vert.x-eventloop-thread-1 -> vert.x-eventloop-thread; nameless native threads -> (native)."""
    return re.sub(r"[-#\s]*\d+$", "", name).strip() or "(native thread)"


def is_java(frame):
    return JAVA_FRAME.match(frame) is not None


def component(frames, thread):
    if "CompilerThre" in thread:
        return "JIT compiler threads"
    if thread in ("VM Thread", "GC Thread"):
        return "VM thread (GC, safepoints)"
    java = [f for f in frames if is_java(f)]
    own = [f for f in java if not f.startswith(JDK_PACKAGES)]
    if own:
        package = own[-1].rsplit(".", 1)[0].rsplit("/", 1)[0].replace("/", ".")
        parts = package.split(".")
        depth = 4 if package.startswith(DEEPER) else 3
        return ".".join(parts[:depth])
    if java:
        return "JDK only (java.*, sun.*)"
    return "JVM runtime, native"


def summarize(path, top=12):
    threads, components, kernel, leaves = (collections.Counter() for _ in range(4))
    total = class_loading = 0
    with open(path) as collapsed:
        for line in collapsed:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            count = int(count)
            frames = stack.split(";")
            match = THREAD_ROOT.match(frames[0])
            thread = thread_group(match.group(1)) if match else "(unknown)"
            if match:
                frames = frames[1:]
            total += count
            threads[thread] += count
            where = component(frames, thread)
            components[where] += count
            if frames and frames[-1].endswith("_[k]"):
                kernel[where] += count
            leaves[frames[-1] if frames else "(none)"] += count
            if CLASS_LOADING.search(stack):
                class_loading += count

    def shares(counter, n):
        return [(name, round(100 * c / total, 1)) for name, c in counter.most_common(n)]

    return {
        "samples": total,
        "threads_pct": shares(threads, 8),
        "components_pct": [(name, pct, round(100 * kernel[name] / total, 1))
                           for name, pct in shares(components, top)],
        "kernel_pct": round(100 * sum(kernel.values()) / total, 1),
        "class_loading_pct": round(100 * class_loading / total, 1),
        "top_frames_pct": shares(leaves, top),
    } if total else {"samples": 0}


def markdown(title, summary):
    if not summary.get("samples"):
        return [f"**{title}**: no samples", ""]
    lines = [f"**{title}** ({summary['samples']:,} samples; {summary['kernel_pct']} % in the kernel, "
             f"{summary['class_loading_pct']} % loading classes)", "",
             "| component (innermost non-JDK frame) | % of CPU samples | of which kernel |", "|---|---:|---:|"]
    lines += [f"| {name} | {pct} | {k} |" for name, pct, k in summary["components_pct"]]
    lines += ["", "threads: " + ", ".join(f"{name} {pct} %" for name, pct in summary["threads_pct"]), "",
              "| top frame (self) | % |", "|---|---:|"]
    lines += [f"| `{name}` | {pct} |" for name, pct in summary["top_frames_pct"]]
    return lines + [""]


if __name__ == "__main__":
    for file in sys.argv[1:]:
        print("\n".join(markdown(file, summarize(file))))
        print(json.dumps(summarize(file)))
