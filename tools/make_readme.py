#!/usr/bin/env python
"""Write README.md from nbs/index.ipynb without Quarto (what `nbdev_readme` does with it).
Runs the notebook, drops `#| hide` cells and nbdev directives, and writes GitHub markdown: prose as is, code in
```python fences, text outputs in plain fences, DataFrames as HTML tables, figures as PNG files in README_files/
(shown at their display size). Links to notebooks point at nbs/."""
import base64, re, shutil, sys
from pathlib import Path
from execnb.nbio import read_nb
from execnb.shell import CaptureShell

ROOT = Path(__file__).resolve().parent.parent

def directives(src): return [l for l in src.splitlines() if l.startswith('#|')]
def strip_directives(src): return '\n'.join(l for l in src.splitlines() if not l.startswith('#|')).strip()

FIGS = ROOT / 'README_files'

def output_md(o, name='figure'):
    "Markdown for one cell output; a PNG is written to `README_files/{name}.png`."
    data = o.get('data', {})
    if 'image/png' in data:
        FIGS.mkdir(exist_ok=True)
        (FIGS / f'{name}.png').write_bytes(base64.b64decode(''.join(data['image/png'])))
        w = (o.get('metadata') or {}).get('image/png', {}).get('width')
        return f'<img src="README_files/{name}.png"' + (f' width="{w}"' if w else '') + ' alt="figure">'
    if 'text/markdown' in data: return ''.join(data['text/markdown'])
    if 'text/html' in data and '<table' in ''.join(data['text/html']):
        html = ''.join(data['text/html'])
        return re.sub(r'<style[\s\S]*?</style>\s*', '', html).strip()   # GitHub renders HTML tables
    text = ''.join(data.get('text/plain', o.get('text', '')))
    return f"```\n{text.rstrip()}\n```" if text.strip() else ''

def main(nb_path=ROOT / 'nbs' / 'index.ipynb', out=ROOT / 'README.md'):
    nb = read_nb(nb_path)
    CaptureShell(path=nb_path.parent).run_all(nb, exc_stop=True)
    shutil.rmtree(FIGS, ignore_errors=True)   # no figure left from an earlier README
    parts = []
    for i, c in enumerate(nb.cells):
        if any('hide' in d for d in directives(c.source)): continue
        if c.cell_type == 'markdown':
            parts.append(re.sub(r'\]\((\d\d[a-z]?_[\w]+)\.ipynb\)', r'](nbs/\1.ipynb)', c.source))
        else:
            parts.append(f"```python\n{strip_directives(c.source)}\n```")
            outs = [output_md(o, f'cell-{i}-output-{k}') for k, o in enumerate(c.get('outputs', []))]
            parts += [m for m in outs if m]
    header = "<!-- generated from nbs/index.ipynb by tools/make_readme.py (`make readme`); edit the notebook, not this file -->\n\n"
    out.write_text(header + '\n\n'.join(parts) + '\n')
    print(f"wrote {out}")

if __name__ == '__main__': main()
