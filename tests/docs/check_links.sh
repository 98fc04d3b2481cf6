#!/usr/bin/env bash
# Every relative link in the project's Markdown files must point at something that exists, so the
# docs never send a reader to a file that has moved away.
set -euo pipefail
root=${1:?usage: check_links.sh REPO_ROOT}
cd "$root"
broken=0
checked=0
while IFS= read -r file; do
  dir=$(dirname "$file")
  # [text](target) where target is not a URL or an anchor
  while IFS= read -r target; do
    target=${target%%#*}
    [[ -z "$target" ]] && continue
    checked=$((checked + 1))
    if [[ ! -e "$dir/$target" ]]; then
      echo "broken link in $file: $target"
      broken=$((broken + 1))
    fi
  # Fenced code blocks hold code, not links (a C++ lambda "[&x](int y)" looks like one).
  done < <(awk '/^[[:space:]]*```/ { fenced = !fenced; next } !fenced' "$file" |
           grep -oE '\]\([^)]+\)' | sed -E 's/^\]\(//; s/\)$//' | grep -vE '^(https?:|mailto:|#)' || true)
done < <(git ls-files '*.md' 2>/dev/null || find . -name '*.md' -not -path './build/*')
echo "checked $checked links, $broken broken"
[[ $broken -eq 0 && $checked -gt 0 ]]
