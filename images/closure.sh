#!/bin/sh
# closure.sh ROOTFS PATH...: copies each file (symlinks followed) and every shared library it
# loads, as this system's dynamic loader resolves them, into ROOTFS. Run in a build stage, so
# that the final image holds these files and nothing else of the distribution. Libraries under
# $CLOSURE_SKIP (a folder the caller copies whole, like the JRE's) are left out.
set -eu
rootfs="$1"
shift
mkdir -p "$rootfs"
for path; do
    cp -L --parents "$path" "$rootfs"
    if head -c 4 "$path" | grep -q ELF; then
        ldd "$path" | grep -oE '(^[[:space:]]*|=> )/[^ ]+' | sed -E 's/^([[:space:]]*|=> )//' \
            | while read -r lib; do
                case "$lib" in "${CLOSURE_SKIP:-/nonexistent/}"*) continue ;; esac
                [ -e "$rootfs$lib" ] || cp -L --parents "$lib" "$rootfs"
            done
    fi
done
