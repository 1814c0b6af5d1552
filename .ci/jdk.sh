# Sourced by ./vigilw, .ci/run and tests/bench: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then `java` on the PATH, then the newest JDK under /usr/lib/jvm.
vigil_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
vigil_pick_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(vigil_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(vigil_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then echo "$candidate"; return 0; fi
  fi
  local best="" bestmajor=0
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(vigil_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$bestmajor" ]; then best=$candidate; bestmajor=$major; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  return 1
}
if ! JAVA_HOME=$(vigil_pick_jdk); then
  echo "vigil: no JDK 21 or newer found (checked \$JAVA_HOME, the PATH and /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's bundled Guava touches sun.misc.Unsafe, which JDK 24+ warns about on every build; allow it
# quietly there (older JDKs do not know the option).
if [ "$(vigil_java_major "$JAVA_HOME")" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
