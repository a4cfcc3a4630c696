#!/bin/sh
# rootfs.sh ROOTFS USER UID APPLET...: what a minimal image needs around its programs: root and
# USER (uid = gid = UID) with a home, name service by files then DNS, a /tmp, and the busybox
# applets named (busybox itself is copied by closure.sh).
set -eu
rootfs="$1" user="$2" uid="$3"
shift 3
mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/bin" "$rootfs/home/$user"
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\n%s:x:%s:%s:%s:/home/%s:/sbin/nologin\n' \
    "$user" "$uid" "$uid" "$user" "$user" > "$rootfs/etc/passwd"
printf 'root:x:0:\n%s:x:%s:\n' "$user" "$uid" > "$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
chown "$uid:$uid" "$rootfs/home/$user"
for applet; do
    ln -sf /bin/busybox "$rootfs/bin/$applet"
done
