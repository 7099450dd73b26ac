#!/usr/bin/env python
"""Write README.md from nbs/index.ipynb without Quarto (what `nbdev_readme` does with it).
Runs the notebook, drops `#| hide` cells and nbdev directives, and writes GitHub markdown: prose as is, code in
```python fences, text outputs in plain fences, DataFrames as HTML tables. Links to notebooks point at nbs/."""
import re, sys
from pathlib import Path
from execnb.nbio import read_nb
from execnb.shell import CaptureShell

ROOT = Path(__file__).resolve().parent.parent

def directives(src): return [l for l in src.splitlines() if l.startswith('#|')]
def strip_directives(src): return '\n'.join(l for l in src.splitlines() if not l.startswith('#|')).strip()

def output_md(o):
    "Markdown for one cell output."
    data = o.get('data', {})
    if 'text/markdown' in data: return ''.join(data['text/markdown'])
    if 'text/html' in data and '<table' in ''.join(data['text/html']):
        html = ''.join(data['text/html'])
        return re.sub(r'<style[\s\S]*?</style>\s*', '', html).strip()   # GitHub renders HTML tables
    text = ''.join(data.get('text/plain', o.get('text', '')))
    return f"```\n{text.rstrip()}\n```" if text.strip() else ''

def main(nb_path=ROOT / 'nbs' / 'index.ipynb', out=ROOT / 'README.md'):
    nb = read_nb(nb_path)
    CaptureShell(path=nb_path.parent).run_all(nb, exc_stop=True)
    parts = []
    for c in nb.cells:
        if any('hide' in d for d in directives(c.source)): continue
        if c.cell_type == 'markdown':
            parts.append(re.sub(r'\]\((\d\d[a-z]?_[\w]+)\.ipynb\)', r'](nbs/\1.ipynb)', c.source))
        else:
            parts.append(f"```python\n{strip_directives(c.source)}\n```")
            parts += [m for m in map(output_md, c.get('outputs', [])) if m]
    header = "<!-- generated from nbs/index.ipynb by tools/make_readme.py (`make readme`); edit the notebook, not this file -->\n\n"
    out.write_text(header + '\n\n'.join(parts) + '\n')
    print(f"wrote {out}")

if __name__ == '__main__': main()
