#!/usr/bin/env bash
# test/setup_proof.sh — prove the set-up of `make test` and `make demo` on
# fresh Debian 12 machines, as a new user would meet them.  As root:
#
#   bash test/setup_proof.sh [KIND...]     KIND: bare, server, image (default: all)
#
# Each kind is a debootstrap --variant=minbase bookworm root:
#   bare    nothing more;
#   server  + postgresql-15 postgresql-contrib (the server without its headers);
#   image   + postgresql-15 postgresql-contrib pkg-config libicu-dev (what the
#           project's machine image has).
# The roots are made once and kept under $JOBS_EXT_PROOF_DIR (default
# /var/tmp/jobs_ext_proof) as pristine-KIND; every proof runs in a fresh copy
# of one: install build-essential and git, clone this repository's HEAD (what
# CI would get), check that a plain `make` stops with a message naming
# postgresql-server-dev-15, then `make test`, `make demo`, `make demo-stop`.  It prints a
# line per kind and a last line `N passed, N failed`, and keeps each log.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${JOBS_EXT_PROOF_DIR:-/var/tmp/jobs_ext_proof}
mirror=${JOBS_EXT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(bare server image)

say() { printf '%s\n' "$*"; }
die() { printf 'setup_proof: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "debootstrap and chroot need root"
command -v debootstrap >/dev/null 2>&1 || {
	say "== installing debootstrap"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}
mkdir -p "$dir"

mounted=()
unmount_all() {
	local m i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		m=${mounted[i]}
		umount -l "$m" 2>/dev/null || true
	done
	mounted=()
}
trap unmount_all EXIT

mount_into() {
	local root=$1 m
	for m in proc sys dev dev/pts; do
		mkdir -p "$root/$m"
		case $m in
		proc) mount -t proc proc "$root/proc" ;;
		sys) mount -t sysfs sys "$root/sys" ;;
		dev) mount --bind /dev "$root/dev" ;;
		dev/pts) mount --bind /dev/pts "$root/dev/pts" ;;
		esac
		mounted+=("$root/$m")
	done
	mkdir -p "$root/src"
	mount --bind "$top" "$root/src"
	mount -o remount,bind,ro "$root/src"
	mounted+=("$root/src")
	cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
}

# kill_in_root ROOT: end every process whose root directory is ROOT
kill_in_root() {
	local root p
	root=$(readlink -f "$1")
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -9 "${p#/proc/}" 2>/dev/null
	done
	return 0
}

in_root() {
	local root=$1
	shift
	chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive bash -c "$*"
}

# pristine KIND: the kept root for KIND, made when missing
pristine() {
	local kind=$1 root=$dir/pristine-$1 extra=()
	[ -f "$root/.jobs_ext_pristine" ] && return 0
	case $kind in
	bare) ;;
	server) extra=(postgresql-15 postgresql-contrib) ;;
	image) extra=(postgresql-15 postgresql-contrib pkg-config libicu-dev) ;;
	*) die "unknown kind $kind (bare, server, image)" ;;
	esac
	rm -rf "$root"
	if [ "$kind" = bare ]; then
		say "== debootstrap bookworm into $root"
		debootstrap --variant=minbase bookworm "$root" "$mirror" >"$dir/debootstrap.log" 2>&1 ||
			{ tail -n 20 "$dir/debootstrap.log" >&2; die "debootstrap failed"; }
	else
		pristine bare
		say "== $root: the bare root + ${extra[*]}"
		cp -a "$dir/pristine-bare" "$root"
		rm -f "$root/.jobs_ext_pristine"
	fi
	if [ ${#extra[@]} -gt 0 ]; then
		mount_into "$root"
		# packages start no services in a chroot
		printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
		chmod 755 "$root/usr/sbin/policy-rc.d"
		in_root "$root" "apt-get update -qq && apt-get install -y -qq ${extra[*]} >/dev/null" ||
			die "installing ${extra[*]} into $root failed"
		rm -f "$root/usr/sbin/policy-rc.d"
		in_root "$root" "pg_lsclusters -h | awk '{print \$1, \$2}' | while read -r v n; do pg_dropcluster \$v \$n; done" || true
		unmount_all
	fi
	touch "$root/.jobs_ext_pristine"
}

total_passed=0
total_failed=0
for kind in "${kinds[@]}"; do
	pristine "$kind"
	root=$dir/run-$kind
	log=$dir/$kind.log
	rm -rf "$root"
	cp -a "$dir/pristine-$kind" "$root"
	mount_into "$root"
	start=$(date +%s)
	set +e
	in_root "$root" "set -e
		apt-get update -qq
		apt-get install -y -qq build-essential git >/dev/null
		git config --global --add safe.directory '*'
		git clone -q /src /root/jobs_ext
		cd /root/jobs_ext
		echo '== make (before anything is installed: must name the package to install)'
		if make >/tmp/plain-make.log 2>&1; then echo 'plain make succeeded without the server headers'; exit 1; fi
		cat /tmp/plain-make.log
		grep -q 'install postgresql-server-dev-15' /tmp/plain-make.log
		rm -f /tmp/plain-make.log
		echo '== make test'
		make test
		echo '== make demo'
		make demo
		echo '== make demo-stop'
		make demo-stop" >"$log" 2>&1
	rc=$?
	set -e
	# stop anything the run left behind in the root before unmounting
	kill_in_root "$root"
	unmount_all
	result=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 || true)
	demo=no
	grep -q 'demo cluster in .* stopped and removed' "$log" && demo=yes
	if [ $rc -eq 0 ] && [ -n "$result" ] && [ "$demo" = yes ]; then
		total_passed=$((total_passed + 1))
		say "$kind: ok in $(($(date +%s) - start)) s; make test: $result; make demo and make demo-stop: ok (log: $log)"
	else
		total_failed=$((total_failed + 1))
		say "$kind: FAILED (exit $rc) in $(($(date +%s) - start)) s; make test: ${result:-no summary}; demo: $demo (log: $log)"
		tail -n 15 "$log"
	fi
done
printf '%d passed, %d failed\n' "$total_passed" "$total_failed"
[ "$total_failed" -eq 0 ]
