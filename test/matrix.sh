#!/usr/bin/env bash
# test/matrix.sh — `make matrix`: the whole of `make test` on every PostgreSQL
# major version the extension supports:
#
#   15  on this machine (Debian 12), as `make test` does
#   17  in a Debian trixie root
#   18  in a Debian sid root
#
# The roots are made with debootstrap --variant=minbase from the Debian
# mirror when missing, under ${JOBS_EXT_MATRIX_DIR:-/var/tmp/jobs_ext_matrix}
# (pg17/, pg18/), and kept: a second run reuses them.  A root is ready when
# <root>/.jobs_ext_ready exists (build-essential, git, the server and its
# headers and every package of the checks installed, by test/harness.sh
# itself).  For each run the work tree is copied into <root>/build/<name of
# the checkout> (the tracked files and the untracked ones git does not
# ignore, so uncommitted changes are tested), and `make test` runs through
# chroot with PG_MAJOR set, in a mount namespace of its own where proc, sys
# and dev are mounted (gone with it, whatever happens).  Two runs in one root
# do not disturb each other: the harness's install lock lives in the root's
# /tmp, and no run sees another's mounts.
#
# Prints one line per version, "pgN: P passed, F failed" (the last such line
# of that run; a run without one counts as failed), then the total over all,
# and exits non-zero when anything failed.  Each run's full output is kept in
# <dir>/logs/<checkout>-pgN.log.
#
# JOBS_EXT_MATRIX_VERSIONS="15 17 18" picks the versions, JOBS_EXT_MATRIX_MIRROR
# the Debian mirror.  Needs root (debootstrap, mount, chroot).
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${JOBS_EXT_MATRIX_DIR:-/var/tmp/jobs_ext_matrix}
MIRROR=${JOBS_EXT_MATRIX_MIRROR:-http://deb.debian.org/debian}
read -r -a VERSIONS <<<"${JOBS_EXT_MATRIX_VERSIONS:-15 17 18}"
HOST_MAJOR=15
NAME=$(basename "$top")
LOGDIR=$DIR/logs
ROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

say() { printf '%s\n' "$*"; }
die() { printf 'matrix: %s\n' "$*" >&2; exit 1; }

# the Debian release whose PostgreSQL is major version $1
suite_of() {
	case $1 in
	17) echo trixie ;;
	18) echo sid ;;
	*) return 1 ;;
	esac
}

# The commands of a root run in a mount namespace of their own (unshare):
# the mounts they need are seen by nobody else, are not touched by another
# run mounting and unmounting in the same root, and go away with the
# namespace whatever happens; they are unmounted at the end all the same.
# Inside it: proc, sys, dev, dev/pts and dev/shm (the server's dynamic
# shared memory) of this machine inside ROOT, then COMMAND through chroot.
IN_NAMESPACE='
root=$1
shift
mounts=()
unmount() {
	local i
	for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
		umount "${mounts[i]}" || umount -l "${mounts[i]}"
	done
}
trap unmount EXIT
mount -t proc proc "$root/proc" && mounts+=("$root/proc") &&
	mount --bind /sys "$root/sys" && mounts+=("$root/sys") &&
	mount --bind /dev "$root/dev" && mounts+=("$root/dev") &&
	mount --bind /dev/pts "$root/dev/pts" && mounts+=("$root/dev/pts") &&
	mount --bind /dev/shm "$root/dev/shm" && mounts+=("$root/dev/shm") ||
	{ echo "matrix: could not mount proc, sys and dev in $root"; exit 1; }
chroot "$root" "$@"
'
trap 'exit 130' INT
trap 'exit 143' TERM

# mounted_under DIR: true when something is mounted at or below DIR
mounted_under() {
	awk -v d="$1" '$2 == d || index($2, d "/") == 1 { found = 1 } END { exit !found }' /proc/self/mounts
}

# make_base MAJOR: the debootstrapped root of MAJOR's Debian release, made
# when missing (a root left half-made by an interrupted run is made again).
make_base() {
	local major=$1 suite root
	suite=$(suite_of "$major") || die "no Debian release known for PostgreSQL $major"
	root=$DIR/pg$major
	[ -f "$root/.jobs_ext_base" ] && return 0
	if [ -e "$root" ]; then
		mounted_under "$root" && die "$root is half-made and has mounts: unmount them first"
		rm -rf "$root"
	fi
	if ! command -v debootstrap >/dev/null 2>&1; then
		say "== installing debootstrap"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
			die "could not install debootstrap"
	fi
	say "== making the Debian $suite root $root (a few minutes, once)"
	debootstrap --variant=minbase --include=build-essential,git,ca-certificates \
		"$suite" "$root" "$MIRROR" >"$DIR/pg$major.debootstrap.log" 2>&1 ||
		die "debootstrap $suite failed: see $DIR/pg$major.debootstrap.log"
	touch "$root/.jobs_ext_base"
}

# configure_root ROOT: name resolution for apt; no service starts on a
# package install; a mirror snapshot older than its Release file's
# Valid-Until (sid's lasts a week) is still accepted.
configure_root() {
	local root=$1
	cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
	printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
	chmod 755 "$root/usr/sbin/policy-rc.d"
	printf 'Acquire::Check-Valid-Until "false";\n' >"$root/etc/apt/apt.conf.d/99jobs-ext-matrix"
}

# copy_tree ROOT: the work tree into ROOT/build/NAME (tracked files and
# untracked ones git does not ignore; everything but .git outside git)
copy_tree() {
	local dest=$1/build/$NAME
	rm -rf "$dest"
	mkdir -p "$dest"
	if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git -C "$top" ls-files -z --cached --others --exclude-standard |
			(cd "$top" && while IFS= read -r -d '' f; do
				[ -e "$f" ] && printf '%s\0' "$f"
			done) |
			tar -C "$top" --null -T - -cf - | tar -C "$dest" -xf -
	else
		tar -C "$top" --exclude=.git -cf - . | tar -C "$dest" -xf -
	fi
}

# in_root ROOT MAJOR COMMAND: COMMAND in the checkout copied into ROOT, with
# a clean environment, in a mount namespace of its own
in_root() {
	local root=$1 major=$2
	shift 2
	unshare --mount --propagation private -- bash -c "$IN_NAMESPACE" bash "$root" \
		/usr/bin/env -i PATH="$ROOT_PATH" HOME=/root LANG=C.UTF-8 TERM=dumb \
		PG_MAJOR="$major" ${JOBS_EXT_QUICK:+JOBS_EXT_QUICK="$JOBS_EXT_QUICK"} \
		bash -c 'cd "/build/$1" && shift && "$@"' bash "$NAME" "$@"
}

# run_root MAJOR LOG: make the root when missing, then `make test` in it
run_root() {
	local major=$1 log=$2 root=$DIR/pg$1 rc=0
	(
		# one run at a time makes or prepares a root
		exec 8>"$DIR/pg$major.lock"
		flock 8
		make_base "$major"
	) || return 1
	root=$DIR/pg$major
	configure_root "$root"
	copy_tree "$root"
	if [ ! -f "$root/.jobs_ext_ready" ]; then
		(
			exec 8>"$DIR/pg$major.lock"
			flock 8
			[ -f "$root/.jobs_ext_ready" ] && exit 0
			say "== installing PostgreSQL $major and the checks' packages in $root"
			in_root "$root" "$major" bash test/harness.sh packages >>"$log" 2>&1 &&
				touch "$root/.jobs_ext_ready"
		) || { say "matrix: preparing $root failed: see $log"; return 1; }
	fi
	in_root "$root" "$major" make test >>"$log" 2>&1 || rc=$?
	return $rc
}

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, mount and chroot)"
mkdir -p "$DIR" "$LOGDIR" || die "cannot create $DIR"
say "matrix: roots and logs in $DIR"

declare -A PASSED FAILED
total_passed=0
total_failed=0
start_all=$SECONDS
for major in "${VERSIONS[@]}"; do
	log=$LOGDIR/$NAME-pg$major.log
	: >"$log"
	start=$SECONDS
	rc=0
	if [ "$major" = "$HOST_MAJOR" ]; then
		say "== pg$major: make test on this machine (log: $log)"
		PG_MAJOR=$major bash "$top/test/harness.sh" test >>"$log" 2>&1 || rc=$?
	elif suite_of "$major" >/dev/null; then
		say "== pg$major: make test in the Debian $(suite_of "$major") root $DIR/pg$major (log: $log)"
		run_root "$major" "$log" || rc=$?
	else
		say "== pg$major: no way to test this version" | tee -a "$log"
		rc=1
	fi
	summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	if [ -n "$summary" ]; then
		read -r p _ f _ <<<"$summary"
	else
		# it died before its summary
		p=0 f=1
	fi
	# a failing exit with nothing counted as failed is one failure
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	PASSED[$major]=$p
	FAILED[$major]=$f
	total_passed=$((total_passed + p))
	total_failed=$((total_failed + f))
	say "   pg$major done in $((SECONDS - start)) s (exit $rc)"
done

say "== matrix done in $((SECONDS - start_all)) s; logs in $LOGDIR"
for major in "${VERSIONS[@]}"; do
	say "pg$major: ${PASSED[$major]} passed, ${FAILED[$major]} failed"
done
say "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
