#!/usr/bin/env python
"""The house rules a test can check: reading order is import order (a notebook imports only modules
whose notebooks come earlier in `nbs/`), and no core module is over `MAX_LINES` lines.
Prints one line per breach and exits 1 when there is one."""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 560  # "about 500": a core module may run a little over, not double
IMPORT = re.compile(r'^\s*(?:from|import)\s+sif_nb\.([\w.]+)', re.M)

def notebooks():
    "Notebook paths in reading order (file-name order, as nbdev and the test runner take them)."
    return sorted(p for p in (ROOT / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))

def cells(nb): return [''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'code']

def module_of(code:list # a notebook's code cells, as `cells` gives them
             ):
    "The module a notebook exports (its `default_exp`), or None."
    for s in code:
        m = re.search(r'^#\|\s*default_exp\s+([\w.]+)', s, re.M)
        if m: return m[1]

def order_breaches()->list:
    "(notebook, module, module's notebook) for each import of a module defined later."
    nbs = notebooks()
    code = [cells(nb) for nb in nbs]                              # each notebook read once
    home = {m: i for i, cs in enumerate(code) if (m := module_of(cs))}
    out = []
    for i, (nb, cs) in enumerate(zip(nbs, code)):
        for mod in IMPORT.findall('\n'.join(cs)):
            j = home.get(mod)
            if j is not None and j > i: out.append((nb.name, mod, nbs[j].name))
    return sorted(set(out))

def size_breaches()->list:
    "(module, lines) of core modules over MAX_LINES (the paper harness and generated files aside)."
    mods = [p for p in (ROOT / 'sif_nb').glob('*.py') if not p.name.startswith('_')]
    return [(p.name, n) for p in mods if (n := len(p.read_text().splitlines())) > MAX_LINES]

def main():
    bad = [f"{a} imports sif_nb.{m}, whose notebook {b} comes later" for a, m, b in order_breaches()]
    bad += [f"sif_nb/{m} has {n} lines (at most {MAX_LINES})" for m, n in size_breaches()]
    print('\n'.join(bad))
    return 1 if bad else 0

if __name__ == '__main__': sys.exit(main())
