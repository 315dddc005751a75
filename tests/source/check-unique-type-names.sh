#!/bin/bash
# Fails when two source files define a class or struct of the same name in the same
# named namespace. Such a pair links without a word and breaks the one-definition
# rule: the program then uses one layout where the other was compiled in (merging the
# area branches produced three of these; one crashed `qaw agreement`). Types inside an
# anonymous namespace are private to their file and are left out.
set -euo pipefail
root="${1:?usage: $0 SOURCE_DIR}"
cd "$root"
# The fixtures hold only some of the source folders.
folders=()
for folder in models ui app sqlite; do
    [ -d "$folder" ] && folders+=("$folder")
done
duplicates=$(find "${folders[@]}" -name '*.h' -o -name '*.cpp' | sort | xargs awk '
    FNR == 1 { ns = ""; anonymous = 0 }
    /^namespace [A-Za-z_:]+ *\{/ { ns = $2 }
    /^namespace *\{/ { anonymous = 1 }
    /^\} \/\/ namespace *$/ { anonymous = 0 }
    /^(class|struct) [A-Za-z_]+( final)?( :.*)?$/ || /^(class|struct) [A-Za-z_]+( final)? *\{/ {
        if (anonymous) next
        name = $2; sub(/[^A-Za-z_].*/, "", name)
        key = ns "::" name
        if (!(key in first)) first[key] = FILENAME
        else if (first[key] != FILENAME) print key ": " first[key] " and " FILENAME
    }')
if [ -n "$duplicates" ]; then
    echo "Types defined twice in the same namespace (rename one, or move it into an"
    echo "anonymous namespace if it is private to its file):"
    echo "$duplicates"
    exit 1
fi
echo "no type is defined twice in the same namespace"
