"""Run notebooks and list the cell outputs that the docs test would reject: Python warnings and machine paths.

A cheap stand-in for `test_outputs_clean` in tools/test_docs.py (no docs build, no browser), with its WARNING and
PATH regexes copied here (keep them in step). Used by no test. Usage, from the repository root:
`PYTHONPATH=$PWD .venv/bin/python tools/scan_outputs.py nbs/20_tutorial_quickstart.ipynb ...`; exits 1 when any
output matches."""
import os, re, sys
from pathlib import Path

WARNING = re.compile(r'(?<!class )\b\w*Warning\b(?=:|\s*\()')  # a warning shown, not a class documented
PATH = re.compile(r'(?<![\w.])(?:/work/|/root/|/tmp/|/home/|/usr/lib/python|/opt/)\S*|\S*site-packages\S*')

def output_text(o:dict)->str:
    "The text an output shows: stream text, plain/HTML data or a traceback."
    if o.get('output_type') == 'stream': return ''.join(o.get('text', ''))
    if o.get('output_type') == 'error': return '\n'.join(o.get('traceback', []))
    data = o.get('data', {})
    return ''.join(data.get('text/html', '')) + ''.join(data.get('text/plain', ''))

def scan(path:Path)->list:
    "Run the notebook (from its folder, as nbdev does) and return 'cell i: match' for each hit."
    from execnb.nbio import read_nb
    from execnb.shell import CaptureShell
    nb, cwd = read_nb(path), os.getcwd()
    os.chdir(path.parent)
    skip = lambda c: c.cell_type != 'code' or re.search(r'^#\|\s*eval:\s*false', c.source, re.M)
    try: CaptureShell().run_all(nb, exc_stop=True, preproc=skip)   # as nbdev_test: no eval: false cells
    finally: os.chdir(cwd)
    hits = []
    for i, c in enumerate(nb.cells):
        for o in c.get('outputs', []):
            t = output_text(o)
            hits += [f"cell {i}: {t[max(0, m.start() - 60):m.end() + 60]!r}" for m in WARNING.finditer(t)]
            hits += [f"cell {i}: path {m.group(0)[:80]!r}" for m in PATH.finditer(t)]
    return hits

if __name__ == '__main__':
    bad = 0
    for p in sys.argv[1:]:
        hits = scan(Path(p).resolve())
        print(f"{'FAIL' if hits else 'PASS'} {p}: {len(hits)} warning(s)/path(s)", *hits, sep='\n  ')
        bad += bool(hits)
    sys.exit(1 if bad else 0)
