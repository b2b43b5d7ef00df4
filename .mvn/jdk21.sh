# Rounds: finds a JDK 21 or newer (Payara Micro 7 needs one) when JAVA_HOME does not name one. Sourced by mvnw and
# .ci/run, POSIX sh. Looks at JAVA_HOME, then javac on the PATH, then /usr/lib/jvm/* (Debian, Ubuntu, Fedora), then
# /Library/Java/JavaVirtualMachines/* (macOS), and takes the newest it finds there.

# the major version of the JDK in $1 (0 when it has no working java and javac)
rounds_jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || { echo 0; return 0; }
  rounds_major=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  echo "${rounds_major:-0}"
}

# sets and exports JAVA_HOME to a JDK 21+; returns 1, saying what to install, when there is none
rounds_use_jdk21() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(rounds_jdk_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  rounds_best="" rounds_best_major=0
  rounds_path_javac=$(command -v javac 2>/dev/null || true)
  if [ -n "$rounds_path_javac" ]; then
    # /usr/bin/javac is a chain of links on Debian; readlink -f is there on Linux and macOS 12.3+
    rounds_path_javac=$(readlink -f "$rounds_path_javac" 2>/dev/null || echo "$rounds_path_javac")
    rounds_candidates_from_path=$(dirname "$(dirname "$rounds_path_javac")")
  else
    rounds_candidates_from_path=""
  fi
  # mvnw runs with globbing off (set -f): on for the two directory patterns only
  case $- in *f*) rounds_glob_was_off=1; set +f ;; *) rounds_glob_was_off=0 ;; esac
  for rounds_candidate in $rounds_candidates_from_path /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$rounds_candidate" ] || continue
    rounds_major=$(rounds_jdk_major "$rounds_candidate")
    if [ "$rounds_major" -ge 21 ] && [ "$rounds_major" -gt "$rounds_best_major" ]; then
      rounds_best=$rounds_candidate rounds_best_major=$rounds_major
    fi
  done
  [ "$rounds_glob_was_off" = 0 ] || set -f
  if [ -z "$rounds_best" ]; then
    echo "Rounds needs a JDK 21 or newer and found none (JAVA_HOME, PATH, /usr/lib/jvm): install one (Debian/Ubuntu: apt-get install openjdk-21-jdk-headless; macOS: brew install openjdk@21) or point JAVA_HOME at it." >&2
    return 1
  fi
  if [ -n "${JAVA_HOME-}" ]; then
    echo "JAVA_HOME ($JAVA_HOME) is not a JDK 21+: using $rounds_best (Java $rounds_best_major)" >&2
  fi
  JAVA_HOME=$rounds_best
  export JAVA_HOME
}
