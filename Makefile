# jobs_ext — PGXS build.
#
# `make test`, `make demo` and `make bench` work on a machine with nothing but
# build-essential and git: they run test/harness.sh first, which installs the
# Debian packages that are missing and only then re-enters this Makefile, where
# PGXS can be included.  `make`, `make install` and `make installcheck` are the
# plain PGXS targets for a machine where PostgreSQL is already set up.

EXTENSION = jobs_ext
MODULE_big = jobs_ext
# every install and update script: jobs_ext--A.sql and jobs_ext--A--B.sql
DATA = $(wildcard jobs_ext--*.sql)
DOCS = $(wildcard doc/*.md)

SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:.c=.o)
# the headers are few and shared: rebuild every object when one changes
$(OBJS): $(wildcard src/*.h)

REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
# the suites hold Korean text: pg_regress makes its database UTF-8 whatever
# the cluster's default encoding (a cluster whose locale cannot take UTF-8
# fails at once, saying so, rather than skipping)
REGRESS_OPTS = --load-extension=jobs_ext --encoding=UTF8

# Prefer the PostgreSQL 15 of Debian when no pg_config is given, else the
# newest Debian one installed (as in the roots of `make matrix`).
ifeq ($(origin PG_CONFIG), undefined)
PG_CONFIG := $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) \
	$(lastword $(sort $(wildcard /usr/lib/postgresql/[1-9][0-9]/bin/pg_config))) pg_config)
endif

ICU_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n 2>/dev/null)
ICU_LIBS := $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null)

PG_CPPFLAGS = -Isrc $(ICU_CFLAGS)
# PostgreSQL's own headers have unused parameters, as every fmgr function does
PG_CFLAGS = -Wall -Wextra -Werror -Wno-unused-parameter
SHLIB_LINK = $(ICU_LIBS)

HARNESS = bash test/harness.sh

.DEFAULT_GOAL := all
.PHONY: test test-citus demo demo-stop bench bench-scale fuzz sanitize matrix

test:
	@$(HARNESS) test

# the Citus suite (test/citus/) on a coordinator and two workers started
# here; needs Citus installed for the server (doc/scaling.md), else it says
# so and exits 77; `make test` does not run it
test-citus:
	@bash test/citus.sh

demo:
	@$(HARNESS) demo

demo-stop:
	@$(HARNESS) demo-stop

bench:
	@$(HARNESS) bench

# doc/scaling.md "Scale on one machine": 100M enrolments (about 15-30 minutes)
bench-scale:
	@$(HARNESS) bench-scale

fuzz:
	@$(HARNESS) fuzz

sanitize:
	@$(HARNESS) sanitize

# the whole of `make test` on PostgreSQL 15 here and on 17 and 18 in Debian
# roots under /var/tmp/jobs_ext_matrix (test/matrix.sh)
matrix:
	@bash test/matrix.sh

# PGXS is included only when the server headers are there (Debian ships
# pgxs.mk with the client, postgres.h only with postgresql-server-dev-N); the
# targets above run before it is needed and install what it takes.
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
PG_INCLUDEDIR_SERVER := $(shell $(PG_CONFIG) --includedir-server 2>/dev/null)
PG_MAJOR_FOUND := $(shell $(PG_CONFIG) --version 2>/dev/null | sed -n 's/^PostgreSQL \([0-9][0-9]*\).*/\1/p')
ifneq ($(and $(wildcard $(PGXS)),$(wildcard $(PG_INCLUDEDIR_SERVER)/postgres.h)),)
include $(PGXS)
else
ifeq ($(filter test test-citus demo demo-stop bench bench-scale fuzz sanitize matrix,$(MAKECMDGOALS)),)
$(error PostgreSQL server headers not found ($(if $(PG_INCLUDEDIR_SERVER),no postgres.h in $(PG_INCLUDEDIR_SERVER),no $(PG_CONFIG) to ask)): install postgresql-server-dev-$(or $(PG_MAJOR_FOUND),15), or run 'make test', which installs what is missing)
endif
endif
