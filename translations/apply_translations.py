#!/usr/bin/env python3
"""Fill unfinished messages in vigil_de.ts / vigil_zh_CN.ts from tab-separated translation tables.

Why: several branches add strings to the same .ts files at once. After a rebase, take main's .ts,
run `cmake --build --preset ci --target update_translations` (lupdate), then run this script: it
re-applies the tables without touching any message that is already translated.

Table format (translations/*.tsv, UTF-8, '#' starts a comment line):
    context <TAB> source <TAB> German <TAB> Simplified Chinese
context '*' matches any context. Plural (numerus) messages: separate the forms with ' || '.
Every translation must keep the source's placeholders (%1..%99, %n); a table row that does not is
refused with a message naming it.

Usage: translations/apply_translations.py [--check]   (--check: only report unfinished counts)
"""
import glob
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGES = {"de": 2, "zh_CN": 3}  # language -> column in the tables
PLACEHOLDER = re.compile(r"%(?:n|L?\d{1,2})")
MESSAGE = re.compile(r"(<message[^>]*>)(.*?)(</message>)", re.S)
CONTEXT = re.compile(r"<context>\s*<name>(.*?)</name>(.*?)</context>", re.S)


def unescape(text):
    return html.unescape(text)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def load_tables():
    table = {}
    for path in sorted(glob.glob(os.path.join(HERE, "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                columns = line.split("\t")
                if len(columns) != 4:
                    sys.exit(f"{path}:{number}: expected 4 tab-separated columns, found {len(columns)}")
                context, source = columns[0], columns[1]
                for language, column in LANGUAGES.items():
                    for form in columns[column].split(" || "):
                        if placeholders(form) != placeholders(source) and "%n" not in source:
                            sys.exit(f"{path}:{number}: the {language} text loses or adds a placeholder "
                                     f"({placeholders(source)} vs {placeholders(form)}); fix the row")
                table[(context, source)] = columns
    return table


def lookup(table, context, source):
    return table.get((context, source)) or table.get(("*", source))


def fill(ts_text, language, table):
    column = LANGUAGES[language]
    filled = 0

    def on_context(ctx_match):
        nonlocal filled
        context = unescape(ctx_match.group(1))

        def on_message(msg):
            nonlocal filled
            body = msg.group(2)
            if 'type="unfinished"' not in body:
                return msg.group(0)
            source = unescape(re.search(r"<source>(.*?)</source>", body, re.S).group(1))
            row = lookup(table, context, source)
            if row is None:
                return msg.group(0)
            forms = row[column].split(" || ")
            if "numerus" in msg.group(1):
                inner = "".join(f"\n            <numerusform>{escape(f)}</numerusform>" for f in forms)
                translation = f"<translation>{inner}\n        </translation>"
            else:
                translation = f"<translation>{escape(forms[0])}</translation>"
            body = re.sub(r'<translation type="unfinished">.*?</translation>|<translation type="unfinished"/>',
                          lambda _: translation, body, count=1, flags=re.S)
            filled += 1
            return msg.group(1) + body + msg.group(3)

        return ctx_match.group(0).replace(ctx_match.group(2), MESSAGE.sub(on_message, ctx_match.group(2)), 1)

    return CONTEXT.sub(on_context, ts_text), filled


def main():
    check_only = "--check" in sys.argv[1:]
    table = {} if check_only else load_tables()
    remaining_total = 0
    for language in LANGUAGES:
        path = os.path.join(HERE, f"vigil_{language}.ts")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        filled = 0
        if not check_only:
            text, filled = fill(text, language, table)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        remaining = text.count('type="unfinished"')
        remaining_total += remaining
        print(f"vigil_{language}.ts: filled {filled}, unfinished {remaining}")
    return 1 if check_only and remaining_total else 0


if __name__ == "__main__":
    sys.exit(main())
