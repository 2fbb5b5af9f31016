# shellcheck shell=bash
# Picks a JDK 21 or newer for ./kurashi and .ci/run. Source it, then call `kurashi_java_home`.
#
# Order: $JAVA_HOME, then the `java` on PATH, then Temurin 25 where the build machines have it.
# A candidate counts only if it is a full JDK (javac present): the same home also builds.

KURASHI_FALLBACK_JDK=/usr/lib/jvm/temurin-25-jdk-amd64
KURASHI_MIN_JAVA=21

# Prints the feature release (8, 17, 21, 25, ...) of the given java binary.
kurashi_java_major() {
  local spec
  spec=$("$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  spec=${spec#1.} # Java 8 reports 1.8
  printf '%s\n' "${spec%%.*}"
}

# Succeeds when the directory is the home of a JDK 21 or newer.
kurashi_is_usable_jdk() {
  local home=$1 major
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  major=$(kurashi_java_major "$home/bin/java")
  [[ $major =~ ^[0-9]+$ ]] && ((major >= KURASHI_MIN_JAVA))
}

# Prints the chosen JDK home, or explains on stderr why none fits and fails.
kurashi_java_home() {
  local path_home=""
  if [[ -n ${JAVA_HOME:-} ]]; then
    if kurashi_is_usable_jdk "$JAVA_HOME"; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
    echo "note: ignoring JAVA_HOME=$JAVA_HOME (not a JDK $KURASHI_MIN_JAVA+)" >&2
  fi
  if command -v java >/dev/null 2>&1; then
    path_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if kurashi_is_usable_jdk "$path_home"; then
      printf '%s\n' "$path_home"
      return 0
    fi
  fi
  if kurashi_is_usable_jdk "$KURASHI_FALLBACK_JDK"; then
    printf '%s\n' "$KURASHI_FALLBACK_JDK"
    return 0
  fi
  {
    echo "error: Kurashi needs a JDK $KURASHI_MIN_JAVA or newer, and none was found."
    [[ -n ${JAVA_HOME:-} ]] && echo "  JAVA_HOME=$JAVA_HOME is not one."
    [[ -n $path_home ]] && echo "  The java on PATH ($path_home) is Java $(kurashi_java_major "$path_home/bin/java")."
    echo "  Install one, or point JAVA_HOME at it, e.g.:"
    echo "    export JAVA_HOME=$KURASHI_FALLBACK_JDK"
  } >&2
  return 1
}
